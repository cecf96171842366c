package dev.deskphone.core;

import java.net.Socket;
import java.net.URI;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The one trust manager of a {@link JdkHttpTransport}'s client: it checks each server by the {@link
 * TlsPolicy} of the phone it connects to, so one client (one selector thread, one connection pool)
 * serves phones with different pins. A phone's policy is fixed by its first https request ({@link
 * #admit}); a request with another policy is refused, since a kept-alive connection checked under
 * the first one could otherwise carry it. A server whose phone has no policy here is refused.
 * Thread-safe.
 */
final class TrustRouter extends X509ExtendedTrustManager {
  private static final X509Certificate[] NO_ISSUERS = new X509Certificate[0];

  private final Map<String, TlsPolicy> policies = new ConcurrentHashMap<>();
  private final Map<TlsPolicy, X509ExtendedTrustManager> managers = new ConcurrentHashMap<>();

  /**
   * Records the policy of an https request's phone before it is sent.
   *
   * @return whether the phone had another policy before, so that connections checked under that one
   *     must not be reused
   */
  boolean admit(PhoneRequest request) {
    URI uri = request.uri();
    TlsPolicy policy = request.tls();
    TlsPolicy before = policies.put(key(uri.getHost(), port(uri)), policy);
    return before != null && !before.equals(policy);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    manager(engine.getPeerHost(), engine.getPeerPort()).checkServerTrusted(chain, authType, engine);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    String host =
        socket instanceof SSLSocket ssl && ssl.getHandshakeSession() != null
            ? ssl.getHandshakeSession().getPeerHost()
            : null;
    manager(host, socket.getPort()).checkServerTrusted(chain, authType, socket);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    throw new CertificateException("no phone to check the server against");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    throw new CertificateException("a phone client does not check clients");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    throw new CertificateException("a phone client does not check clients");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    throw new CertificateException("a phone client does not check clients");
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return NO_ISSUERS;
  }

  private X509ExtendedTrustManager manager(String host, int port) throws CertificateException {
    TlsPolicy policy = host == null ? null : policies.get(key(host, port));
    if (policy == null) {
      throw new CertificateException(
          "no TLS policy for " + host + ":" + port + " on this transport");
    }
    return managers.computeIfAbsent(policy, TlsPolicy::trustManager);
  }

  private static int port(URI uri) {
    return uri.getPort() < 0 ? 443 : uri.getPort();
  }

  /** Host (without IPv6 brackets, in lower case) and port, as the TLS engine names its peer. */
  private static String key(String host, int port) {
    String h =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    return h.toLowerCase(Locale.ROOT) + ":" + port;
  }

  @Override
  public String toString() {
    return "TrustRouter[" + policies.size() + " phones]";
  }
}
