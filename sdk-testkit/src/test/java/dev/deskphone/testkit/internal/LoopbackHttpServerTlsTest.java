package dev.deskphone.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deskphone.core.JdkHttpTransport;
import dev.deskphone.core.PhoneRequest;
import dev.deskphone.core.PhoneResponse;
import dev.deskphone.core.PhoneTlsException;
import dev.deskphone.core.TlsPolicy;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class LoopbackHttpServerTlsTest {
  private static final RunCertificate CERTIFICATE = RunCertificate.create("fake phone");

  @Test
  void pinnedClientReachesTheServerOverHttps() throws Exception {
    try (LoopbackHttpServer server =
        LoopbackHttpServer.startTls(r -> Action.respond(200, "ok"), CERTIFICATE.serverContext())) {
      JdkHttpTransport transport = JdkHttpTransport.builder().tls(CERTIFICATE.pinned()).build();

      PhoneResponse response = transport.send(PhoneRequest.get(server.uri("/index.htm"))).join();

      assertThat(server.uri("/").getScheme()).isEqualTo("https");
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.bodyText()).isEqualTo("ok");
      assertThat(server.requests())
          .singleElement()
          .extracting(RecordedRequest::target)
          .isEqualTo("/index.htm");
    }
  }

  @Test
  void systemTrustRefusesTheSelfSignedCertificate() throws Exception {
    try (LoopbackHttpServer server =
        LoopbackHttpServer.startTls(r -> Action.respond(200, "ok"), CERTIFICATE.serverContext())) {
      JdkHttpTransport transport = JdkHttpTransport.builder().tls(TlsPolicy.system()).build();

      assertThatThrownBy(() -> transport.send(PhoneRequest.get(server.uri("/"))).join())
          .isInstanceOf(CompletionException.class)
          .hasCauseInstanceOf(PhoneTlsException.class);
      assertThat(server.requestCount()).isZero();
    }
  }

  @Test
  void fingerprintAndPemDescribeTheSameCertificate() {
    assertThat(CERTIFICATE.fingerprint()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
    assertThat(CERTIFICATE.pem()).startsWith("-----BEGIN CERTIFICATE-----");
  }
}
