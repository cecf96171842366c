package dev.deskphone.core.internal.auth;

import dev.deskphone.core.internal.Checks;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * The {@code Authorization: Basic ...} header value of RFC 7617. Whether Basic may be sent at all
 * (for example over plain http) is the caller's decision. Stateless and thread-safe.
 *
 * <p>Charset: RFC 7617 defines only {@code charset="UTF-8"}; without it the encoding is
 * unspecified, and browsers and curl send UTF-8. So {@link #charset(Challenge)} is UTF-8 either
 * way; {@link #header(String, String, Charset)} takes another charset only for a phone known to
 * expect it.
 */
public final class BasicAuthorization {

  private BasicAuthorization() {}

  /**
   * The charset to encode credentials in for a Basic challenge: UTF-8, whether or not the challenge
   * says {@code charset="UTF-8"}.
   *
   * @param challenge the Basic challenge
   * @return UTF-8
   */
  public static Charset charset(Challenge challenge) {
    Objects.requireNonNull(challenge, "challenge");
    return StandardCharsets.UTF_8;
  }

  /**
   * The header value {@code Basic base64(username ":" password)}, encoded in UTF-8.
   *
   * @param username the username
   * @param password the password
   * @return the header value; it reveals the password, so keep it out of logs
   * @throws IllegalArgumentException if the username contains {@code ':'}
   */
  public static String header(String username, String password) {
    return header(username, password, StandardCharsets.UTF_8);
  }

  /**
   * The header value {@code Basic base64(username ":" password)}, encoded in {@code charset}.
   *
   * @param username the username
   * @param password the password
   * @param charset the charset for the username and password, usually {@link #charset(Challenge)}
   * @return the header value; it reveals the password, so keep it out of logs
   * @throws IllegalArgumentException if the username contains {@code ':'} (RFC 7617 §2 forbids it:
   *     the server would split there) or the credentials cannot be encoded in {@code charset}; the
   *     message never shows the password
   */
  public static String header(String username, String password, Charset charset) {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(charset, "charset");
    if (username.indexOf(':') >= 0) {
      throw new IllegalArgumentException(
          "a username for Basic authentication must not contain ':' (RFC 7617), was "
              + Checks.quote(username));
    }
    CharsetEncoder encoder =
        charset
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    CharBuffer chars = CharBuffer.wrap(username + ":" + password);
    ByteBuffer bytes;
    try {
      bytes = encoder.encode(chars);
    } catch (CharacterCodingException e) {
      // No cause: nothing about which character failed, or where, may leak.
      throw new IllegalArgumentException(
          "the username or password cannot be encoded in " + charset.name() + " for Basic");
    }
    byte[] raw = Arrays.copyOf(bytes.array(), bytes.limit());
    Arrays.fill(bytes.array(), (byte) 0);
    String header = "Basic " + Base64.getEncoder().encodeToString(raw);
    Arrays.fill(raw, (byte) 0);
    return header;
  }
}
