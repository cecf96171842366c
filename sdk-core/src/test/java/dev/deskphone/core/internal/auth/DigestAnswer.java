package dev.deskphone.core.internal.auth;

import dev.deskphone.core.Credentials;
import dev.deskphone.core.PhoneRequest;
import dev.deskphone.core.internal.Checks;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Test fixture: one Digest answer from its parts, checked as a caller of {@link PreparedDigest}
 * must check them, so tests and fuzzers can drive the arithmetic with any nonce count and cnonce.
 */
final class DigestAnswer {
  private static final HexFormat HEX = HexFormat.of();

  private DigestAnswer() {}

  /** The most characters a cnonce may have. */
  static final int MAX_CNONCE_LENGTH = 256;

  static Builder builder(Challenge challenge, Credentials credentials) {
    return new Builder(challenge, credentials);
  }

  /** Collects what an answer needs. */
  static final class Builder {
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
    Builder request(PhoneRequest request) {
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
    Builder method(String method) {
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
    Builder target(String target) {
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
    Builder nonceCount(int nonceCount) {
      if (nonceCount < 1) {
        throw new IllegalArgumentException("nonceCount must be at least 1, was " + nonceCount);
      }
      this.nonceCount = nonceCount;
      return this;
    }

    /**
     * The client nonce, for example from {@link DigestAuthorization#newCnonce(SecureRandom)}.
     *
     * @param cnonce 1 to {@value #MAX_CNONCE_LENGTH} printable ASCII characters other than space,
     *     {@code "} and {@code \}
     * @return this builder
     * @throws IllegalArgumentException if it breaks that rule
     */
    Builder cnonce(String cnonce) {
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
    Builder body(byte[] body) {
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
    DigestAuthorization build() {
      requireSet(method, "method");
      requireSet(target, "target");
      requireSet(nonceCount == 0 ? null : nonceCount, "nonceCount");
      requireSet(cnonce, "cnonce");
      return PreparedDigest.of(challenge, credentials.username(), credentials.password())
          .answer(method, target, HEX.toHexDigits(nonceCount), cnonce, body);
    }

    private static void requireSet(Object value, String name) {
      if (value == null) {
        throw new IllegalStateException(name + " must be set before build()");
      }
    }
  }
}
