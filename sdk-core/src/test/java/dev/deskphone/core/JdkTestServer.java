package dev.deskphone.core;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * An HTTP or HTTPS server on 127.0.0.1 (port from 0) that runs one handler for every path and
 * counts the requests that reached it. Handlers run on their own threads, so one that blocks holds
 * up no other request.
 */
final class JdkTestServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;
  private final String scheme;
  private final AtomicInteger requests = new AtomicInteger();

  private JdkTestServer(HttpServer server, String scheme, HttpHandler handler) {
    this.server = server;
    this.scheme = scheme;
    this.executor = Executors.newCachedThreadPool();
    server.setExecutor(executor);
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          try {
            handler.handle(exchange);
          } finally {
            exchange.close();
          }
        });
    server.start();
  }

  /** Starts a plain-http server. */
  static JdkTestServer http(HttpHandler handler) throws IOException {
    return new JdkTestServer(HttpServer.create(address(), 0), "http", handler);
  }

  /** Starts an https server presenting {@code certificate}, followed by {@code chain} if any. */
  static JdkTestServer https(
      HttpHandler handler, HeldCertificate certificate, X509Certificate... chain)
      throws IOException {
    HttpsServer server = HttpsServer.create(address(), 0);
    server.setHttpsConfigurator(
        new HttpsConfigurator(
            new HandshakeCertificates.Builder()
                .heldCertificate(certificate, chain)
                .build()
                .sslContext()));
    return new JdkTestServer(server, "https", handler);
  }

  /** This server's URI for {@code pathAndQuery}, which starts with a slash. */
  URI uri(String pathAndQuery) {
    return URI.create(scheme + "://127.0.0.1:" + port() + pathAndQuery);
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** How many requests reached the handler so far. */
  int requestCount() {
    return requests.get();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static InetSocketAddress address() throws IOException {
    return new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0);
  }
}
