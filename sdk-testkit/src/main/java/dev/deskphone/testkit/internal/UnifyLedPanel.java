package dev.deskphone.testkit.internal;

import dev.deskphone.core.LedColour;
import dev.deskphone.core.LedState;
import dev.deskphone.testkit.FakeLed;
import dev.deskphone.testkit.LedChange;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The LEDs of a fake Unify phone's keys and their history, and how a Send URL answer changes them.
 * The 2-second green ends lazily: when an LED or the history is next looked at with the clock past
 * its end. Thread-safe (every method locks the panel).
 */
public final class UnifyLedPanel {
  /** How long the empty-or-invalid-200 green lasts. */
  public static final Duration ACKNOWLEDGE_GREEN = Duration.ofSeconds(2);

  private final Clock clock;
  private final boolean showsLabels;
  private final Map<String, FakeLed> leds = new LinkedHashMap<>();
  private final Map<String, Instant> greenUntil = new LinkedHashMap<>();
  private final List<LedChange> history = new ArrayList<>();

  /** Every key of {@code keys} off, by {@code clock}; labels shown if {@code showsLabels}. */
  public UnifyLedPanel(Set<String> keys, Clock clock, boolean showsLabels) {
    this.clock = clock;
    this.showsLabels = showsLabels;
    keys.forEach(k -> leds.put(k, FakeLed.INITIAL));
  }

  /** The key's LED now, by the clock. */
  public synchronized FakeLed led(String symbolicName) {
    settle(symbolicName);
    return leds.get(symbolicName);
  }

  /** Every change so far, a 2-second green's end included once the clock has passed it. */
  public synchronized List<LedChange> history() {
    leds.keySet().forEach(this::settle);
    return List.copyOf(history);
  }

  /**
   * Applies an answer to the key's request as the phone does: only a {@code 200} changes the LED.
   *
   * @param contentType the answer's {@code Content-Type}, if it had one
   * @param body the answer's body as text
   */
  public synchronized void apply(
      String symbolicName, int status, Optional<String> contentType, String body) {
    if (status != 200) {
      return;
    }
    boolean xml =
        contentType.map(t -> t.toLowerCase(Locale.ROOT).startsWith("text/xml")).orElse(false);
    Optional<List<Map<String, String>>> turnleds =
        xml ? UnifyReplyParser.turnleds(body) : Optional.empty();
    if (turnleds.isEmpty()) {
      acknowledge(symbolicName);
      return;
    }
    for (Map<String, String> attributes : turnleds.get()) {
      if (symbolicName.equals(attributes.get("ID"))) {
        Optional<FakeLed> led =
            TurnledAttributes.toLed(attributes, leds.get(symbolicName), showsLabels);
        if (led.isEmpty()) {
          acknowledge(symbolicName);
        } else {
          greenUntil.remove(symbolicName);
          change(symbolicName, led.get());
        }
        return;
      }
    }
  }

  private void acknowledge(String symbolicName) {
    FakeLed current = leds.get(symbolicName);
    change(
        symbolicName,
        new FakeLed(LedState.ON, Optional.of(LedColour.GREEN), current.label(), false));
    greenUntil.put(symbolicName, clock.instant().plus(ACKNOWLEDGE_GREEN));
  }

  private void settle(String symbolicName) {
    Instant until = greenUntil.get(symbolicName);
    if (until != null && !clock.instant().isBefore(until)) {
      greenUntil.remove(symbolicName);
      FakeLed off =
          new FakeLed(LedState.OFF, Optional.empty(), leds.get(symbolicName).label(), false);
      leds.put(symbolicName, off);
      history.add(new LedChange(until, symbolicName, off));
    }
  }

  private void change(String symbolicName, FakeLed led) {
    settle(symbolicName);
    leds.put(symbolicName, led);
    history.add(new LedChange(clock.instant(), symbolicName, led));
  }
}
