package dev.deskphone.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deskphone.core.JdkHttpTransport;
import dev.deskphone.core.PhoneRequest;
import dev.deskphone.core.PhoneResponse;
import dev.deskphone.core.PhoneTlsException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ScriptedHttpServerTlsTest {
  private static final RunCertificate CERTIFICATE = RunCertificate.create("fake phone");

  @Test
  void pinnedClientReachesTheServerOverHttps() throws Exception {
    try (ScriptedHttpServer server =
        ScriptedHttpServer.startTls(r -> Action.respond(200, "ok"), CERTIFICATE.serverContext())) {
      PhoneRequest request =
          PhoneRequest.builder("GET", server.uri("/index.htm")).tls(CERTIFICATE.pinned()).build();

      PhoneResponse response = JdkHttpTransport.shared().send(request).join();

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
    try (ScriptedHttpServer server =
        ScriptedHttpServer.startTls(r -> Action.respond(200, "ok"), CERTIFICATE.serverContext())) {
      assertThatThrownBy(
              () -> JdkHttpTransport.shared().send(PhoneRequest.get(server.uri("/"))).join())
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
