package dev.deskphone.core.internal;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds fresh client {@link SSLContext}s; never touches JVM-wide defaults. Stateless and
 * thread-safe.
 */
public final class ClientSslContexts {
  private ClientSslContexts() {}

  /** A new client context trusting what the JDK trusts by default (normally its cacerts). */
  public static SSLContext system() {
    try {
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init((KeyStore) null);
      return withTrust(factory.getTrustManagers());
    } catch (GeneralSecurityException e) {
      throw unavailable(e);
    }
  }

  /**
   * A new client context trusting the given anchors through PKIX, with the JDK's hostname and IP
   * verification.
   */
  public static SSLContext anchoredIn(Collection<X509Certificate> anchors) {
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (X509Certificate anchor : anchors) {
        store.setCertificateEntry("anchor-" + i++, anchor);
      }
      TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
      factory.init(store);
      return withTrust(factory.getTrustManagers());
    } catch (GeneralSecurityException | IOException e) {
      throw unavailable(e);
    }
  }

  /** A new client context trusting exactly one certificate, by its SHA-256 digest. */
  public static SSLContext pinned(byte[] sha256) {
    try {
      return withTrust(new TrustManager[] {new PinnedCertificateTrustManager(sha256)});
    } catch (GeneralSecurityException e) {
      throw unavailable(e);
    }
  }

  private static SSLContext withTrust(TrustManager[] trustManagers)
      throws GeneralSecurityException {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trustManagers, null);
    return context;
  }

  private static IllegalStateException unavailable(Exception e) {
    return new IllegalStateException("cannot build a TLS context: " + e.getMessage(), e);
  }
}
