package dev.deskphone.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class FakeSnomPhoneRebootTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private final MutableClock clock = MutableClock.at(Instant.parse("2026-12-01T10:00:00Z"));

  @RepeatedTest(10)
  void rebootAnswersThenRefusesConnectionsUntilTheDowntimePassesOnTheClock() throws Exception {
    try (FakeSnomPhone fake =
        FakeSnomPhone.builder().clock(clock).rebootDowntime(Duration.ofSeconds(30)).start()) {
      int port = fake.uri().getPort();
      assertThat(RawHttp.status(fake, "/advanced_update.htm?reboot=Reboot")).isEqualTo(200);

      assertThat(fake.state().online()).isFalse();
      assertThat(fake.state().reboots()).isEqualTo(1);
      assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
          .isInstanceOf(ConnectException.class)
          .hasMessageContaining("refused");
      assertThatThrownBy(() -> RawHttp.status(fake, "/index.htm"))
          .isInstanceOf(ConnectException.class);
      assertThat(fake.awaitOnline(Duration.ofMillis(50))).isFalse();

      clock.advance(Duration.ofSeconds(30));
      assertThat(fake.awaitOnline(WAIT)).isTrue();
      assertThat(fake.uri().getPort()).isEqualTo(port);
      assertThat(RawHttp.status(fake, "/index.htm")).isEqualTo(200);
      assertThat(fake.state().online()).isTrue();
    }
  }

  @RepeatedTest(10)
  void aRebootCanBeEndedExplicitly() throws Exception {
    try (FakeSnomPhone fake =
        FakeSnomPhone.builder().clock(clock).rebootDowntime(Duration.ofDays(1)).start()) {
      RawHttp.get(fake, "/advanced_update.htm?reboot=Reboot");

      fake.finishReboot();

      assertThat(fake.state().online()).isTrue();
      assertThat(RawHttp.status(fake, "/command.htm?key=ENTER")).isEqualTo(200);
    }
  }

  @Test
  void aRebootForgetsNoncesAndComesBackOnHook() throws Exception {
    try (FakeSnomPhone fake =
        FakeSnomPhone.builder()
            .digestAuth("admin", "secret")
            .clock(clock)
            .rebootDowntime(Duration.ZERO)
            .start()) {
      HttpResponse<String> first = RawHttp.get(fake, "/command.htm?key=OFFHOOK");
      Map<String, String> ch = DigestByHand.challenge(first);
      String offhook = "/command.htm?key=OFFHOOK";
      DigestByHand.get(fake, offhook, "secret", ch, 1);
      assertThat(fake.state().hook()).isEqualTo(HookState.OFFHOOK);
      String reboot = "/advanced_update.htm?reboot=Reboot";
      DigestByHand.get(fake, reboot, "secret", ch, 2);

      assertThat(fake.awaitOnline(WAIT)).isTrue();
      String enter = "/command.htm?key=ENTER";
      HttpResponse<String> old = DigestByHand.get(fake, enter, "secret", ch, 3);

      assertThat(old.statusCode()).isEqualTo(401);
      Map<String, String> fresh = DigestByHand.challenge(old);
      assertThat(fresh).containsEntry("stale", "true");
      assertThat(fresh.get("nonce")).isNotEqualTo(ch.get("nonce"));
      assertThat(fresh.get("opaque")).isNotEqualTo(ch.get("opaque"));
      assertThat(fake.state().hook()).isEqualTo(HookState.ONHOOK);
      assertThat(fake.state().reboots()).isEqualTo(1);
    }
  }

  @Test
  void aResetCountsTakesItOfflineAndEmptiesTheCallLists() throws Exception {
    try (FakeSnomPhone fake =
        FakeSnomPhone.builder()
            .clock(clock)
            .rebootDowntime(Duration.ofMinutes(2))
            .callList(SnomCallList.MISSED, List.of("100"))
            .start()) {
      assertThat(RawHttp.status(fake, "/advanced_update.htm?reset=Reset")).isEqualTo(200);

      assertThat(fake.state().online()).isFalse();
      clock.advance(Duration.ofMinutes(2));
      assertThat(fake.awaitOnline(WAIT)).isTrue();
      SnomPhoneState state = fake.state();
      assertThat(state.resets()).isEqualTo(1);
      assertThat(state.reboots()).isZero();
      assertThat(state.callList(SnomCallList.MISSED)).isEmpty();
    }
  }

  @Test
  void anythingButRebootOrResetOnTheUpdatePageIsIgnored() throws Exception {
    try (FakeSnomPhone fake = FakeSnomPhone.builder().clock(clock).start()) {
      assertThat(RawHttp.status(fake, "/advanced_update.htm?reboot=reboot")).isEqualTo(200);

      assertThat(fake.state().online()).isTrue();
      assertThat(fake.state().reboots()).isZero();
      assertThat(fake.rejected()).hasSize(1);
    }
  }
}
