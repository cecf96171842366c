package dev.deskphone.testkit;

import java.util.Objects;

/**
 * One touch a {@link FakeSnomPhone} carried out, from {@code command.htm?touch=X Y ACTION}.
 * Immutable.
 *
 * @param x the column, 0 at the left edge
 * @param y the row, 0 at the top edge
 * @param action press, release or both
 */
public record Touch(int x, int y, Action action) {

  /** What the finger did. */
  public enum Action {
    /** {@code press} or {@code p}: pressed, not released. */
    PRESS,
    /** {@code release} or {@code r}: released. */
    RELEASE,
    /** {@code pr}, or no action given: pressed and released. */
    PRESS_RELEASE
  }

  /**
   * Checks the parts.
   *
   * @param x the column, 0 at the left edge
   * @param y the row, 0 at the top edge
   * @param action press, release or both
   */
  public Touch {
    Objects.requireNonNull(action, "action");
    if (x < 0 || y < 0) {
      throw new IllegalArgumentException("negative coordinate " + x + " " + y);
    }
  }
}
