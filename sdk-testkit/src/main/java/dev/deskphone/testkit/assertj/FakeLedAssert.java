package dev.deskphone.testkit.assertj;

import dev.deskphone.core.LedColour;
import dev.deskphone.core.LedState;
import dev.deskphone.testkit.FakeLed;
import java.util.Objects;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one key's LED as a {@link dev.deskphone.testkit.FakeUnifyPhone} shows it. The LED
 * is read once, when the assertion is made; a failure names the key, shows the whole LED and, when
 * it came from a phone, the phone's journal. Not thread-safe: use an assertion object on one
 * thread.
 */
public final class FakeLedAssert extends AbstractAssert<FakeLedAssert, FakeLed> {
  private final String key;
  private final String context;

  FakeLedAssert(FakeLed actual, String key, String context) {
    super(actual, FakeLedAssert.class);
    this.key = key;
    this.context = context;
  }

  /**
   * It is lit steadily.
   *
   * @return this assertion
   */
  public FakeLedAssert isOn() {
    return hasState(LedState.ON);
  }

  /**
   * It is dark.
   *
   * @return this assertion
   */
  public FakeLedAssert isOff() {
    return hasState(LedState.OFF);
  }

  /**
   * It flashes.
   *
   * @return this assertion
   */
  public FakeLedAssert isFlashing() {
    return hasState(LedState.FLASH);
  }

  /**
   * It flutters.
   *
   * @return this assertion
   */
  public FakeLedAssert isFluttering() {
    return hasState(LedState.FLUTTER);
  }

  /**
   * It does {@code state}.
   *
   * @param state the expected state
   * @return this assertion
   */
  public FakeLedAssert hasState(LedState state) {
    Objects.requireNonNull(state, "state");
    isNotNull();
    if (actual.state() != state) {
      fail("to be " + state, "it is " + actual.state());
    }
    return this;
  }

  /**
   * It shows {@code colour}.
   *
   * @param colour the expected colour
   * @return this assertion
   */
  public FakeLedAssert hasColour(LedColour colour) {
    Objects.requireNonNull(colour, "colour");
    isNotNull();
    if (!actual.colour().equals(Optional.of(colour))) {
      fail("to be " + colour, "it is " + actual.colour().map(Enum::name).orElse("without colour"));
    }
    return this;
  }

  /**
   * Its key shows {@code label}.
   *
   * @param label the expected label
   * @return this assertion
   */
  public FakeLedAssert hasLabel(String label) {
    Objects.requireNonNull(label, "label");
    isNotNull();
    if (!actual.label().equals(Optional.of(label))) {
      fail(
          "to be labelled \"" + label + "\"",
          actual.label().map(l -> "its label is \"" + l + "\"").orElse("it has no label"));
    }
    return this;
  }

  /**
   * Its key shows no label.
   *
   * @return this assertion
   */
  public FakeLedAssert hasNoLabel() {
    isNotNull();
    if (actual.label().isPresent()) {
      fail("to have no label", "its label is \"" + actual.label().get() + "\"");
    }
    return this;
  }

  /**
   * The last reply asked the phone to wake.
   *
   * @return this assertion
   */
  public FakeLedAssert wakesThePhone() {
    isNotNull();
    if (!actual.wake()) {
      fail("to have woken the phone", "the last reply did not ask it to wake");
    }
    return this;
  }

  private void fail(String expected, String actually) {
    failWithMessage(
        "%s",
        "\nExpecting the LED"
            + (key.isEmpty() ? "" : " of key \"" + key + "\"")
            + "\n  "
            + expected
            + "\nbut "
            + actually
            + " ("
            + actual
            + ")."
            + (context.isEmpty() ? "" : "\n" + context));
  }
}
