package dev.deskphone.snom;

import java.util.Objects;
import java.util.Optional;

/**
 * One LED a minibrowser document sets: {@code <LED number="N" color="C">STATE</LED>}.
 *
 * <pre>{@code
 * MinibrowserLed.of(3, MinibrowserLed.State.ON, MinibrowserLed.Color.GREEN);
 * MinibrowserLed.of(3, MinibrowserLed.State.OFF);   // gives the LED back to the phone
 * }</pre>
 *
 * <p>From the vendor (service.snom.com "Main Subtags", Led; Snomio/Documentation {@code
 * main_sub_tags.md}, {@code examples/xml/Led.xml}): any document may hold {@code Led} elements; the
 * values are {@code on}, {@code off}, {@code blink}, {@code blinkfast} and {@code blinkslow}, the
 * colours {@code red}, {@code green} and {@code orange} ({@code redgreen} and {@code greenorange}
 * blink two colours on a multi-colour LED and are not offered here); {@code number="0"} is the
 * message LED, and the numbers of the key LEDs depend on the model and its label pages (on a D785
 * LED 5 is the first line key of page 1). An LED set to anything but off keeps that state, whatever
 * its key does, until a document sets it to off. The element is written {@code LED} with the value
 * {@code On}/{@code Off}/{@code Blink}, as a production peer writes it (symcon {@code
 * minibrowser.php}; the vendor's examples write {@code Led} and {@code On}, {@code on}, {@code
 * blink} alike, and its parser is not case sensitive); {@code Blink} in that case, and what a model
 * without colours does with a colour, are unverified. The range of numbers is this SDK's own bound.
 *
 * @param number the LED, from 0 to {@value #MAX_NUMBER}
 * @param state what it does
 * @param color its colour, or empty for the phone's default; only with a state other than {@link
 *     State#OFF}
 */
public record MinibrowserLed(int number, State state, Optional<Color> color) {

  /** The highest LED number: {@value}. */
  public static final int MAX_NUMBER = 999;

  /** What the LED does. */
  public enum State {
    /** Lit: {@code On}. */
    ON("On"),
    /** Dark, and given back to the phone: {@code Off}. */
    OFF("Off"),
    /** Blinking: {@code Blink}. */
    BLINK("Blink"),
    /** Blinking fast: {@code blinkfast}. */
    BLINK_FAST("blinkfast"),
    /** Blinking slowly: {@code blinkslow}. */
    BLINK_SLOW("blinkslow");

    private final String wireName;

    State(String wireName) {
      this.wireName = wireName;
    }

    String wireName() {
      return wireName;
    }
  }

  /** The LED's colour, written in lower case. */
  public enum Color {
    /** {@code red}. */
    RED,
    /** {@code green}. */
    GREEN,
    /** {@code orange}. */
    ORANGE
  }

  /**
   * Checks the components.
   *
   * @param number the LED
   * @param state what it does
   * @param color its colour, or empty for the phone's default
   * @throws NullPointerException if {@code state} or {@code color} is null
   * @throws IllegalArgumentException if the number is out of range, or a colour comes with {@link
   *     State#OFF}
   */
  public MinibrowserLed {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(color, "color");
    if (number < 0 || number > MAX_NUMBER) {
      throw new IllegalArgumentException(
          "LED number must be 0 to " + MAX_NUMBER + " (0 is the message LED), was " + number);
    }
    if (state == State.OFF && color.isPresent()) {
      throw new IllegalArgumentException(
          "LED "
              + number
              + ": colour "
              + color.get()
              + " is not allowed with state OFF; a colour goes with ON or a blinking state");
    }
  }

  /**
   * An LED in the phone's default colour.
   *
   * @param number the LED, from 0 to {@value #MAX_NUMBER}
   * @param state what it does
   * @return the LED
   * @throws IllegalArgumentException if the number is out of range
   */
  public static MinibrowserLed of(int number, State state) {
    return new MinibrowserLed(number, state, Optional.empty());
  }

  /**
   * An LED in a colour.
   *
   * @param number the LED, from 0 to {@value #MAX_NUMBER}
   * @param state what it does, other than {@link State#OFF}
   * @param color the colour
   * @return the LED
   * @throws IllegalArgumentException if the number is out of range or the state is OFF
   */
  public static MinibrowserLed of(int number, State state, Color color) {
    return new MinibrowserLed(number, state, Optional.of(Objects.requireNonNull(color, "color")));
  }
}
