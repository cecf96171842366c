package dev.deskphone.core;

/** What a key's LED does, as a Unify Send URL reply sets it. */
public enum LedState {
  /** Lit steadily. */
  ON,
  /** Dark. Takes no colour. */
  OFF,
  /** Flashing slowly. */
  FLASH,
  /** Flashing fast. */
  FLUTTER;

  /**
   * Whether a {@link LedColour} may go with this state: true for every state but {@link #OFF}.
   *
   * @return whether a colour is allowed
   */
  public boolean allowsColour() {
    return this != OFF;
  }
}
