package dev.deskphone.core;

/**
 * The colour of a key's LED, with a {@link LedState} that {@linkplain LedState#allowsColour()
 * allows one}.
 */
public enum LedColour {
  /** Red. */
  RED,
  /** Yellow. */
  YELLOW,
  /** Green. */
  GREEN
}
