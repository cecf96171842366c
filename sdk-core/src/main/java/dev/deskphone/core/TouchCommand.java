package dev.deskphone.core;

import java.util.Objects;

/**
 * One touch on a phone's touch screen, at pixel ({@code x}, {@code y}) from the top-left corner.
 *
 * <pre>{@code
 * TouchCommand.tap(100, 120); TouchCommand.press(5, 5); TouchCommand.release(5, 5);
 * }</pre>
 *
 * <p>Coordinates are only checked to be non-negative here: the screen's size is known to the vendor
 * module, which checks the upper bounds for the phone model. Immutable and thread-safe.
 *
 * @param x the column in pixels, 0 or more
 * @param y the row in pixels, 0 or more
 * @param action what the finger does there
 */
public record TouchCommand(int x, int y, Action action) {

  /** What a touch does at its point. */
  public enum Action {
    /** Press and release: a tap. */
    TAP,
    /** Put the finger down and keep it there. */
    PRESS,
    /** Lift the finger. */
    RELEASE
  }

  /**
   * Checks the components.
   *
   * @param x the column in pixels, 0 or more
   * @param y the row in pixels, 0 or more
   * @param action what the finger does there
   * @throws NullPointerException if {@code action} is null
   * @throws IllegalArgumentException if {@code x} or {@code y} is negative
   */
  public TouchCommand {
    Objects.requireNonNull(action, "action");
    if (x < 0) {
      throw new IllegalArgumentException("x must be 0 or more, was " + x);
    }
    if (y < 0) {
      throw new IllegalArgumentException("y must be 0 or more, was " + y);
    }
  }

  /**
   * A tap (press and release) at ({@code x}, {@code y}).
   *
   * @param x the column in pixels, 0 or more
   * @param y the row in pixels, 0 or more
   * @return the command
   * @throws IllegalArgumentException if {@code x} or {@code y} is negative
   */
  public static TouchCommand tap(int x, int y) {
    return new TouchCommand(x, y, Action.TAP);
  }

  /**
   * A press, without release, at ({@code x}, {@code y}).
   *
   * @param x the column in pixels, 0 or more
   * @param y the row in pixels, 0 or more
   * @return the command
   * @throws IllegalArgumentException if {@code x} or {@code y} is negative
   */
  public static TouchCommand press(int x, int y) {
    return new TouchCommand(x, y, Action.PRESS);
  }

  /**
   * A release at ({@code x}, {@code y}).
   *
   * @param x the column in pixels, 0 or more
   * @param y the row in pixels, 0 or more
   * @return the command
   * @throws IllegalArgumentException if {@code x} or {@code y} is negative
   */
  public static TouchCommand release(int x, int y) {
    return new TouchCommand(x, y, Action.RELEASE);
  }
}
