package dev.deskphone.core.internal;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Builds fresh client trust managers and {@link SSLContext}s; never touches JVM-wide defaults.
 * Stateless and thread-safe.
 */
public final class ClientSslContexts {
  private ClientSslContexts() {}

  /**
   * A trust manager for what the JDK trusts by default (normally its cacerts), with the JDK's host
   * name and IP address verification.
   */
  public static X509ExtendedTrustManager system() {
    try {
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init((KeyStore) null);
      return extended(factory.getTrustManagers());
    } catch (GeneralSecurityException e) {
      throw unavailable(e);
    }
  }

  /**
   * A trust manager for the given anchors through PKIX, with the JDK's host name and IP address
   * verification.
   */
  public static X509ExtendedTrustManager anchoredIn(Collection<X509Certificate> anchors) {
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (X509Certificate anchor : anchors) {
        store.setCertificateEntry("anchor-" + i++, anchor);
      }
      TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
      factory.init(store);
      return extended(factory.getTrustManagers());
    } catch (GeneralSecurityException | IOException e) {
      throw unavailable(e);
    }
  }

  /** A trust manager for exactly one certificate, by its SHA-256 digest. */
  public static X509ExtendedTrustManager pinned(byte[] sha256) {
    return new PinnedCertificateTrustManager(sha256);
  }

  /** A new client context (protocol {@code TLS}) with {@code trust} and no client certificate. */
  public static SSLContext context(X509ExtendedTrustManager trust) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {trust}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw unavailable(e);
    }
  }

  private static X509ExtendedTrustManager extended(TrustManager[] managers) {
    for (TrustManager m : managers) {
      if (m instanceof X509ExtendedTrustManager x) {
        return x;
      }
    }
    throw new IllegalStateException("the JDK's TLS provider offers no X.509 trust manager");
  }

  private static IllegalStateException unavailable(Exception e) {
    return new IllegalStateException("cannot build a TLS context: " + e.getMessage(), e);
  }
}
