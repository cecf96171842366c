package dev.deskphone.cli;

import java.time.Duration;

/** Small parsing helpers for command arguments; each failure names the argument. */
final class Cli {
  private Cli() {}

  /** A positive number of seconds, up to a day. */
  static Duration seconds(String option, double seconds) {
    if (!(seconds > 0) || seconds > 86_400) {
      throw new IllegalArgumentException(
          option + " must be more than 0 and at most 86400 seconds, was " + seconds);
    }
    return Duration.ofMillis(Math.max(1, Math.round(seconds * 1000)));
  }

  /** A whole number. */
  static int integer(String what, String text) {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + " must be a whole number, was '" + text + "'");
    }
  }
}
