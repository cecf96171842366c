package dev.deskphone.testkit;

import java.time.Instant;
import java.util.Objects;

/**
 * One change of a key's LED on a {@link FakeUnifyPhone}, at the time of its clock.
 *
 * @param at when it changed
 * @param symbolicName the key
 * @param led the LED after the change
 */
public record LedChange(Instant at, String symbolicName, FakeLed led) {
  /**
   * Checks the parts are there.
   *
   * @param at when it changed
   * @param symbolicName the key
   * @param led the LED after the change
   */
  public LedChange {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(symbolicName, "symbolicName");
    Objects.requireNonNull(led, "led");
  }
}
