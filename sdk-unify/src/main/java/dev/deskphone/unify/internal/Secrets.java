package dev.deskphone.unify.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Comparing secrets without leaking where, or by how much, they differ. Stateless. */
public final class Secrets {
  private Secrets() {}

  /**
   * Whether two strings are equal, in time that depends on neither their content nor their lengths:
   * both are hashed with SHA-256 first, and the digests are compared in constant time.
   */
  public static boolean equal(String a, String b) {
    return MessageDigest.isEqual(sha256(a), sha256(b));
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
