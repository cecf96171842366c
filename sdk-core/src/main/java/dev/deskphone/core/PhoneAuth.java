package dev.deskphone.core;

import java.util.Objects;
import java.util.Optional;

/**
 * How one phone is authenticated: no credentials, or credentials answered with Digest or Basic as
 * the phone asks, and the two safety rules a caller may relax for that phone. Immutable and
 * thread-safe; {@link #toString()} never shows the password.
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

  /** No credentials: a phone that asks for some fails with {@link PhoneAuthenticationException}. */
  public static PhoneAuth none() {
    return NONE;
  }

  /**
   * Answer the phone's challenge with these credentials: Digest (SHA-256 preferred over MD5) or,
   * over https, Basic.
   */
  public static PhoneAuth of(Credentials credentials) {
    return new PhoneAuth(Objects.requireNonNull(credentials, "credentials"), false, false);
  }

  /**
   * The same, but also sends Basic credentials over plain http, where anyone on the network can
   * read the password. Only for phones that cannot do Digest or https.
   */
  public PhoneAuth allowingBasicOverHttp() {
    return new PhoneAuth(credentials, true, downgrade);
  }

  /**
   * The same, but accepts a phone that answered Digest before and now offers only Basic (which is
   * otherwise refused as a possible downgrade attack).
   */
  public PhoneAuth allowingDowngrade() {
    return new PhoneAuth(credentials, basicOverHttp, true);
  }

  /** The credentials, if any. */
  public Optional<Credentials> credentials() {
    return Optional.ofNullable(credentials);
  }

  /** Whether Basic may be sent over plain http. */
  public boolean basicOverHttpAllowed() {
    return basicOverHttp;
  }

  /** Whether Basic is accepted after the phone used Digest. */
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
