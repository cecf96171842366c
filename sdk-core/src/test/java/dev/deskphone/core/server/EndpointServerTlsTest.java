package dev.deskphone.core.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import javax.net.ssl.SSLSocket;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** EndpointServer over HTTPS: kept-alive requests, and the read deadline on the handshake. */
class EndpointServerTlsTest {
  private static final HeldCertificate CERTIFICATE =
      new HeldCertificate.Builder().addSubjectAlternativeName("127.0.0.1").build();

  private final EchoEndpoint echo = new EchoEndpoint();
  private EndpointServer server;

  @AfterEach
  void close() {
    server.close();
  }

  private void start(Duration readTimeout) {
    server =
        EndpointServer.builder()
            .bind(new InetSocketAddress("127.0.0.1", 0))
            .endpoint("/keys", echo)
            .https(
                new HandshakeCertificates.Builder()
                    .heldCertificate(CERTIFICATE)
                    .build()
                    .sslContext())
            .readTimeout(readTimeout)
            .start();
  }

  /** A TLS connection that trusts the server's certificate, handshake done. */
  private RawHttp connectTls() throws IOException {
    SSLSocket socket =
        (SSLSocket)
            new HandshakeCertificates.Builder()
                .addTrustedCertificate(CERTIFICATE.certificate())
                .build()
                .sslSocketFactory()
                .createSocket("127.0.0.1", server.address().getPort());
    socket.startHandshake();
    return new RawHttp(socket);
  }

  private static String get(String target) {
    return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  }

  @Test
  void twoRequestsOnOneKeptAliveTlsConnectionAreBothAnswered() throws Exception {
    start(Duration.ofSeconds(10));
    assertThat(server.uri("/keys"))
        .isEqualTo(URI.create("https://127.0.0.1:" + server.address().getPort() + "/keys"));
    try (RawHttp raw = connectTls()) {
      assertThat(raw.send(get("/keys?k=First")).answer().bodyText())
          .isEqualTo("GET /keys?k=First\n");
      assertThat(raw.send(get("/keys?k=Second")).answer().bodyText())
          .isEqualTo("GET /keys?k=Second\n");
      assertThat(raw.send(get("/other")).answer().status()).isEqualTo(404);
      assertThat(raw.read()).isEqualTo(-1);
    }
    assertThat(echo.requests()).hasSize(2);
  }

  @Test
  void aClientTooSlowForTheHandshakeIsCutOffByTheReadDeadlineAndOthersAreServed() throws Exception {
    // Long enough for a real handshake on a busy machine; the first one also warms TLS up.
    start(Duration.ofSeconds(1));
    try (RawHttp raw = connectTls()) {
      assertThat(raw.send(get("/keys?k=Before")).answer().status()).isEqualTo(200);
    }
    try (Socket slow = new Socket("127.0.0.1", server.address().getPort())) {
      slow.setSoTimeout(10_000);
      slow.getOutputStream().write(new byte[] {0x16, 0x03, 0x01}); // the start of a ClientHello
      slow.getOutputStream().flush();
      assertThat(slow.getInputStream().read()).isEqualTo(-1); // closed by the read deadline
    }
    try (RawHttp raw = connectTls()) {
      assertThat(raw.send(get("/keys?k=After")).answer().status()).isEqualTo(200);
    }
    assertThat(echo.requests())
        .extracting(EndpointRequest::target)
        .containsExactly("/keys?k=Before", "/keys?k=After");
  }

  @Test
  void plainHttpOnTheTlsPortIsNeverAnsweredInPlainText() throws Exception {
    start(Duration.ofSeconds(10));
    try (RawHttp plain = new RawHttp(server.address().getPort())) {
      plain.send(get("/keys"));
      assertThat(plain.readToCloseOrReset()).doesNotContain("HTTP/1.1");
    }
    assertThat(echo.requests()).isEmpty();
  }
}
