package dev.deskphone.snom;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * What any document may carry besides its body, gathered by its builder: LEDs, at most one per
 * number and {@link MinibrowserDocument#MAX_ENTRIES} in all, and one fetch. Not thread-safe while
 * building; the lists it hands out are unmodifiable copies.
 */
final class MinibrowserExtras {
  private final List<MinibrowserLed> leds = new ArrayList<>();
  private MinibrowserFetch fetch;

  void led(MinibrowserLed led) {
    Objects.requireNonNull(led, "led");
    for (MinibrowserLed other : leds) {
      if (other.number() == led.number()) {
        throw new IllegalArgumentException(
            "LED " + led.number() + " is set twice in one document; set each LED once");
      }
    }
    if (leds.size() == MinibrowserDocument.MAX_ENTRIES) {
      throw new IllegalArgumentException(
          "a document sets at most " + MinibrowserDocument.MAX_ENTRIES + " LEDs");
    }
    leds.add(led);
  }

  void fetch(MinibrowserFetch fetch) {
    this.fetch = Objects.requireNonNull(fetch, "fetch");
  }

  List<MinibrowserLed> leds() {
    return List.copyOf(leds);
  }

  /** The fetch, or null. */
  MinibrowserFetch fetchOrNull() {
    return fetch;
  }

  /** For toString: {@code ", 2 LEDs, fetch after PT5S"}, or nothing. */
  static String describe(List<MinibrowserLed> leds, Optional<MinibrowserFetch> fetch) {
    StringJoiner s = new StringJoiner(", ", ", ", "").setEmptyValue("");
    if (!leds.isEmpty()) {
      s.add(leds.size() + (leds.size() == 1 ? " LED" : " LEDs"));
    }
    fetch.ifPresent(f -> s.add("fetch after " + f.delay()));
    return s.toString();
  }
}
