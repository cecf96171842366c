package dev.deskphone.unify.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Comparing secrets without leaking where, or by how much, they differ: both sides are hashed with
 * SHA-256 and the digests compared in constant time, so the time depends on neither the content nor
 * the lengths. Stateless.
 */
public final class Secrets {
  private Secrets() {}

  /** The SHA-256 of {@code s} (UTF-8), to compare against later with {@link #matches}. */
  public static byte[] digest(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** Whether {@code actual} hashes to {@code expectedDigest}, compared in constant time. */
  public static boolean matches(String actual, byte[] expectedDigest) {
    return MessageDigest.isEqual(digest(actual), expectedDigest);
  }
}
