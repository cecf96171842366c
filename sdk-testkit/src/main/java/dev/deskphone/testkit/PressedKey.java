package dev.deskphone.testkit;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One key event a {@link FakeSnomPhone} carried out, from {@code
 * command.htm?key=Key[,Time[,Pause]]}. Immutable.
 *
 * @param key the key name as the phone read it, for example {@code "ENTER"}, {@code "#"}, {@code
 *     "P12"}
 * @param pressTime how long the key was held, when the request said
 * @param pause the pause before the next key, when the request said
 */
public record PressedKey(String key, Optional<Duration> pressTime, Optional<Duration> pause) {

  /**
   * Checks the parts.
   *
   * @param key the key name as the phone read it, for example {@code "ENTER"}, {@code "#"}, {@code
   *     "P12"}
   * @param pressTime how long the key was held, when the request said
   * @param pause the pause before the next key, when the request said
   */
  public PressedKey {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(pressTime, "pressTime");
    Objects.requireNonNull(pause, "pause");
  }

  /**
   * {@return a key pressed with neither time given}
   *
   * @param key the key name as the phone read it, for example {@code "ENTER"}, {@code "#"}, {@code
   *     "P12"}
   */
  public static PressedKey of(String key) {
    return new PressedKey(key, Optional.empty(), Optional.empty());
  }

  /**
   * {@return the same key with a press time}
   *
   * @param time how long the key is held
   */
  public PressedKey withPressTime(Duration time) {
    return new PressedKey(key, Optional.of(time), pause);
  }

  /**
   * {@return the same key with a pause}
   *
   * @param time the pause after the key
   */
  public PressedKey withPause(Duration time) {
    return new PressedKey(key, pressTime, Optional.of(time));
  }
}
