package dev.deskphone.core.internal.auth;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to one Digest challenge: the value of an {@code Authorization: Digest ...} header (RFC
 * 7616, with RFC 2617 and RFC 2069 compatibility), computed by {@link PreparedDigest#answer}.
 *
 * <p>The caller keeps the nonce count and decides when to reuse a nonce. Rules:
 *
 * <ul>
 *   <li>qop: {@code auth} if offered; else {@code auth-int} if offered and the body was given;
 *       without a {@code qop} param, RFC 2069 mode ({@code response = H(HA1:nonce:HA2)}, no {@code
 *       nc}, {@code cnonce} or {@code qop} in the header). Anything else is refused.
 *   <li>algorithm: absent means MD5; an unknown one is refused, never answered with MD5. A {@code
 *       -sess} algorithm without a qop is refused, since its HA1 needs a cnonce that RFC 2617 then
 *       forbids sending. {@code algorithm} and {@code opaque} are echoed as the challenge spelled
 *       them; {@code algorithm} only if the challenge had one.
 *   <li>Text to bytes: the username and password are hashed as UTF-8, whether or not the challenge
 *       says {@code charset=UTF-8}: without it RFC 7616 leaves the encoding to the server, and
 *       Apache httpd's htdigest, curl and Python requests all use UTF-8 (checked against httpd in
 *       {@code ApacheHttpdDigestInteropTest}). Everything else hashed (the echoed params, the
 *       method, the request target) is ASCII.
 *   <li>username: {@code H(username:realm)} with {@code userhash=true} if the challenge asks for
 *       it; printable ASCII as a quoted-string; anything else as {@code username*} (RFC 8187),
 *       since {@code java.net.http} writes header values as US-ASCII (Apache httpd does not read
 *       {@code username*}: a non-ASCII user name cannot log in there).
 *   <li>Safety: a realm, nonce or opaque with a control character other than TAB (CR, LF and NUL
 *       included) or a character beyond ASCII is refused; {@code "} and {@code \} are escaped in
 *       every quoted-string, so no challenge can add a param or a line to the header.
 * </ul>
 *
 * <p>Params come in a fixed order: username, realm, nonce, uri, algorithm, response, opaque, qop,
 * nc, cnonce, userhash. Immutable and thread-safe; {@link #toString()} hides the header.
 */
public final class DigestAuthorization {
  private static final HexFormat HEX = HexFormat.of();

  private final String headerValue;
  private final DigestHash algorithm;
  private final String qop;

  DigestAuthorization(String headerValue, DigestHash algorithm, String qop) {
    this.headerValue = headerValue;
    this.algorithm = algorithm;
    this.qop = qop;
  }

  /**
   * A fresh client nonce: 16 random bytes as 32 lower-case hex digits.
   *
   * @param random the source of randomness
   * @return the cnonce
   */
  public static String newCnonce(SecureRandom random) {
    Objects.requireNonNull(random, "random");
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return HEX.formatHex(bytes);
  }

  /**
   * The {@code Authorization} header value, starting {@code Digest }. It proves knowledge of the
   * password: keep it out of logs.
   *
   * @return the header value
   */
  public String headerValue() {
    return headerValue;
  }

  /**
   * The algorithm used.
   *
   * @return the algorithm
   */
  public DigestHash algorithm() {
    return algorithm;
  }

  /**
   * The qop used.
   *
   * @return {@code auth} or {@code auth-int}; empty in RFC 2069 mode, where the nonce count is not
   *     sent
   */
  public Optional<String> qop() {
    return Optional.ofNullable(qop);
  }

  /**
   * The algorithm and qop, never the header, for example {@code
   * DigestAuthorization[algorithm=SHA-256, qop=auth, header=***]}.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return "DigestAuthorization[algorithm="
        + algorithm.wireName()
        + ", qop="
        + (qop == null ? "none" : qop)
        + ", header=***]";
  }
}
