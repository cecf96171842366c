package dev.deskphone.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that stands still until a test moves it, for a {@link FakeSnomPhone}'s nonce
 * expiry, login lockout and reboot time without sleeping. Thread-safe: any thread may read or move
 * it.
 */
public final class MutableClock extends Clock {
  private final ZoneId zone;
  private final AtomicReference<Instant> now;

  private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  /**
   * {@return a clock standing at {@code now}, in UTC}
   *
   * @param now the starting instant
   */
  public static MutableClock at(Instant now) {
    return new MutableClock(
        new AtomicReference<>(Objects.requireNonNull(now, "now")), ZoneOffset.UTC);
  }

  /** {@return a clock standing at the current system time, in UTC} */
  public static MutableClock atSystemTime() {
    return at(Instant.now());
  }

  /**
   * Moves the clock forward (or back, for a negative amount).
   *
   * @param amount how far to move it
   */
  public void advance(Duration amount) {
    Objects.requireNonNull(amount, "amount");
    now.updateAndGet(t -> t.plus(amount));
  }

  /**
   * Sets the clock.
   *
   * @param instant the new time
   */
  public void set(Instant instant) {
    now.set(Objects.requireNonNull(instant, "instant"));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** A view in another zone that shares this clock's time (moving one moves both). */
  @Override
  public Clock withZone(ZoneId zone) {
    return new MutableClock(now, zone);
  }
}
