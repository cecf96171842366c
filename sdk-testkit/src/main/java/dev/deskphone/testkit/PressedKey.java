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

  /** Checks the parts. */
  public PressedKey {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(pressTime, "pressTime");
    Objects.requireNonNull(pause, "pause");
  }

  /** A key pressed with neither time given. */
  public static PressedKey of(String key) {
    return new PressedKey(key, Optional.empty(), Optional.empty());
  }

  /** The same key with a press time. */
  public PressedKey withPressTime(Duration time) {
    return new PressedKey(key, Optional.of(time), pause);
  }

  /** The same key with a pause. */
  public PressedKey withPause(Duration time) {
    return new PressedKey(key, pressTime, Optional.of(time));
  }
}
