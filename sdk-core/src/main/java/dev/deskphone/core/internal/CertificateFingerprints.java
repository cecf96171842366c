package dev.deskphone.core.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * SHA-256 fingerprints of whole certificates (the digest of the DER encoding, as {@code openssl
 * x509 -fingerprint -sha256} prints it): parsing the forms people paste, computing and formatting.
 * Stateless and thread-safe.
 */
public final class CertificateFingerprints {
  /** The length of a SHA-256 digest in bytes. */
  public static final int LENGTH = 32;

  static final String ACCEPTED_FORMS =
      "accepted: 64 hex digits with or without colons between byte pairs (any case), the line"
          + " 'openssl x509 -noout -fingerprint -sha256' prints ('sha256 Fingerprint=AB:CD:...'),"
          + " or 'sha256/' followed by 64 hex digits or the 44-character base64 of the digest";

  private static final String OPENSSL_PREFIX = "sha256 fingerprint=";
  private static final String SLASH_PREFIX = "sha256/";
  private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f]{64}");
  private static final Pattern COLON_HEX = Pattern.compile("[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){31}");
  private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]{43}=");
  private static final HexFormat COLONS = HexFormat.ofDelimiter(":").withUpperCase();
  private static final int MAX_QUOTED = 120;

  private CertificateFingerprints() {}

  /**
   * Parses a SHA-256 certificate fingerprint.
   *
   * @param text the fingerprint in one of the forms {@link #ACCEPTED_FORMS} lists
   * @return the 32 digest bytes (a new array)
   * @throws IllegalArgumentException naming the input and the accepted forms if it is none of them
   */
  public static byte[] parse(String text) {
    Objects.requireNonNull(text, "fingerprint");
    String s = text.strip();
    String lower = s.toLowerCase(Locale.ROOT);
    if (lower.startsWith(OPENSSL_PREFIX)) {
      return parseHex(text, s.substring(OPENSSL_PREFIX.length()).strip());
    }
    if (lower.startsWith(SLASH_PREFIX)) {
      String rest = s.substring(SLASH_PREFIX.length());
      if (BASE64.matcher(rest).matches()) {
        return Base64.getDecoder().decode(rest);
      }
      if (!HEX.matcher(rest).matches()) {
        throw invalid(text, "after 'sha256/' expected 64 hex digits or 44 base64 characters");
      }
      return HexFormat.of().parseHex(rest);
    }
    if (lower.contains("/") || lower.contains("fingerprint")) {
      throw invalid(text, "only SHA-256 fingerprints are accepted");
    }
    return parseHex(text, s);
  }

  private static byte[] parseHex(String original, String hex) {
    if (HEX.matcher(hex).matches()) {
      return HexFormat.of().parseHex(hex);
    }
    if (COLON_HEX.matcher(hex).matches()) {
      return COLONS.parseHex(hex);
    }
    throw invalid(original, "expected 32 bytes as hex");
  }

  private static IllegalArgumentException invalid(String text, String reason) {
    String quoted =
        text.length() > MAX_QUOTED
            ? text.substring(0, MAX_QUOTED) + "...(" + text.length() + ")"
            : text;
    return new IllegalArgumentException(
        "Invalid SHA-256 certificate fingerprint \""
            + quoted
            + "\": "
            + reason
            + "; "
            + ACCEPTED_FORMS);
  }

  /**
   * Computes the SHA-256 digest of a certificate's DER encoding.
   *
   * @throws CertificateEncodingException if the certificate cannot be encoded
   */
  public static byte[] of(X509Certificate certificate) throws CertificateEncodingException {
    return sha256().digest(certificate.getEncoded());
  }

  /** Formats a digest as upper-case hex with colons between byte pairs, as openssl prints it. */
  public static String format(byte[] digest) {
    return COLONS.formatHex(digest);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must support SHA-256 (MessageDigest's Javadoc).
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
