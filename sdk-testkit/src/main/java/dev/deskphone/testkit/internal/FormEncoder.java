package dev.deskphone.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code name=value&...} as {@code application/x-www-form-urlencoded}, the way the WHATWG
 * URL standard serialises a form (what browsers send, and what the JDK's {@code URLEncoder}
 * writes): UTF-8 bytes; {@code A-Z a-z 0-9 * - . _} kept; a space as {@code +}; every other byte as
 * {@code %XX}. Written for the fake alone, sharing nothing with sdk-unify's encoder, whose output
 * differs (it writes a space as {@code %20}), so a server under test must read both spellings.
 * Stateless.
 */
public final class FormEncoder {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private FormEncoder() {}

  /** The pairs, each encoded, joined by {@code &}, in the order given. */
  public static String encode(List<Map.Entry<String, String>> pairs) {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, String> pair : pairs) {
      if (out.length() > 0) {
        out.append('&');
      }
      encode(pair.getKey(), out);
      out.append('=');
      encode(pair.getValue(), out);
    }
    return out.toString();
  }

  /**
   * {@code value} percent-encoded as one URL component (RFC 3986): UTF-8 bytes, {@code A-Z a-z 0-9
   * - . _ ~} kept, every other byte (a space too) as {@code %XX}; what a phone puts into the URLs
   * it builds (action-URL variables, a typed input).
   */
  public static String component(String value) {
    StringBuilder out = new StringBuilder(value.length() + 16);
    component(value, out);
    return out.toString();
  }

  /** Appends {@link #component(String)} of {@code value} to {@code out}. */
  public static void component(String value, StringBuilder out) {
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c >= 'A' && c <= 'Z'
          || c >= 'a' && c <= 'z'
          || c >= '0' && c <= '9'
          || "-._~".indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
  }

  private static void encode(String text, StringBuilder out) {
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c >= 'A' && c <= 'Z'
          || c >= 'a' && c <= 'z'
          || c >= '0' && c <= '9'
          || "*-._".indexOf(c) >= 0) {
        out.append((char) c);
      } else if (c == ' ') {
        out.append('+');
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
  }
}
