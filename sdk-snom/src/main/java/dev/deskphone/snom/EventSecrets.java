package dev.deskphone.snom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The per-phone secrets of the action URLs: HMAC-SHA256 under the server key of a version byte and
 * the phone id, cut to its first 16 bytes (128 bits) and written as unpadded base64url (22
 * characters). Nothing is stored per phone, so any number of phones costs nothing, and every
 * process holding the same key accepts the same URLs. The key never leaves this class: not in
 * {@link #toString()}, not in a message. Thread-safe.
 */
final class EventSecrets {
  static final int KEY_BYTES = 32;
  private static final byte VERSION = 1;
  private static final int SECRET_BYTES = 16;
  private static final int MAX_KEY_FILE_BYTES = 4096;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;

  private EventSecrets(byte[] key) {
    this.key = new SecretKeySpec(key, "HmacSHA256");
  }

  /** Secrets under a key of at least {@value #KEY_BYTES} bytes (copied). */
  static EventSecrets of(byte[] key) {
    if (key.length < KEY_BYTES || key.length > MAX_KEY_FILE_BYTES) {
      throw new IllegalArgumentException(
          "the key must be "
              + KEY_BYTES
              + " to "
              + MAX_KEY_FILE_BYTES
              + " bytes (32 random bytes are right), was "
              + key.length
              + " bytes");
    }
    return new EventSecrets(key.clone());
  }

  /** Secrets under {@value #KEY_BYTES} fresh random bytes. */
  static EventSecrets random() {
    return new EventSecrets(randomKey());
  }

  private static byte[] randomKey() {
    byte[] key = new byte[KEY_BYTES];
    RANDOM.nextBytes(key);
    return key;
  }

  /**
   * Reads a key file: Base64 text (either alphabet, padding optional, surrounding white space
   * ignored) of at least {@value #KEY_BYTES} bytes.
   */
  static EventSecrets fromFile(Path file) {
    byte[] content;
    try {
      if (Files.size(file) > MAX_KEY_FILE_BYTES) {
        throw new IllegalArgumentException(
            "key file " + file + " is larger than " + MAX_KEY_FILE_BYTES + " bytes");
      }
      content = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read key file " + file + ": " + e.getClass().getSimpleName(), e);
    }
    String text = new String(content, StandardCharsets.US_ASCII).strip();
    Arrays.fill(content, (byte) 0);
    byte[] key;
    try {
      key =
          text.indexOf('-') >= 0 || text.indexOf('_') >= 0
              ? Base64.getUrlDecoder().decode(text)
              : Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      // The decoder's message may quote a character of the key: not shown.
      throw new IllegalArgumentException(
          "key file " + file + " does not hold Base64 text (its content is not shown)");
    }
    try {
      return of(key);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("key file " + file + ": " + e.getMessage());
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /**
   * Creates a key file holding the Base64 of {@value #KEY_BYTES} random bytes, readable and
   * writable by its owner only where the file system has POSIX permissions.
   *
   * @throws FileAlreadyExistsException if it exists (it is never overwritten)
   */
  static void createKeyFile(Path file) throws IOException {
    byte[] key = randomKey();
    byte[] text =
        (Base64.getEncoder().encodeToString(key) + "\n").getBytes(StandardCharsets.US_ASCII);
    Arrays.fill(key, (byte) 0);
    FileAttribute<?>[] ownerOnly =
        file.getFileSystem().supportedFileAttributeViews().contains("posix")
            ? new FileAttribute<?>[] {
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
            }
            : new FileAttribute<?>[0];
    Files.createFile(file, ownerOnly);
    Files.write(file, text);
    Arrays.fill(text, (byte) 0);
  }

  /** The secret of {@code phone}, a phone id. */
  String secretFor(String phone) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(phone));
  }

  /** Whether {@code presented} is the secret of {@code phone}, compared in constant time. */
  boolean matches(String phone, String presented) {
    byte[] expected = secretFor(phone).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8));
  }

  private byte[] mac(String phone) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(VERSION);
      return Arrays.copyOf(mac.doFinal(phone.getBytes(StandardCharsets.UTF_8)), SECRET_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has HmacSHA256", e);
    }
  }

  /** Says that a key is set, never which. */
  @Override
  public String toString() {
    return "EventSecrets[HmacSHA256, key not shown]";
  }
}
