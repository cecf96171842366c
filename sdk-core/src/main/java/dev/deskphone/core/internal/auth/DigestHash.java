package dev.deskphone.core.internal.auth;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * The Digest algorithms of RFC 7616 §3.3 (and RFC 2617's {@code MD5-sess}), with their wire names
 * and hash functions. Thread-safe.
 */
public enum DigestHash {
  /** {@code MD5}: the RFC 2617 default, what a challenge without {@code algorithm} means. */
  MD5("MD5", "MD5", false, 1),
  /** {@code MD5-sess}. */
  MD5_SESS("MD5-sess", "MD5", true, 1),
  /** {@code SHA-256}. */
  SHA_256("SHA-256", "SHA-256", false, 2),
  /** {@code SHA-256-sess}. */
  SHA_256_SESS("SHA-256-sess", "SHA-256", true, 2),
  /** {@code SHA-512-256}: SHA-512/256 of FIPS 180-4. */
  SHA_512_256("SHA-512-256", "SHA-512/256", false, 3),
  /** {@code SHA-512-256-sess}. */
  SHA_512_256_SESS("SHA-512-256-sess", "SHA-512/256", true, 3);

  private static final HexFormat HEX = HexFormat.of();
  private static final DigestHash[] VALUES = values();

  private final String wireName;
  private final String javaName;
  private final boolean session;
  private final int strength;

  DigestHash(String wireName, String javaName, boolean session, int strength) {
    this.wireName = wireName;
    this.javaName = javaName;
    this.session = session;
    this.strength = strength;
  }

  /**
   * The algorithm a wire name stands for, compared case-insensitively in ASCII.
   *
   * @param wireName for example {@code "SHA-256"} or {@code "md5-sess"}
   * @return the algorithm; empty for a name this SDK does not know, which a caller must refuse
   *     rather than fall back to MD5
   */
  public static Optional<DigestHash> fromWireName(String wireName) {
    Objects.requireNonNull(wireName, "wireName");
    // ASCII only: equalsIgnoreCase alone would take U+017F (long s) for 's' and U+212A for 'K'.
    for (int i = 0; i < wireName.length(); i++) {
      if (wireName.charAt(i) >= 0x80) {
        return Optional.empty();
      }
    }
    for (DigestHash a : VALUES) {
      if (a.wireName.equalsIgnoreCase(wireName)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  /**
   * The algorithm a challenge asks for: its {@code algorithm} param, or {@link #MD5} when it has
   * none (RFC 7616 §3.3).
   *
   * @param challenge a Digest challenge
   * @return the algorithm; empty if the challenge names one this SDK does not know
   */
  public static Optional<DigestHash> of(Challenge challenge) {
    Objects.requireNonNull(challenge, "challenge");
    return challenge.param("algorithm").map(DigestHash::fromWireName).orElse(Optional.of(MD5));
  }

  /**
   * The name on the wire, for example {@code SHA-256-sess}.
   *
   * @return the wire name
   */
  public String wireName() {
    return wireName;
  }

  /**
   * Whether this is a {@code -sess} variant, whose HA1 also covers the nonce and the cnonce.
   *
   * @return true for the {@code -sess} variants
   */
  public boolean isSession() {
    return session;
  }

  /**
   * How strong the hash is, for picking the strongest offered challenge: 1 for MD5, 2 for SHA-256,
   * 3 for SHA-512-256. A {@code -sess} variant has the strength of its hash.
   *
   * @return the strength, higher is stronger
   */
  public int strength() {
    return strength;
  }

  /**
   * Hashes bytes with this algorithm's function.
   *
   * @param data the bytes
   * @return the hash as lower-case hex
   */
  public String hash(byte[] data) {
    Objects.requireNonNull(data, "data");
    return hex(newDigest().digest(data));
  }

  /** A fresh message digest of this algorithm's function, for hashing a value in parts. */
  MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance(javaName);
    } catch (NoSuchAlgorithmException e) {
      // Java SE requires MD5 and SHA-256; the JDK's SUN provider also has SHA-512/256.
      throw new IllegalStateException("this runtime has no " + javaName + " message digest", e);
    }
  }

  /** A finished hash as the lower-case hex that Digest writes. */
  static String hex(byte[] hash) {
    return HEX.formatHex(hash);
  }
}
