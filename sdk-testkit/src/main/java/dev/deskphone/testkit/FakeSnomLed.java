package dev.deskphone.testkit;

import java.util.Objects;

/**
 * A function-key LED of a fake snom phone as the last minibrowser {@code LED} element for it set
 * it, values as written in the document.
 *
 * @param number the LED's number
 * @param color its {@code color} attribute ({@code green}, {@code red}, {@code yellow}...), or
 *     empty
 * @param state its state, lower-cased: {@code on}, {@code off}, {@code blinkfast}, {@code
 *     blinkslow}...
 */
public record FakeSnomLed(int number, String color, String state) {
  /**
   * Checks.
   *
   * @param number the LED's number
   * @param color its {@code color} attribute ({@code green}, {@code red}, {@code yellow}...), or
   *     empty
   * @param state its state, lower-cased: {@code on}, {@code off}, {@code blinkfast}, {@code
   *     blinkslow}...
   */
  public FakeSnomLed {
    Objects.requireNonNull(color, "color");
    Objects.requireNonNull(state, "state");
  }

  /** {@return whether it is lit (any state but {@code off})} */
  public boolean lit() {
    return !state.equals("off");
  }
}
