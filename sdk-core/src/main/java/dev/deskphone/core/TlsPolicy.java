package dev.deskphone.core;

import dev.deskphone.core.internal.CertificateFingerprints;
import dev.deskphone.core.internal.ClientSslContexts;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Which servers a client trusts over HTTPS: the JDK's default trust, one pinned certificate, or the
 * anchors of a key store.
 *
 * <p>A policy only ever produces fresh {@link SSLContext}s for one client; it never installs
 * anything JVM-wide (no {@code SSLContext.setDefault}, no {@code HttpsURLConnection} defaults, no
 * system properties).
 *
 * <p>Instances are immutable and thread-safe; share them freely. Two policies are equal when they
 * trust exactly the same thing.
 */
public final class TlsPolicy {
  private enum Kind {
    SYSTEM,
    PINNED,
    TRUST_STORE
  }

  private static final TlsPolicy SYSTEM = new TlsPolicy(Kind.SYSTEM, new byte[0], Set.of());

  private final Kind kind;
  private final byte[] pin; // PINNED only; never exposed
  private final Set<X509Certificate> anchors; // TRUST_STORE only

  private TlsPolicy(Kind kind, byte[] pin, Set<X509Certificate> anchors) {
    this.kind = kind;
    this.pin = pin;
    this.anchors = anchors;
  }

  /**
   * The JDK's default trust (normally its {@code cacerts}, or what the {@code javax.net.ssl}
   * trust-store system properties name), with host name and IP address verification. Right for a
   * phone with a certificate from a public CA.
   *
   * @return the shared system policy
   */
  public static TlsPolicy system() {
    return SYSTEM;
  }

  /**
   * Trusts exactly one server certificate, by its SHA-256 fingerprint.
   *
   * <p>The fingerprint is the SHA-256 digest of the whole certificate in DER encoding, as {@code
   * openssl x509 -noout -fingerprint -sha256 -in phone.pem} prints it. It is <em>not</em> OkHttp's
   * {@code CertificatePinner} pin, which hashes only the public key (SPKI). Accepted forms:
   *
   * <ul>
   *   <li>64 hex digits, with or without colons between the byte pairs, in any case: {@code
   *       AB:CD:...} or {@code abcd...};
   *   <li>the whole line openssl prints, {@code sha256 Fingerprint=AB:CD:...} (OpenSSL 3) or {@code
   *       SHA256 Fingerprint=AB:CD:...} (OpenSSL 1.x);
   *   <li>{@code sha256/} followed by 64 hex digits or by the standard base64 (44 characters) of
   *       the 32 digest bytes.
   * </ul>
   *
   * <p>The pin is the server's identity: the host name or IP address in the URI is not compared
   * with the certificate, so this works for a phone addressed by IP whose self-signed certificate
   * names another host or no IP at all. Validity dates are not checked either, because phones often
   * keep an expired self-signed certificate for years and the pin alone identifies it; the
   * handshake still proves that the server holds the certificate's private key. Replacing the
   * phone's certificate needs a new pin.
   *
   * @param sha256Fingerprint the fingerprint, in one of the forms above
   * @return a policy trusting that certificate alone
   * @throws IllegalArgumentException if the fingerprint is in none of these forms; the message
   *     names the value and the accepted forms
   */
  public static TlsPolicy pinned(String sha256Fingerprint) {
    return new TlsPolicy(Kind.PINNED, CertificateFingerprints.parse(sha256Fingerprint), Set.of());
  }

  /**
   * Trusts the certificate authorities in a key store, through the JDK's PKIX validation, with host
   * name and IP address verification: the server's certificate must chain to one of the anchors, be
   * valid now, and name the host or IP address the client connects to.
   *
   * <p>The anchors are the store's trusted-certificate entries (as {@code keytool -importcert}
   * makes them); key entries are not anchors. They are copied now, so later changes to the store do
   * not affect this policy.
   *
   * @param keyStore a loaded key store
   * @return a policy trusting those anchors
   * @throws IllegalArgumentException if the store is not loaded or has no trusted X.509 certificate
   *     entry
   */
  public static TlsPolicy trustStore(KeyStore keyStore) {
    Objects.requireNonNull(keyStore, "keyStore");
    List<X509Certificate> found = new ArrayList<>();
    try {
      for (String alias : Collections.list(keyStore.aliases())) {
        Certificate certificate =
            keyStore.isCertificateEntry(alias) ? keyStore.getCertificate(alias) : null;
        if (certificate instanceof X509Certificate) {
          found.add((X509Certificate) certificate);
        }
      }
    } catch (KeyStoreException e) {
      throw new IllegalArgumentException("keyStore " + keyStore.getType() + " is not loaded", e);
    }
    if (found.isEmpty()) {
      throw new IllegalArgumentException(
          "keyStore "
              + keyStore.getType()
              + " has no trusted X.509 certificate entry; add the CA with keytool -importcert");
    }
    return new TlsPolicy(Kind.TRUST_STORE, new byte[0], Set.copyOf(found));
  }

  /**
   * Creates a new, fully initialised client {@link SSLContext} (protocol {@code "TLS"}) that trusts
   * what this policy trusts and presents no client certificate. Each call returns a new context;
   * none is installed as a JVM-wide default. Thread-safe; does not use the network ({@link
   * #system()} may read the JDK trust-store file).
   *
   * @return a new context for one client, for example {@code HttpClient.Builder.sslContext}
   * @throws IllegalStateException if the JDK's TLS provider cannot build a context
   */
  public SSLContext sslContext() {
    return ClientSslContexts.context(trustManager());
  }

  /** A new trust manager that trusts what this policy trusts. */
  X509ExtendedTrustManager trustManager() {
    return switch (kind) {
      case SYSTEM -> ClientSslContexts.system();
      case PINNED -> ClientSslContexts.pinned(pin);
      case TRUST_STORE -> ClientSslContexts.anchoredIn(anchors);
    };
  }

  /**
   * Two policies are equal when they are of the same kind and trust the same pin or the same
   * anchors.
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof TlsPolicy other
        && kind == other.kind
        && Arrays.equals(pin, other.pin)
        && anchors.equals(other.anchors);
  }

  /** A hash code consistent with {@link #equals}. */
  @Override
  public int hashCode() {
    return Objects.hash(kind, Arrays.hashCode(pin), anchors);
  }

  /**
   * Shows the kind and what it trusts, for example {@code TlsPolicy[system]}, {@code
   * TlsPolicy[pinned sha256 AB:CD:...]} or {@code TlsPolicy[trustStore CN=Root CA]}. A fingerprint
   * and a subject are public, not secret.
   */
  @Override
  public String toString() {
    return switch (kind) {
      case SYSTEM -> "TlsPolicy[system]";
      case PINNED -> "TlsPolicy[pinned sha256 " + CertificateFingerprints.format(pin) + "]";
      case TRUST_STORE ->
          anchors.stream()
              .map(anchor -> anchor.getSubjectX500Principal().getName())
              .sorted()
              .collect(Collectors.joining("; ", "TlsPolicy[trustStore ", "]"));
    };
  }
}
