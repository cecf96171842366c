package dev.deskphone.core;

import dev.deskphone.core.internal.Checks;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One press of a {@link Key}, optionally with how long the key is held ({@linkplain #pressTime()
 * press time}) and how long to wait before the next key ({@linkplain #pause() pause}).
 *
 * <pre>{@code
 * KeyEvent e = KeyEvent.of(key).withPressTime(Duration.ofMillis(200)).withPause(Duration.ofMillis(100));
 * }</pre>
 *
 * <p>Both times are whole milliseconds from 0 to {@link #MAX_TIME}. Which combinations a phone
 * accepts, and how a pause without a press time goes on the wire, is decided by the vendor module
 * that sends the event. The key's {@linkplain Key#wireName() wire name} is checked once, by {@link
 * #of(Key)}, and kept: see {@link #wireName()}.
 *
 * <p>Immutable and thread-safe.
 */
public final class KeyEvent {

  /** The longest press time or pause: 60 000 ms. */
  public static final Duration MAX_TIME = Duration.ofMillis(60_000);

  private final Key key;
  private final String wireName;
  private final Duration pressTime;
  private final Duration pause;

  private KeyEvent(Key key, String wireName, Duration pressTime, Duration pause) {
    this.key = key;
    this.wireName = wireName;
    this.pressTime = pressTime;
    this.pause = pause;
  }

  /**
   * A press of {@code key} with no press time and no pause.
   *
   * @param key the key
   * @return the event
   * @throws NullPointerException if {@code key} or its wire name is null
   * @throws IllegalArgumentException unless the wire name is 1 to 32 ASCII letters, digits, {@code
   *     _}, {@code -}, {@code *} and {@code #}, so that it can never carry a separator such as
   *     {@code ;}, {@code ,}, {@code &}, {@code =}, {@code %}, a space or a control character
   */
  public static KeyEvent of(Key key) {
    Objects.requireNonNull(key, "key");
    return new KeyEvent(key, Checks.keyName(key.wireName()), null, null);
  }

  /**
   * This event with the key held for {@code pressTime}.
   *
   * @param pressTime whole milliseconds from 0 to {@link #MAX_TIME}
   * @return a new event; this one is unchanged
   * @throws NullPointerException if {@code pressTime} is null
   * @throws IllegalArgumentException if it is negative, above {@link #MAX_TIME} or has a
   *     sub-millisecond part
   */
  public KeyEvent withPressTime(Duration pressTime) {
    return new KeyEvent(key, wireName, checkTime("pressTime", pressTime), pause);
  }

  /**
   * This event followed by a wait of {@code pause} before the next key.
   *
   * @param pause whole milliseconds from 0 to {@link #MAX_TIME}
   * @return a new event; this one is unchanged
   * @throws NullPointerException if {@code pause} is null
   * @throws IllegalArgumentException if it is negative, above {@link #MAX_TIME} or has a
   *     sub-millisecond part
   */
  public KeyEvent withPause(Duration pause) {
    return new KeyEvent(key, wireName, pressTime, checkTime("pause", pause));
  }

  /**
   * The key pressed.
   *
   * @return the key
   */
  public Key key() {
    return key;
  }

  /**
   * The key's wire name, as checked by {@link #of(Key)}. Vendor modules send this rather than
   * asking the key again.
   *
   * @return the wire name
   */
  public String wireName() {
    return wireName;
  }

  /**
   * How long the key is held, if set.
   *
   * @return the press time, or empty to leave it to the phone
   */
  public Optional<Duration> pressTime() {
    return Optional.ofNullable(pressTime);
  }

  /**
   * How long to wait before the next key, if set.
   *
   * @return the pause, or empty to leave it to the phone
   */
  public Optional<Duration> pause() {
    return Optional.ofNullable(pause);
  }

  private static Duration checkTime(String field, Duration time) {
    Objects.requireNonNull(time, field);
    if (time.isNegative() || time.compareTo(MAX_TIME) > 0 || time.getNano() % 1_000_000 != 0) {
      throw new IllegalArgumentException(
          field + " must be whole milliseconds from 0 to " + MAX_TIME.toMillis() + ", was " + time);
    }
    return time;
  }

  /**
   * Two events are equal when their keys are equal, with the same wire name, and they have the same
   * press time and pause.
   *
   * @param o the other object
   * @return whether they are equal
   */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof KeyEvent)) {
      return false;
    }
    KeyEvent other = (KeyEvent) o;
    return key.equals(other.key)
        && wireName.equals(other.wireName)
        && Objects.equals(pressTime, other.pressTime)
        && Objects.equals(pause, other.pause);
  }

  /**
   * A hash code consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(key, wireName, pressTime, pause);
  }

  /**
   * The event for logs, for example {@code KeyEvent[OFFHOOK, press 200 ms, pause 100 ms]}.
   *
   * @return the text
   */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("KeyEvent[").append(wireName);
    if (pressTime != null) {
      s.append(", press ").append(pressTime.toMillis()).append(" ms");
    }
    if (pause != null) {
      s.append(", pause ").append(pause.toMillis()).append(" ms");
    }
    return s.append(']').toString();
  }
}
