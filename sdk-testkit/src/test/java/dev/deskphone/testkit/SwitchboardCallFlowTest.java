package dev.deskphone.testkit;

import static dev.deskphone.testkit.assertj.DeskphoneAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deskphone.core.server.EndpointServer;
import dev.deskphone.snom.SnomCallState;
import dev.deskphone.snom.SnomCallTracker;
import dev.deskphone.snom.SnomEventEndpoint;
import dev.deskphone.snom.SnomEventType;
import dev.deskphone.snom.SnomPhone;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/testkit.md's call flow, end to end: two fakes on one switchboard, driven by the SDK, firing
 * their action URLs at the SDK's event endpoint, whose tracker follows the call on both phones.
 */
class SwitchboardCallFlowTest {
  @TempDir Path dir;

  @Test
  void aliceCallsBobBobAnswersAndHangsUpAndTheAppSawAllOfIt() throws Exception {
    Path keyFile = dir.resolve("events.key");
    SnomEventEndpoint.createKeyFile(keyFile);
    // README:testkit-call-flow
    SnomCallTracker tracker = SnomCallTracker.builder().build();
    try (FakeLab lab = FakeLab.builder().snom(2).start(); // extensions 101 and 102
        SnomEventEndpoint events =
            SnomEventEndpoint.builder().keyFile(keyFile).listener(tracker::accept).build();
        EndpointServer server =
            EndpointServer.builder()
                .bind(new InetSocketAddress("127.0.0.1", 0))
                .endpoint("/snom/events", events)
                .start()) {
      FakeSnomPhone aliceFake = lab.snomPhone("101");
      FakeSnomPhone bobFake = lab.snomPhone("102");
      SnomPhone alice = SnomPhone.builder().uri(aliceFake.uri()).build();
      SnomPhone bob = SnomPhone.builder().uri(bobFake.uri()).build();
      for (SnomPhone phone : new SnomPhone[] {alice, bob}) {
        phone.configureEvents(
            events, server.uri("/snom/events"), EnumSet.allOf(SnomEventType.class));
      }

      alice.dial("102");
      assertThat(bobFake).within(Duration.ofSeconds(5)).isRinging();
      assertThat(tracker.awaitState(bob.id(), SnomCallState.RINGING, Duration.ofSeconds(5)))
          .isTrue();

      bob.press("ENTER"); // answers
      assertThat(aliceFake).within(Duration.ofSeconds(5)).isConnected();
      assertThat(tracker.awaitState(alice.id(), SnomCallState.CONNECTED, Duration.ofSeconds(5)))
          .isTrue();

      bob.press("ONHOOK"); // hangs up
      assertThat(aliceFake).within(Duration.ofSeconds(5)).hasNoCall();
      assertThat(tracker.awaitState(alice.id(), SnomCallState.IDLE, Duration.ofSeconds(5)))
          .isTrue();
      assertThat(bobFake).within(Duration.ofSeconds(5)).firedEvent(SnomEventType.DISCONNECTED);
    }
    // README:end
  }
}
