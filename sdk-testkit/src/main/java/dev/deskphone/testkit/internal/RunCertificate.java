package dev.deskphone.testkit.internal;

import dev.deskphone.core.TlsPolicy;
import dev.deskphone.core.internal.CertificateFingerprints;
import java.security.cert.CertificateEncodingException;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * A self-signed certificate made in this JVM for {@code 127.0.0.1} and {@code localhost}: what the
 * fakes present over https, so that tests pin it instead of turning checks off. Immutable.
 */
public final class RunCertificate {
  private static final Duration VALIDITY = Duration.ofDays(2);

  private final HeldCertificate held;
  private final SSLContext serverContext;
  private final String fingerprint;

  private RunCertificate(HeldCertificate held) {
    this.held = held;
    this.serverContext =
        new HandshakeCertificates.Builder().heldCertificate(held).build().sslContext();
    try {
      this.fingerprint =
          CertificateFingerprints.format(CertificateFingerprints.of(held.certificate()));
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("cannot encode a certificate made just now", e);
    }
  }

  /** A new certificate and key (an EC P-256 key; a few milliseconds). */
  public static RunCertificate create(String commonName) {
    return new RunCertificate(
        new HeldCertificate.Builder()
            .commonName(commonName)
            .addSubjectAlternativeName("127.0.0.1")
            .addSubjectAlternativeName("localhost")
            .duration(VALIDITY.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
            .ecdsa256()
            .build());
  }

  /** The server side: presents this certificate. */
  public SSLContext serverContext() {
    return serverContext;
  }

  /** The SHA-256 fingerprint as {@code openssl x509 -noout -fingerprint -sha256} prints it. */
  public String fingerprint() {
    return fingerprint;
  }

  /** The certificate in PEM form. */
  public String pem() {
    return held.certificatePem();
  }

  /** A client policy that trusts exactly this certificate. */
  public TlsPolicy pinned() {
    return TlsPolicy.pinned(fingerprint);
  }
}
