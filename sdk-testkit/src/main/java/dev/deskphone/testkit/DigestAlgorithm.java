package dev.deskphone.testkit;

/** The HTTP Digest algorithms a {@link FakeSnomPhone} can offer (RFC 7616, {@code qop=auth}). */
public enum DigestAlgorithm {
  /** {@code MD5}, what snom phones offer. */
  MD5("MD5", "MD5"),
  /** {@code SHA-256}. */
  SHA_256("SHA-256", "SHA-256");

  private final String token;
  private final String jdkName;

  DigestAlgorithm(String token, String jdkName) {
    this.token = token;
    this.jdkName = jdkName;
  }

  /** {@return the {@code algorithm} token on the wire, for example {@code "SHA-256"}} */
  public String token() {
    return token;
  }

  /** {@return the {@link java.security.MessageDigest} algorithm name} */
  public String jdkName() {
    return jdkName;
  }
}
