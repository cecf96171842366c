package dev.deskphone.core.internal;

import java.net.Socket;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts exactly one server certificate, identified by the SHA-256 digest of its DER encoding.
 *
 * <p>The pin is the server's identity, so neither the host name nor the IP address is checked, and
 * neither are the validity dates: desk phones are addressed by IP and often carry old self-signed
 * certificates that name neither. The handshake still proves that the server holds the private key
 * of the pinned certificate. This works only because the class is an {@link
 * X509ExtendedTrustManager}: the JDK wraps a plain {@code X509TrustManager} with its own hostname
 * and algorithm checks.
 *
 * <p>Immutable and thread-safe. Server side only: client certificates are always rejected.
 */
public final class PinnedCertificateTrustManager extends X509ExtendedTrustManager {
  private static final X509Certificate[] NO_ISSUERS = {};

  private final byte[] pin;

  /**
   * Creates a trust manager for one certificate.
   *
   * @param sha256 the SHA-256 digest of the certificate's DER encoding (32 bytes; copied)
   */
  public PinnedCertificateTrustManager(byte[] sha256) {
    if (sha256.length != CertificateFingerprints.LENGTH) {
      throw new IllegalArgumentException(
          "a SHA-256 pin has 32 bytes, not " + sha256.length + " bytes");
    }
    this.pin = sha256.clone();
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    check(chain, authType);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    check(chain, authType);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    check(chain, authType);
  }

  private void check(X509Certificate[] chain, String authType) throws CertificateException {
    // The X509TrustManager contract: IllegalArgumentException for a null or empty chain or type.
    if (chain == null || chain.length == 0 || chain[0] == null) {
      throw new IllegalArgumentException("null or empty server certificate chain");
    }
    if (authType == null || authType.isEmpty()) {
      throw new IllegalArgumentException("null or empty authentication type");
    }
    byte[] presented = CertificateFingerprints.of(chain[0]);
    if (!MessageDigest.isEqual(presented, pin)) {
      throw new CertificateException(
          "server certificate "
              + chain[0].getSubjectX500Principal().getName()
              + " has SHA-256 fingerprint "
              + CertificateFingerprints.format(presented)
              + ", but the pinned one is "
              + CertificateFingerprints.format(pin));
    }
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    throw clientSideOnly();
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    throw clientSideOnly();
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    throw clientSideOnly();
  }

  private static CertificateException clientSideOnly() {
    return new CertificateException("a pinned-certificate trust manager trusts no client");
  }

  /** Returns an empty array: no issuer is trusted, only the one pinned certificate. */
  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return NO_ISSUERS; // empty, so nothing to protect by copying
  }
}
