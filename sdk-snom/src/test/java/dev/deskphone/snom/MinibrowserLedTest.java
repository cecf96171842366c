package dev.deskphone.snom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MinibrowserLedTest {

  private static MinibrowserDocument batch(String led) {
    String xml = "<SnomIPPhoneBatch>" + led + "</SnomIPPhoneBatch>";
    return MinibrowserDocument.read(xml.getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 1000, Integer.MAX_VALUE})
  void aNumberOutOfRangeIsRefused(int number) {
    assertThatThrownBy(() -> MinibrowserLed.of(number, MinibrowserLed.State.ON))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("LED number must be 0 to 999 (0 is the message LED), was " + number);
  }

  @Test
  void aColourWithOffIsRefused() {
    assertThatThrownBy(
            () -> MinibrowserLed.of(2, MinibrowserLed.State.OFF, MinibrowserLed.Color.RED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "LED 2: colour RED is not allowed with state OFF; a colour goes with ON or a blinking"
                + " state");
  }

  @ParameterizedTest
  @CsvSource({
    "On, ON",
    "on, ON",
    "OFF, OFF",
    "blink, BLINK",
    "Blink, BLINK",
    "blinkfast, BLINK_FAST",
    "BlinkSlow, BLINK_SLOW",
    "' on ', ON"
  })
  void readsEveryVendorValueInAnyCase(String wire, MinibrowserLed.State state) {
    assertThat(batch("<Led number=\"1\">" + wire + "</Led>").leds())
        .containsExactly(MinibrowserLed.of(1, state));
  }

  @Test
  void readsTheColourInAnyCase() {
    assertThat(batch("<led NUMBER=\"0\" Color=\"Orange\">blink</led>").leds())
        .containsExactly(
            new MinibrowserLed(
                0, MinibrowserLed.State.BLINK, Optional.of(MinibrowserLed.Color.ORANGE)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<LED>On</LED>",
        "<LED number=\"x\">On</LED>",
        "<LED number=\"-1\">On</LED>",
        "<LED number=\"1000\">On</LED>",
        "<LED number=\"1\">dim</LED>",
        "<LED number=\"1\" color=\"yellow\">On</LED>",
        "<LED number=\"1\" color=\"red\">Off</LED>",
        "<LED number=\"1\" blink=\"yes\">On</LED>",
        "<LED number=\"1\"><b>On</b></LED>",
        "<LED number=\"1\">On</LED><LED number=\"1\">Off</LED>"
      })
  void refusesAnLedThatBreaksARule(String led) {
    assertThatThrownBy(() -> batch(led))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not a minibrowser document: ");
  }
}
