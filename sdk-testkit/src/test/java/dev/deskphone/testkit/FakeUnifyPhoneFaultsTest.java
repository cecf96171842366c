package dev.deskphone.testkit;

import static dev.deskphone.testkit.assertj.DeskphoneAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deskphone.core.PhoneConnectException;
import dev.deskphone.core.PhoneException;
import dev.deskphone.core.PhoneResponseException;
import dev.deskphone.core.PushRequest;
import dev.deskphone.unify.SendUrlKey;
import dev.deskphone.unify.UnifyPhone;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The shared fault script and strictness on the Unify fake's push server, driven by UnifyPhone. */
class FakeUnifyPhoneFaultsTest {
  private static final SendUrlKey DOOR =
      SendUrlKey.builder().symbolicName("Door").server(URI.create("http://127.0.0.1:9/")).build();
  private static final PushRequest PUSH =
      PushRequest.builder().symbolicName("Door").server(URI.create("http://127.0.0.1:9/")).build();

  @Test
  void aScriptedStatusAndAResetReachThePushingClient() {
    try (FakeUnifyPhone fake = FakeUnifyPhone.builder().key(DOOR).start()) {
      fake.faults().onRequest(1, Fault.status(503)).onRequest(2, Fault.reset());
      UnifyPhone phone = UnifyPhone.builder().uri(fake.uri()).build();

      assertThatThrownBy(() -> phone.push(PUSH)).isInstanceOf(PhoneResponseException.class);
      assertThatThrownBy(() -> phone.push(PUSH)).isInstanceOf(PhoneException.class);

      assertThat(fake).receivedPushes(2);
      assertThat(fake.faults().injected())
          .extracting(InjectedFault::sequence)
          .containsExactly(1, 2);
    }
  }

  @Test
  void anHttpsFakeIsPinnedAndCanFailOneHandshake() {
    try (FakeUnifyPhone fake = FakeUnifyPhone.builder().key(DOOR).https().start()) {
      fake.faults().next(Fault.tlsHandshakeFailure());
      UnifyPhone phone = UnifyPhone.builder().uri(fake.uri()).tls(fake.tls()).build();

      assertThatThrownBy(() -> phone.push(PUSH)).isInstanceOf(PhoneException.class);
      assertThat(phone.push(PUSH).status()).isEqualTo(200);

      assertThat(fake.certificatePem()).contains("BEGIN CERTIFICATE");
      assertThat(fake).receivedPushes(1);
    }
  }

  @Test
  void refusedConnectionsLastUntilTheFakesClockMovesOn() throws Exception {
    MutableClock clock = MutableClock.at(Instant.parse("2026-12-01T08:00:00Z"));
    try (FakeUnifyPhone fake = FakeUnifyPhone.builder().key(DOOR).clock(clock).start()) {
      UnifyPhone phone = UnifyPhone.builder().uri(fake.uri()).build();
      fake.faults().refuseConnectionsFor(Duration.ofMinutes(1));

      assertThatThrownBy(() -> phone.push(PUSH)).isInstanceOf(PhoneConnectException.class);
      fake.faults().acceptConnections();

      assertThat(phone.push(PUSH).status()).isEqualTo(200);
    }
  }

  @Test
  void aStrictFakeFailsAtCloseOnAPushItRefused() {
    FakeUnifyPhone fake = FakeUnifyPhone.builder().key(DOOR).start();
    UnifyPhone phone = UnifyPhone.builder().uri(fake.uri()).build();
    PushRequest other =
        PushRequest.builder()
            .symbolicName("Other")
            .server(URI.create("http://127.0.0.1:9/"))
            .build();
    assertThatThrownBy(() -> phone.push(other)).isInstanceOf(PhoneException.class);

    assertThatThrownBy(fake::close)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("did not understand 1 request")
        .hasMessageContaining("POST /server_push.html/ServerPush");
    fake.close(); // reported once
  }

  @Test
  void aLenientFakeClosesQuietly() {
    FakeUnifyPhone fake = FakeUnifyPhone.builder().key(DOOR).lenient().start();
    PushRequest other =
        PushRequest.builder()
            .symbolicName("Other")
            .server(URI.create("http://127.0.0.1:9/"))
            .build();
    assertThatThrownBy(() -> UnifyPhone.builder().uri(fake.uri()).build().push(other))
        .isInstanceOf(PhoneException.class);

    fake.close();

    assertThat(fake.rejected()).hasSize(1);
  }
}
