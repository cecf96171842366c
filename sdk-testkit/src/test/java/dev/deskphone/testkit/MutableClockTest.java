package dev.deskphone.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class MutableClockTest {
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  @Test
  void standsStillUntilMoved() {
    MutableClock clock = MutableClock.at(T0);

    assertThat(clock.instant()).isEqualTo(T0);
    clock.advance(Duration.ofMinutes(1));
    assertThat(clock.instant()).isEqualTo(T0.plusSeconds(60));
    clock.set(T0);
    assertThat(clock.millis()).isEqualTo(T0.toEpochMilli());
  }

  @Test
  void aViewInAnotherZoneSharesTheTime() {
    MutableClock clock = MutableClock.at(T0);
    Clock berlin = clock.withZone(ZoneId.of("Europe/Berlin"));

    clock.advance(Duration.ofHours(1));

    assertThat(berlin.instant()).isEqualTo(T0.plusSeconds(3600));
    assertThat(berlin.getZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
  }
}
