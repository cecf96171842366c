package dev.deskphone.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that moves only when told, for timeouts without waiting. Thread-safe. */
final class ManualClock extends Clock {
  private volatile long millis = System.currentTimeMillis();

  /** Moves the clock on by {@code d}. */
  void advance(Duration d) {
    millis += d.toMillis();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public long millis() {
    return millis;
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis);
  }
}
