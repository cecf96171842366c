package dev.deskphone.core.internal.auth;

import java.util.Objects;

/**
 * The SDK will not answer a challenge: it is not one this SDK can answer safely (an unknown
 * algorithm or qop, a missing realm or nonce, a value that could break the header). Unchecked; the
 * caller turns it into a {@code PhoneAuthenticationException} that names the phone. The message
 * names the offending parameter and never contains a password or a computed response.
 */
public final class UnusableChallengeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why a challenge was refused. */
  public enum Reason {
    /** The challenge is not of the scheme asked for. */
    WRONG_SCHEME,
    /** A param the scheme needs, such as {@code realm} or {@code nonce}, is missing. */
    MISSING_PARAMETER,
    /** The {@code algorithm} is not one of {@link DigestHash}; never falls back to MD5. */
    UNSUPPORTED_ALGORITHM,
    /** No offered {@code qop} can be used, or the algorithm needs a qop the challenge lacks. */
    UNSUPPORTED_QOP,
    /** A value to echo holds a control character such as CR, LF or NUL. */
    UNSAFE_VALUE
  }

  /** Why the challenge was refused. */
  private final Reason reason;

  /**
   * Creates an exception.
   *
   * @param reason why
   * @param message what, naming the parameter; never a credential
   */
  public UnusableChallengeException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * Why the challenge was refused.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }
}
