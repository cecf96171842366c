package dev.deskphone.core.internal.auth;

import dev.deskphone.core.Credentials;
import dev.deskphone.core.PhoneRequest;
import dev.deskphone.core.internal.Checks;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to one Digest challenge: the value of an {@code Authorization: Digest ...} header (RFC
 * 7616, with RFC 2617 and RFC 2069 compatibility), computed by {@link Builder#build()}.
 *
 * <pre>{@code
 * DigestAuthorization auth =
 *     DigestAuthorization.builder(challenge, credentials)
 *         .request(phoneRequest)
 *         .nonceCount(1)
 *         .cnonce(DigestAuthorization.newCnonce(random))
 *         .build();
 * String header = auth.headerValue();
 * }</pre>
 *
 * <p>Stateless: the caller keeps the nonce count and decides when to reuse a nonce. Rules:
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

  /** The most characters a cnonce may have: {@value}. */
  public static final int MAX_CNONCE_LENGTH = 256;

  private final String headerValue;
  private final DigestAlgorithm algorithm;
  private final String qop;

  DigestAuthorization(String headerValue, DigestAlgorithm algorithm, String qop) {
    this.headerValue = headerValue;
    this.algorithm = algorithm;
    this.qop = qop;
  }

  /**
   * Starts answering a challenge.
   *
   * @param challenge a Digest challenge
   * @param credentials the credentials to answer with
   * @return a builder; set the request, nonce count and cnonce, then {@link Builder#build()}
   */
  public static Builder builder(Challenge challenge, Credentials credentials) {
    return new Builder(challenge, credentials);
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
  public DigestAlgorithm algorithm() {
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

  /** Collects what an answer needs. Not thread-safe; its {@code toString} shows no credential. */
  public static final class Builder {
    private final Challenge challenge;
    private final Credentials credentials;
    private String method;
    private String target;
    private int nonceCount;
    private String cnonce;
    private byte[] body;

    private Builder(Challenge challenge, Credentials credentials) {
      this.challenge = Objects.requireNonNull(challenge, "challenge");
      this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    /**
     * Takes the method, the request target and the body (which makes {@code auth-int} possible)
     * from the request.
     *
     * @param request the request being authorized
     * @return this builder
     */
    public Builder request(PhoneRequest request) {
      Objects.requireNonNull(request, "request");
      return method(request.method()).target(request.target()).body(request.body());
    }

    /**
     * The request method.
     *
     * @param method an HTTP token such as {@code GET}
     * @return this builder
     * @throws IllegalArgumentException if it is not a token
     */
    public Builder method(String method) {
      Objects.requireNonNull(method, "method");
      if (!Checks.isHttpToken(method)) {
        throw new IllegalArgumentException(
            "method must be an HTTP token such as GET, was " + Checks.quote(method));
      }
      this.method = method;
      return this;
    }

    /**
     * The request target exactly as sent: raw path and raw query, as {@link PhoneRequest#target()}
     * gives it.
     *
     * @param target for example {@code /command.htm?key=F1}
     * @return this builder
     * @throws IllegalArgumentException if empty or with whitespace or a control character; the
     *     message does not show the target, whose query may hold secrets
     */
    public Builder target(String target) {
      Objects.requireNonNull(target, "target");
      if (target.isEmpty()) {
        throw new IllegalArgumentException("target must not be empty");
      }
      for (int i = 0; i < target.length(); i++) {
        char c = target.charAt(i);
        if (Character.isWhitespace(c) || Character.isISOControl(c)) {
          throw new IllegalArgumentException(
              "target must not contain whitespace or control characters, found "
                  + Checks.codePoint(c)
                  + " at index "
                  + i);
        }
      }
      this.target = target;
      return this;
    }

    /**
     * The nonce count: how many requests, this one included, used the nonce. Sent as 8 lower-case
     * hex digits; unused in RFC 2069 mode.
     *
     * @param nonceCount 1 or more
     * @return this builder
     * @throws IllegalArgumentException if less than 1
     */
    public Builder nonceCount(int nonceCount) {
      if (nonceCount < 1) {
        throw new IllegalArgumentException("nonceCount must be at least 1, was " + nonceCount);
      }
      this.nonceCount = nonceCount;
      return this;
    }

    /**
     * The client nonce, for example from {@link DigestAuthorization#newCnonce(SecureRandom)}.
     *
     * @param cnonce 1 to {@value DigestAuthorization#MAX_CNONCE_LENGTH} printable ASCII characters
     *     other than space, {@code "} and {@code \}
     * @return this builder
     * @throws IllegalArgumentException if it breaks that rule
     */
    public Builder cnonce(String cnonce) {
      Objects.requireNonNull(cnonce, "cnonce");
      boolean ok = !cnonce.isEmpty() && cnonce.length() <= MAX_CNONCE_LENGTH;
      for (int i = 0; ok && i < cnonce.length(); i++) {
        char c = cnonce.charAt(i);
        ok = c > 0x20 && c < 0x7f && c != '"' && c != '\\';
      }
      if (!ok) {
        throw new IllegalArgumentException(
            "cnonce must be 1 to "
                + MAX_CNONCE_LENGTH
                + " printable ASCII characters other than space, '\"' and '\\', was "
                + Checks.quote(cnonce));
      }
      this.cnonce = cnonce;
      return this;
    }

    /**
     * The request body, which makes {@code auth-int} possible when the challenge offers only that.
     * Without it, such a challenge is refused.
     *
     * @param body the body bytes exactly as sent (copied); empty for no body
     * @return this builder
     */
    public Builder body(byte[] body) {
      this.body = Objects.requireNonNull(body, "body").clone();
      return this;
    }

    /**
     * Computes the answer.
     *
     * @return the answer
     * @throws IllegalStateException if the method, target, nonce count or cnonce was not set
     * @throws UnusableChallengeException if the challenge cannot be answered safely; its message
     *     never contains the password or a response
     */
    public DigestAuthorization build() {
      requireSet(method, "method");
      requireSet(target, "target");
      requireSet(nonceCount == 0 ? null : nonceCount, "nonceCount");
      requireSet(cnonce, "cnonce");
      return PreparedDigest.of(challenge, credentials)
          .answer(method, target, HEX.toHexDigits(nonceCount), cnonce, body);
    }

    private static void requireSet(Object value, String name) {
      if (value == null) {
        throw new IllegalStateException(name + " must be set before build()");
      }
    }
  }
}
