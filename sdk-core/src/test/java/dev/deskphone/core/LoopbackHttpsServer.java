package dev.deskphone.core;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/** An HTTPS server on 127.0.0.1 (port from 0) that answers every request with 200 "ok". */
final class LoopbackHttpsServer implements AutoCloseable {
  private final HttpsServer server;

  private LoopbackHttpsServer(HttpsServer server) {
    this.server = server;
  }

  /** Starts a server presenting {@code certificate}, followed by {@code chain} if any. */
  static LoopbackHttpsServer start(HeldCertificate certificate, X509Certificate... chain)
      throws IOException {
    InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    HttpsServer server = HttpsServer.create(new InetSocketAddress(loopback, 0), 0);
    server.setHttpsConfigurator(
        new HttpsConfigurator(
            new HandshakeCertificates.Builder()
                .heldCertificate(certificate, chain)
                .build()
                .sslContext()));
    server.createContext(
        "/",
        exchange -> {
          byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    return new LoopbackHttpsServer(server);
  }

  URI uri() {
    return URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  /** GETs this server's root with a fresh HTTP/1.1 client using {@code policy}. */
  HttpResponse<String> get(TlsPolicy policy) throws IOException, InterruptedException {
    HttpClient client =
        HttpClient.newBuilder()
            .sslContext(policy.sslContext())
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    HttpRequest request = HttpRequest.newBuilder(uri()).timeout(Duration.ofSeconds(10)).build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
