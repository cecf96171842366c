package dev.deskphone.core;

/**
 * A key on a phone's keypad or front panel, as a vendor module defines it (for example the snom
 * keys). Implementations should be immutable values.
 *
 * @see KeyEvent
 */
public interface Key {

  /**
   * The exact name sent on the wire for this key, for example {@code OFFHOOK} or {@code P12}.
   * {@link KeyEvent#of(Key)} accepts only 1 to 32 ASCII letters, digits, {@code _}, {@code -},
   * {@code *} and {@code #}.
   *
   * @return the key's wire name
   */
  String wireName();
}
