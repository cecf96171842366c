package dev.deskphone.core.internal.auth;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Expected Digest values computed in the tests, independently of the production code. */
final class Hashes {
  private Hashes() {}

  /** The JDK digest name for a Digest wire name, from the test's own table. */
  static String javaName(String wireName) {
    String base =
        wireName.endsWith("-sess") ? wireName.substring(0, wireName.length() - 5) : wireName;
    switch (base) {
      case "MD5":
        return "MD5";
      case "SHA-256":
        return "SHA-256";
      case "SHA-512-256":
        return "SHA-512/256";
      default:
        throw new AssertionError(wireName);
    }
  }

  static String h(String javaName, byte[] data) {
    try {
      byte[] digest = MessageDigest.getInstance(javaName).digest(data);
      StringBuilder hex = new StringBuilder();
      for (byte b : digest) {
        hex.append(String.format("%02x", b));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  static String h(String javaName, String text, Charset charset) {
    return h(javaName, text.getBytes(charset));
  }

  static String h(String javaName, String text) {
    return h(javaName, text, StandardCharsets.UTF_8);
  }

  /**
   * The RFC 7616 response for qop auth, the text hashed as UTF-8 except the A1 in {@code charset}.
   */
  static String response(
      String wireName,
      String user,
      String realm,
      String password,
      String nonce,
      String nc,
      String cnonce,
      String qop,
      String method,
      String uri,
      Charset charset) {
    String alg = javaName(wireName);
    String ha1 = h(alg, user + ":" + realm + ":" + password, charset);
    if (wireName.endsWith("-sess")) {
      ha1 = h(alg, ha1 + ":" + nonce + ":" + cnonce);
    }
    String ha2 = h(alg, method + ":" + uri);
    return h(alg, ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
  }
}
