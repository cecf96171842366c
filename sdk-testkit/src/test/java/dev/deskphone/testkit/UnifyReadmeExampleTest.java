package dev.deskphone.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskphone.core.LedColour;
import dev.deskphone.core.LedState;
import dev.deskphone.core.PushRequest;
import dev.deskphone.core.TlsPolicy;
import dev.deskphone.core.Turnled;
import dev.deskphone.core.TurnledResponse;
import dev.deskphone.unify.PushResult;
import dev.deskphone.unify.SendUrlKey;
import dev.deskphone.unify.SendUrlServer;
import dev.deskphone.unify.UnifyPhone;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The README's sdk-unify example, compiled and run against a FakeUnifyPhone. */
class UnifyReadmeExampleTest {

  @Test
  void unifyExampleServesAKeyAndPushesThePhone() throws Exception {
    // README:unify-server
    SendUrlServer server =
        SendUrlServer.builder()
            .bind(new InetSocketAddress("127.0.0.1", 0)) // 0.0.0.0:8080 to serve real phones
            .credentials("MyUsername", "MyPassword") // the keys' web server user id and password
            .handler(
                request ->
                    TurnledResponse.of(
                        Turnled.builder(request.symbolicName())
                            .state(LedState.FLASH)
                            .colour(LedColour.RED)
                            .label("Busy")
                            .build()))
            .start();
    // README:end
    SendUrlKey key =
        SendUrlKey.builder()
            .symbolicName("MySymbolicName")
            .server(server.uri())
            .userId("MyUsername")
            .password("MyPassword")
            .build();
    try (server;
        FakeUnifyPhone fake = FakeUnifyPhone.builder().key(key).https().start()) {
      URI phoneUri = fake.uri();
      String fingerprint = fake.certificateFingerprint();

      // README:unify-push
      UnifyPhone phone =
          UnifyPhone.builder()
              .uri(phoneUri) // https://PHONE (port 443); http://PHONE:8085 for older phones
              .tls(TlsPolicy.pinned(fingerprint)) // the phone's self-signed certificate
              .build();
      PushResult answer =
          phone.push(
              PushRequest.builder()
                  .symbolicName("MySymbolicName")
                  .server(server.uri()) // the server as configured on the key
                  .build());
      // README:end

      assertThat(answer.status()).isEqualTo(200);
      assertThat(fake.takeRequest(Duration.ofSeconds(10)))
          .hasValueSatisfying(r -> assertThat(r.status()).hasValue(200));
      assertThat(fake.led("MySymbolicName").colour()).contains(LedColour.RED);
      assertThat(fake.led("MySymbolicName").label()).contains("Busy");
    }
  }
}
