package dev.deskphone.testkit;

import dev.deskphone.core.LedColour;
import dev.deskphone.core.LedState;
import dev.deskphone.core.PhoneResponse;
import dev.deskphone.testkit.internal.UnifyReplyParser;
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
 * The LEDs of a {@link FakeUnifyPhone}'s keys and their history, and how a Send URL answer changes
 * them. The 2-second green ends lazily: when an LED or the history is next looked at with the clock
 * past its end. Thread-safe (every method locks the panel).
 */
final class UnifyLedPanel {
  /** How long the empty-or-invalid-200 green lasts. */
  static final Duration ACKNOWLEDGE_GREEN = Duration.ofSeconds(2);

  private final Clock clock;
  private final boolean showsLabels;
  private final Map<String, FakeLed> leds = new LinkedHashMap<>();
  private final Map<String, Instant> greenUntil = new LinkedHashMap<>();
  private final List<LedChange> history = new ArrayList<>();

  UnifyLedPanel(Set<String> keys, Clock clock, boolean showsLabels) {
    this.clock = clock;
    this.showsLabels = showsLabels;
    keys.forEach(k -> leds.put(k, FakeLed.INITIAL));
  }

  synchronized FakeLed led(String symbolicName) {
    settle(symbolicName);
    return leds.get(symbolicName);
  }

  synchronized List<LedChange> history() {
    leds.keySet().forEach(this::settle);
    return List.copyOf(history);
  }

  /** Applies the answer to the key's request as the phone does. */
  synchronized void apply(String symbolicName, PhoneResponse response, String body) {
    if (response.status() != 200) {
      return;
    }
    boolean xml =
        response
            .header("Content-Type")
            .map(t -> t.toLowerCase(Locale.ROOT).startsWith("text/xml"))
            .orElse(false);
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
