package dev.deskphone.unify.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Comparing secrets without leaking where, or by how much, they differ. Stateless. */
public final class Secrets {
  private static final MessageDigest SHA_256 = sha256();

  private Secrets() {}

  /**
   * Whether two strings are equal, in time that depends on neither their content nor their lengths:
   * both are hashed with SHA-256 first, and the digests are compared in constant time.
   */
  public static boolean equal(String a, String b) {
    return MessageDigest.isEqual(sha256(a), sha256(b));
  }

  /** The SHA-256 of {@code s} (UTF-8), to compare against later with {@link #matches}. */
  public static byte[] digest(String s) {
    return sha256(s);
  }

  /** Whether {@code actual} hashes to {@code expectedDigest}, compared in constant time. */
  public static boolean matches(String actual, byte[] expectedDigest) {
    return MessageDigest.isEqual(sha256(actual), expectedDigest);
  }

  private static byte[] sha256(String s) {
    MessageDigest digest;
    try {
      digest = (MessageDigest) SHA_256.clone(); // cheaper than a provider lookup per call
    } catch (CloneNotSupportedException e) {
      digest = sha256();
    }
    return digest.digest(s.getBytes(StandardCharsets.UTF_8));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
