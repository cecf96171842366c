package dev.deskphone.cli;

import dev.deskphone.core.LedColour;
import dev.deskphone.core.LedState;
import dev.deskphone.core.Turnled;
import dev.deskphone.core.TurnledResponse;
import dev.deskphone.unify.SendUrlReply;
import dev.deskphone.unify.SendUrlRoutes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The LED answers of {@code deskphone unify serve}, one key per line:
 *
 * <pre>
 * # symbolic name = what its LED shows when the key is pressed
 * Door   = FLASH RED "Door open"
 * Lamp   = toggle ON YELLOW "Lamp on" | OFF
 * Ping   = acknowledge
 * </pre>
 *
 * <p>A state ({@code ON OFF FLASH FLUTTER}), an optional colour ({@code RED YELLOW GREEN}) and an
 * optional quoted label (shown by the CP600); {@code toggle A | B} alternates between two such
 * answers, starting with A; {@code acknowledge} is the phone's green-for-2-seconds.
 */
final class LedConfig {
  private LedConfig() {}

  /** Reads a config file into routes. */
  static SendUrlRoutes read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read the LED config " + file + ": " + e.getClass().getSimpleName());
    }
    Set<String> keys = new HashSet<>();
    SendUrlRoutes.Builder routes = SendUrlRoutes.builder();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        throw error(file, i, "expected NAME = ANSWER");
      }
      String name = line.substring(0, eq).strip();
      String answer = line.substring(eq + 1).strip();
      if (!keys.add(name)) {
        throw error(file, i, "key " + name + " is configured twice");
      }
      try {
        add(routes, name, answer);
      } catch (IllegalArgumentException e) {
        throw error(file, i, e.getMessage());
      }
    }
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("the LED config " + file + " configures no key");
    }
    return routes.build();
  }

  private static void add(SendUrlRoutes.Builder routes, String name, String answer) {
    String lower = answer.toLowerCase(Locale.ROOT);
    if (lower.equals("acknowledge")) {
      routes.acknowledge(name);
      return;
    }
    if (lower.startsWith("toggle ")) {
      String[] two = answer.substring(7).split("\\|", -1);
      if (two.length != 2) {
        throw new IllegalArgumentException("toggle needs two answers: toggle A | B");
      }
      List<TurnledResponse> states = List.of(led(name, two[0]), led(name, two[1]));
      AtomicInteger presses = new AtomicInteger();
      routes.respond(name, request -> SendUrlReply.leds(states.get(presses.getAndIncrement() % 2)));
      return;
    }
    TurnledResponse fixed = led(name, answer);
    routes.route(name, request -> fixed);
  }

  /** {@code STATE [COLOUR] ["label"]} for key {@code name}. */
  static TurnledResponse led(String name, String text) {
    List<String> words = words(text.strip());
    if (words.isEmpty() || words.size() > 3) {
      throw new IllegalArgumentException(
          "expected STATE [COLOUR] [\"label\"], was '" + text.strip() + "'");
    }
    Turnled.Builder b = Turnled.builder(name).state(enumOf(LedState.class, words.get(0)));
    for (String w : words.subList(1, words.size())) {
      if (w.startsWith("\"")) {
        b.label(w.substring(1, w.length() - 1));
      } else {
        b.colour(enumOf(LedColour.class, w));
      }
    }
    return TurnledResponse.of(b.build());
  }

  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      if (Character.isWhitespace(text.charAt(i))) {
        i++;
      } else if (text.charAt(i) == '"') {
        int end = text.indexOf('"', i + 1);
        if (end < 0) {
          throw new IllegalArgumentException("unclosed quote in '" + text + "'");
        }
        words.add(text.substring(i, end + 1));
        i = end + 1;
      } else {
        int end = i;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
          end++;
        }
        words.add(text.substring(i, end));
        i = end;
      }
    }
    return words;
  }

  private static <E extends Enum<E>> E enumOf(Class<E> type, String word) {
    try {
      return Enum.valueOf(type, word.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      List<String> names = new ArrayList<>();
      for (E c : type.getEnumConstants()) {
        names.add(c.name());
      }
      throw new IllegalArgumentException(
          "'" + word + "' is not one of " + String.join(", ", names));
    }
  }

  private static IllegalArgumentException error(Path file, int index, String what) {
    return new IllegalArgumentException(file + " line " + (index + 1) + ": " + what);
  }
}
