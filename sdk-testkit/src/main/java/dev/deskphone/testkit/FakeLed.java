package dev.deskphone.testkit;

import dev.deskphone.core.LedColour;
import dev.deskphone.core.LedState;
import java.util.Objects;
import java.util.Optional;

/**
 * A Send URL key's LED and label as a {@link FakeUnifyPhone} shows them.
 *
 * @param state what the LED does
 * @param colour its colour, if the reply set one (never with {@link LedState#OFF})
 * @param label the key's label, if a reply set one and the model shows labels (CP600)
 * @param wake whether the last reply asked the phone to wake
 */
public record FakeLed(
    LedState state, Optional<LedColour> colour, Optional<String> label, boolean wake) {

  /** The LED of a key no reply has touched: off, no colour, no label. */
  public static final FakeLed INITIAL =
      new FakeLed(LedState.OFF, Optional.empty(), Optional.empty(), false);

  /**
   * Checks the parts are there.
   *
   * @param state what the LED does
   * @param colour its colour, if the reply set one (never with {@link LedState#OFF})
   * @param label the key's label, if a reply set one and the model shows labels (CP600)
   * @param wake whether the last reply asked the phone to wake
   */
  public FakeLed {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(colour, "colour");
    Objects.requireNonNull(label, "label");
  }
}
