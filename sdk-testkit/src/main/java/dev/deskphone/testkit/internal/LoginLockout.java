package dev.deskphone.testkit.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The snom web interface's lockout: after 3 failed logins in a row it refuses everyone for 1
 * minute, then 2, 4, ... for each later lockout. Measured on an injected clock. Not thread-safe;
 * the owner holds its lock.
 */
public final class LoginLockout {
  /** Failed logins in a row that lock the interface. */
  public static final int FAILURES = 3;

  /** The first lockout's length. */
  public static final Duration FIRST_LOCK = Duration.ofMinutes(1);

  private final Clock clock;
  private int failures;
  private int locks;
  private Instant lockedUntil = Instant.MIN;

  /** A lockout on {@code clock}, not locked. */
  public LoginLockout(Clock clock) {
    this.clock = clock;
  }

  /** Until when it is locked, if it is locked now. */
  public Optional<Instant> lockedUntil() {
    return clock.instant().isBefore(lockedUntil) ? Optional.of(lockedUntil) : Optional.empty();
  }

  /** Counts a failed login; the third in a row locks. */
  public void failed() {
    failures++;
    if (failures >= FAILURES) {
      failures = 0;
      lockedUntil = clock.instant().plus(FIRST_LOCK.multipliedBy(1L << Math.min(locks, 20)));
      locks++;
    }
  }

  /** A good login ends the run of failures. */
  public void succeeded() {
    failures = 0;
  }

  /** Forgets everything, as a reboot does. */
  public void forget() {
    failures = 0;
    locks = 0;
    lockedUntil = Instant.MIN;
  }
}
