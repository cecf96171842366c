package dev.deskphone.unify.internal;

import dev.deskphone.core.internal.Checks;
import dev.deskphone.core.internal.PercentEncoding;
import dev.deskphone.core.internal.QueryParts;
import dev.deskphone.core.internal.Redaction;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code application/x-www-form-urlencoded} and query strings, both ways. Encoding keeps only the
 * RFC 3986 unreserved characters and writes every other byte of the UTF-8 form as {@code %XX}, so
 * the result is the same in a query and in a form body. Decoding is strict: a {@code %} not
 * followed by two hex digits, or bytes that are not valid in the charset, are errors. Stateless.
 */
public final class FormCodec {
  private FormCodec() {}

  /** Percent-encodes {@code value} as UTF-8, keeping {@code A-Z a-z 0-9 - . _ ~}. */
  public static String encode(String value) {
    return PercentEncoding.encode(value);
  }

  public static String encode(List<Map.Entry<String, String>> pairs) {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, String> pair : pairs) {
      if (out.length() > 0) {
        out.append('&');
      }
      out.append(encode(pair.getKey())).append('=').append(encode(pair.getValue()));
    }
    return out.toString();
  }

  /**
   * Decodes {@code name=value&...} into pairs, in order. Empty segments ({@code a=1&&b=2}) are
   * skipped, a segment without {@code =} has an empty value, {@code +} is a space.
   *
   * @param raw the raw query or form body
   * @param charset the charset the percent-encoded bytes are in
   * @param maxPairs the most pairs allowed
   * @param maxNameLength the longest decoded name allowed, in characters
   * @param maxValueLength the longest decoded value allowed, in characters
   * @throws IllegalArgumentException naming the problem; a secret-looking parameter's value is
   *     never shown
   */
  public static List<Map.Entry<String, String>> decode(
      String raw, Charset charset, int maxPairs, int maxNameLength, int maxValueLength) {
    List<Map.Entry<String, String>> pairs = new ArrayList<>();
    for (String segment : QueryParts.segments(raw, maxPairs)) {
      pairs.add(pair(segment, charset, maxNameLength, maxValueLength));
    }
    return pairs;
  }

  private static Map.Entry<String, String> pair(
      String segment, Charset charset, int maxNameLength, int maxValueLength) {
    int eq = segment.indexOf('=');
    String rawName = eq < 0 ? segment : segment.substring(0, eq);
    String rawValue = eq < 0 ? "" : segment.substring(eq + 1);
    String name = decodeOne(rawName, charset, null, false);
    if (name.isEmpty()) {
      throw new IllegalArgumentException("a parameter has an empty name");
    }
    if (name.length() > maxNameLength) {
      throw new IllegalArgumentException(
          "parameter name must be at most "
              + maxNameLength
              + " characters, was "
              + Checks.quote(name));
    }
    boolean secret = Redaction.isSecretName(name);
    String value = decodeOne(rawValue, charset, name, secret);
    if (value.length() > maxValueLength) {
      throw new IllegalArgumentException(
          "parameter "
              + Checks.quote(name)
              + " must be at most "
              + maxValueLength
              + " characters"
              + (secret ? " (its length is not shown)" : ", was " + value.length()));
    }
    return Map.entry(name, value);
  }

  /** Decodes a parameter's name ({@code name} null) or the value of parameter {@code name}. */
  private static String decodeOne(String raw, Charset charset, String name, boolean secret) {
    if (raw.indexOf('%') < 0 && raw.indexOf('+') < 0) {
      return raw;
    }
    byte[] bytes;
    try {
      bytes = QueryParts.decode(raw, true);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          what(name)
              + " has "
              + e.getMessage()
              + (secret ? " (the value is not shown)" : ", was " + Checks.quote(raw)));
    }
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(
          what(name) + " is not valid " + charset.name() + " once percent-decoded");
    }
  }

  private static String what(String name) {
    return name == null ? "a parameter name" : "parameter " + Checks.quote(name);
  }
}
