package dev.deskphone.core;

import java.util.Objects;
import java.util.Optional;

/**
 * How one phone is authenticated: no credentials, or credentials answered with Digest or Basic as
 * the phone asks, and the two safety rules a caller may relax for that phone. {@link
 * PhoneTransport#withAuth} applies it. Immutable and thread-safe; {@link #toString()} never shows
 * the password.
 *
 * <p>The rules:
 *
 * <ul>
 *   <li>Never more than one authenticated retry per request; a request refused with {@code 401} was
 *       not run by the phone, so answering the challenge repeats no command.
 *   <li>A Digest answer sent at once and refused as {@code stale=true}, or with a fresh nonce, is
 *       retried once with the new nonce; refused otherwise, the credentials are wrong.
 *   <li>Lockout safety: after 2 refused logins to one phone within a minute, calls fail fast with
 *       {@link PhoneAuthenticationException} without contacting it until the minute passes (snom
 *       phones lock their web interface after 3).
 *   <li>Basic over plain http is refused unless {@link #allowingBasicOverHttp()}; a phone that used
 *       Digest and now offers only Basic is refused unless {@link #allowingDowngrade()}; an unknown
 *       Digest algorithm is never answered with MD5.
 *   <li>User names and passwords are UTF-8 for Digest and Basic; a user name beyond ASCII goes as
 *       Digest's {@code username*} (RFC 7616).
 *   <li>Digest over plain http works and logs one WARN per phone.
 * </ul>
 *
 * <pre>{@code
 * PhoneAuth auth = PhoneAuth.of(Credentials.of("admin", "secret"));
 * PhoneAuth legacy = auth.allowingBasicOverHttp(); // a phone set to Basic, reached over http
 * }</pre>
 */
public final class PhoneAuth {
  private static final PhoneAuth NONE = new PhoneAuth(null, false, false);

  private final Credentials credentials;
  private final boolean basicOverHttp;
  private final boolean downgrade;

  private PhoneAuth(Credentials credentials, boolean basicOverHttp, boolean downgrade) {
    this.credentials = credentials;
    this.basicOverHttp = basicOverHttp;
    this.downgrade = downgrade;
  }

  /**
   * No credentials: a phone that asks for some fails with {@link PhoneAuthenticationException}.
   *
   * @return the authentication that sends none
   */
  public static PhoneAuth none() {
    return NONE;
  }

  /**
   * Answer the phone's challenge with these credentials: Digest (SHA-256 preferred over MD5) or,
   * over https, Basic.
   *
   * @param credentials the user name and password
   * @return the authentication with them
   */
  public static PhoneAuth of(Credentials credentials) {
    return new PhoneAuth(Objects.requireNonNull(credentials, "credentials"), false, false);
  }

  /**
   * The same, but also sends Basic credentials over plain http, where anyone on the network can
   * read the password. Only for phones that cannot do Digest or https.
   *
   * @return a copy that allows it
   */
  public PhoneAuth allowingBasicOverHttp() {
    return new PhoneAuth(credentials, true, downgrade);
  }

  /**
   * The same, but accepts a phone that answered Digest before and now offers only Basic (which is
   * otherwise refused as a possible downgrade attack).
   *
   * @return a copy that allows it
   */
  public PhoneAuth allowingDowngrade() {
    return new PhoneAuth(credentials, basicOverHttp, true);
  }

  /** {@return the credentials, if any} */
  public Optional<Credentials> credentials() {
    return Optional.ofNullable(credentials);
  }

  /** {@return whether Basic may be sent over plain http} */
  public boolean basicOverHttpAllowed() {
    return basicOverHttp;
  }

  /** {@return whether Basic is accepted after the phone used Digest} */
  public boolean downgradeAllowed() {
    return downgrade;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PhoneAuth a
        && Objects.equals(credentials, a.credentials)
        && basicOverHttp == a.basicOverHttp
        && downgrade == a.downgrade;
  }

  @Override
  public int hashCode() {
    return Objects.hash(credentials, basicOverHttp, downgrade);
  }

  @Override
  public String toString() {
    if (credentials == null) {
      return "PhoneAuth[none]";
    }
    return "PhoneAuth["
        + credentials
        + (basicOverHttp ? ", basic over http allowed" : "")
        + (downgrade ? ", downgrade allowed" : "")
        + "]";
  }
}
