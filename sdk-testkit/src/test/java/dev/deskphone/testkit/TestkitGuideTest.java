package dev.deskphone.testkit;

import static dev.deskphone.testkit.assertj.DeskphoneAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deskphone.core.LedColour;
import dev.deskphone.core.LedState;
import dev.deskphone.core.PhoneBatch;
import dev.deskphone.core.PhoneConnectException;
import dev.deskphone.core.PhoneOutcomeUnknownException;
import dev.deskphone.core.TouchCommand;
import dev.deskphone.core.Turnled;
import dev.deskphone.core.TurnledResponse;
import dev.deskphone.snom.SnomCommand;
import dev.deskphone.snom.SnomModel;
import dev.deskphone.snom.SnomPhone;
import dev.deskphone.snom.SnomSettings;
import dev.deskphone.unify.SendUrlKey;
import dev.deskphone.unify.SendUrlServer;
import dev.deskphone.unify.UnifyPhone;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The examples of docs/testkit.md (and the README's testkit example), run as tests. */
class TestkitGuideTest {

  @Test
  void quickStart() {
    // README:testkit-quick-start
    try (FakeSnomPhone fake = FakeSnomPhone.builder().model(SnomModel.SNOM_870).start()) {
      SnomPhone phone = SnomPhone.builder().uri(fake.uri()).build(); // the code under test
      phone.press("OFFHOOK;1");
      phone.dial("+4930123456");

      assertThat(fake).pressedKeys().containsExactly("OFFHOOK", "1");
      assertThat(fake).dialed("+4930123456").isOffHook();
    } // close() fails the test if the fake got requests it did not understand
    // README:end
  }

  @Test
  void strictness() {
    // README:testkit-strict
    try (FakeSnomPhone fake = FakeSnomPhone.builder().model(SnomModel.SNOM_300).start()) {
      SnomPhone.builder().uri(fake.uri()).build().touch(TouchCommand.tap(10, 10)); // no screen

      assertThat(fake).rejectedRequests().singleElement(); // expected: the test has seen it
    }
    // README:end
  }

  @Test
  void faultsLoseTheAnswerButNotTheCommand() {
    // README:testkit-fault
    try (FakeSnomPhone fake = FakeSnomPhone.builder().start()) {
      fake.faults().onRequest(1, Fault.closeWithoutAnswer()); // carried out, answer lost
      SnomPhone phone = SnomPhone.builder().uri(fake.uri()).build();

      assertThatThrownBy(() -> phone.dial("1234")).isInstanceOf(PhoneOutcomeUnknownException.class);
      assertThat(fake.dialed()).containsExactly(Dialed.of("1234")); // dialed once, not resent
    }
    // README:end
  }

  @Test
  void aFaultScript() throws Exception {
    MutableClock clock = MutableClock.atSystemTime();
    try (FakeSnomPhone fake = FakeSnomPhone.builder().clock(clock).start()) {
      // README:testkit-fault-script
      fake.faults()
          .onConnection(1, Fault.closeBeforeReading()) // the first connection dies at once
          .onRequestOfConnection(3, Fault.reset()) // the 3rd request of every connection
          .when(r -> r.target().contains("number="), Fault.delay(Duration.ofMillis(200)))
          .randomly(42, 0.05, Fault.neverAnswer(), Fault.garbageResponse()); // same seed, same run
      fake.faults().refuseConnectionsFor(Duration.ofSeconds(30)); // on the fake's clock
      // README:end

      SnomPhone phone = SnomPhone.builder().uri(fake.uri()).build();
      assertThatThrownBy(() -> phone.press("ENTER")).isInstanceOf(PhoneConnectException.class);
      clock.advance(Duration.ofSeconds(30));
      assertThat(fake.awaitOnline(Duration.ofSeconds(5))).isTrue();
      assertThat(fake.faults().injected()).isEmpty();
    }
  }

  @Test
  void httpsWithoutTrustAll() {
    // README:testkit-https
    try (FakeSnomPhone fake = FakeSnomPhone.builder().https().start()) {
      SnomPhone phone = SnomPhone.builder().uri(fake.uri()).tls(fake.tls()).build();
      phone.press("ENTER"); // pinned to the certificate made for this run

      assertThat(fake.certificatePem()).startsWith("-----BEGIN CERTIFICATE-----"); // curl --cacert
      assertThat(fake.certificateFingerprint()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
    }
    // README:end
  }

  @Test
  void aClockInsteadOfSleeping() throws Exception {
    // README:testkit-clock
    MutableClock clock = MutableClock.atSystemTime();
    try (FakeSnomPhone fake =
        FakeSnomPhone.builder().clock(clock).digestAuth("admin", "secret").start()) {
      SnomPhone phone = SnomPhone.builder().uri(fake.uri()).credentials("admin", "secret").build();
      phone.reboot();
      assertThat(fake.state().online()).isFalse();

      clock.advance(Duration.ofSeconds(1)); // the reboot downtime passes on the fake's clock
      assertThat(fake.awaitOnline(Duration.ofSeconds(5))).isTrue();
      phone.dial("1234"); // new nonces after the reboot: the SDK logs in again
      assertThat(fake).hasRebooted(1).dialed("1234");
    }
    // README:end
  }

  /** A Send URL server without credentials that sets every key's LED to {@code state} in red. */
  private static SendUrlServer server(LedState state) {
    return SendUrlServer.builder()
        .bind(new InetSocketAddress("127.0.0.1", 0))
        .withoutCredentials()
        .handler(
            request ->
                TurnledResponse.of(
                    Turnled.builder(request.symbolicName())
                        .state(state)
                        .colour(LedColour.RED)
                        .build()))
        .start();
  }

  @Test
  void settingsAndAReboot() throws Exception {
    // README:testkit-settings
    try (FakeSnomPhone fake = FakeSnomPhone.builder().rebootDowntime(Duration.ZERO).start()) {
      SnomPhone phone = SnomPhone.builder().uri(fake.uri()).build();
      phone.writeSettings(
          SnomSettings.builder().set("language", "Deutsch").persistent(true).build());
      phone.writeSettings(SnomSettings.builder().set("fkey0", "speed 100").build()); // not stored
      assertThat(fake).hasSetting("language", "Deutsch").hasSetting("fkey0", "speed 100");

      phone.reboot(); // only what was stored comes back
      assertThat(fake.awaitOnline(Duration.ofSeconds(5))).isTrue();
      assertThat(fake.settings()).containsExactly(Map.entry("language", "Deutsch"));
    }
    // README:end
  }

  @Test
  void aUnifyKeyAndItsLed() {
    try (SendUrlServer server = server(LedState.FLASH)) {
      // README:testkit-unify
      SendUrlKey door = SendUrlKey.builder().symbolicName("Door").server(server.uri()).build();
      try (FakeUnifyPhone unify = FakeUnifyPhone.builder().key(door).start()) {
        unify.pressKey("Door"); // sends the key's request to the server, applies its XML

        assertThat(unify).led("Door").isFlashing().hasColour(LedColour.RED);
      }
      // README:end
    }
  }

  @Test
  void aUnifyPushAndTheKeyRequestItFires() throws InterruptedException {
    try (SendUrlServer server = server(LedState.ON)) {
      // README:testkit-unify-push
      SendUrlKey door = SendUrlKey.builder().symbolicName("Door").server(server.uri()).build();
      try (FakeUnifyPhone unify = FakeUnifyPhone.builder().key(door).start()) {
        UnifyPhone phone = UnifyPhone.builder().uri(unify.uri()).build(); // the code under test
        phone.push(door.pushRequest());

        // the push fires the key in the background: wait until its answer is applied
        FakeKeyRequest fired = unify.takeRequest(Duration.ofSeconds(5)).orElseThrow();
        assertThat(fired.pushed()).isTrue();
        assertThat(fired.status()).hasValue(200);
        assertThat(unify).receivedPushes(1).led("Door").isOn();
      }
      // README:end
    }
  }

  @Test
  void aLab() {
    // README:testkit-lab
    try (FakeLab lab = FakeLab.builder().snom(200, b -> b.model(SnomModel.SNOM_870)).start()) {
      List<SnomPhone> phones =
          lab.snomPhones().stream().map(f -> SnomPhone.builder().uri(f.uri()).build()).toList();
      PhoneBatch.builder()
          .concurrency(64)
          .build()
          .run(phones, p -> p.sendAsync(SnomCommand.dial("100")));

      assertThat(lab).everySnomPhone(p -> p.dialed("100")).hasNoRejectedRequests();
    } // every socket and thread of the lab is gone here
    // README:end
  }
}
