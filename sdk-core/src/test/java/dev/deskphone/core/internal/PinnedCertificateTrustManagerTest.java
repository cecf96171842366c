package dev.deskphone.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Socket;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;

class PinnedCertificateTrustManagerTest {
  private static final X509Certificate PINNED =
      new HeldCertificate.Builder().commonName("pinned.example").build().certificate();
  private static final X509Certificate OTHER =
      new HeldCertificate.Builder().commonName("other.example").build().certificate();

  private final PinnedCertificateTrustManager manager =
      new PinnedCertificateTrustManager(sha256(PINNED));

  @Test
  void acceptsThePinnedLeafInEveryOverload() {
    X509Certificate[] chain = {PINNED, OTHER};

    assertThatCode(() -> manager.checkServerTrusted(chain, "ECDHE_ECDSA"))
        .doesNotThrowAnyException();
    assertThatCode(() -> manager.checkServerTrusted(chain, "UNKNOWN", (Socket) null))
        .doesNotThrowAnyException();
    assertThatCode(() -> manager.checkServerTrusted(chain, "UNKNOWN", (SSLEngine) null))
        .doesNotThrowAnyException();
  }

  @Test
  void rejectsAnotherLeafInEveryOverloadNamingBothFingerprints() {
    X509Certificate[] chain = {OTHER, PINNED};
    String presented = CertificateFingerprints.format(sha256(OTHER));
    String expected = CertificateFingerprints.format(sha256(PINNED));

    assertThatThrownBy(() -> manager.checkServerTrusted(chain, "RSA"))
        .isInstanceOf(CertificateException.class)
        .hasMessageContaining("CN=other.example")
        .hasMessageContaining("fingerprint " + presented)
        .hasMessageContaining("pinned one is " + expected);
    assertThatThrownBy(() -> manager.checkServerTrusted(chain, "RSA", (Socket) null))
        .isInstanceOf(CertificateException.class)
        .hasMessageContaining(presented);
    assertThatThrownBy(() -> manager.checkServerTrusted(chain, "RSA", (SSLEngine) null))
        .isInstanceOf(CertificateException.class)
        .hasMessageContaining(presented);
  }

  @Test
  void rejectsNullOrEmptyChainAndAuthType() {
    assertThatThrownBy(() -> manager.checkServerTrusted(null, "RSA"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> manager.checkServerTrusted(new X509Certificate[0], "RSA"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> manager.checkServerTrusted(new X509Certificate[1], "RSA"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> manager.checkServerTrusted(new X509Certificate[] {PINNED}, ""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> manager.checkServerTrusted(new X509Certificate[] {PINNED}, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void trustsNoClientEvenThePinnedCertificate() {
    X509Certificate[] chain = {PINNED};

    assertThatThrownBy(() -> manager.checkClientTrusted(chain, "RSA"))
        .isInstanceOf(CertificateException.class);
    assertThatThrownBy(() -> manager.checkClientTrusted(chain, "RSA", (Socket) null))
        .isInstanceOf(CertificateException.class);
    assertThatThrownBy(() -> manager.checkClientTrusted(chain, "RSA", (SSLEngine) null))
        .isInstanceOf(CertificateException.class);
  }

  @Test
  void acceptsNoIssuer() {
    assertThat(manager.getAcceptedIssuers()).isEmpty();
  }

  @Test
  void pinMustBeThirtyTwoBytesAndIsCopied() {
    byte[] pin = sha256(PINNED);
    PinnedCertificateTrustManager copied = new PinnedCertificateTrustManager(pin);
    pin[0]++;

    assertThatCode(() -> copied.checkServerTrusted(new X509Certificate[] {PINNED}, "RSA"))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> new PinnedCertificateTrustManager(new byte[20]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("20");
  }

  private static byte[] sha256(X509Certificate certificate) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
