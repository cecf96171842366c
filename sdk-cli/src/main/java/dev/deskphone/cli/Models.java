package dev.deskphone.cli;

import dev.deskphone.snom.SnomModel;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads a snom model as people write it: {@code 870}, {@code snom870}, {@code SNOM_870}, {@code
 * D785}.
 */
final class Models {
  private Models() {}

  /**
   * The model named by {@code text}.
   *
   * @throws IllegalArgumentException naming the valid models
   */
  static SnomModel parse(String text) {
    String wanted = normalise(text);
    for (SnomModel m : SnomModel.values()) {
      if (normalise(m.name()).equals(wanted)) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "unknown snom model '"
            + text
            + "'; known: "
            + Arrays.stream(SnomModel.values())
                .map(m -> normalise(m.name()))
                .collect(Collectors.joining(", ")));
  }

  private static String normalise(String text) {
    String s = text.toUpperCase(Locale.ROOT).replaceAll("[\\s_-]", "");
    return s.startsWith("SNOM") ? s.substring(4) : s;
  }
}
