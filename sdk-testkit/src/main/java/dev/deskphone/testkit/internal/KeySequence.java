package dev.deskphone.testkit.internal;

import dev.deskphone.testkit.PressedKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the raw value of {@code command.htm?key=}: {@code Key[,Time[,Pause]]} events separated by
 * {@code ;}. It splits on the literal separators first and decodes each part after, so an encoded
 * {@code %3B} or {@code %2C} stays inside a key name (and makes it unknown) instead of adding a
 * key. Stateless.
 */
public final class KeySequence {
  private static final Pattern MILLIS = Pattern.compile("[0-9]{1,9}");

  private KeySequence() {}

  /**
   * The key events in {@code rawValue}, all checked against {@code model}.
   *
   * @throws Unintelligible if any event is malformed or names a key the model lacks (nothing is
   *     pressed then)
   */
  public static List<PressedKey> parse(String rawValue, ModelProfile model) throws Unintelligible {
    if (rawValue.isEmpty()) {
      throw Unintelligible.ignored("empty key list");
    }
    List<PressedKey> keys = new ArrayList<>();
    String[] events = rawValue.split(";", -1);
    for (int i = 0; i < events.length; i++) {
      String[] parts = events[i].split(",", -1);
      if (parts.length > 3) {
        throw Unintelligible.ignored(
            "key event " + (i + 1) + " '" + events[i] + "' has more than Key,Time,Pause");
      }
      String name = PercentDecoder.decode(parts[0]);
      if (name.isEmpty()) {
        throw Unintelligible.ignored("key event " + (i + 1) + " has no key");
      }
      Optional<String> problem = KeyCatalogue.problem(name, model);
      if (problem.isPresent()) {
        throw Unintelligible.ignored("key event " + (i + 1) + ": " + problem.get());
      }
      keys.add(
          new PressedKey(
              name,
              parts.length > 1 ? Optional.of(millis(parts[1], "time", i)) : Optional.empty(),
              parts.length > 2 ? Optional.of(millis(parts[2], "pause", i)) : Optional.empty()));
    }
    return keys;
  }

  private static Duration millis(String raw, String what, int event) throws Unintelligible {
    String text = PercentDecoder.decode(raw);
    if (!MILLIS.matcher(text).matches()) {
      throw Unintelligible.ignored(
          "key event " + (event + 1) + ": " + what + " '" + text + "' is not milliseconds");
    }
    return Duration.ofMillis(Long.parseLong(text));
  }
}
