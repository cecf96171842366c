package dev.deskphone.snom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deskphone.core.Key;
import dev.deskphone.core.KeyEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SnomKeySequenceTest {

  @Test
  void parsesKeysWithPressTimeAndPause() {
    SnomKeySequence s = SnomKeySequence.parse("OFFHOOK;1,200,100;#");

    assertThat(s.events())
        .containsExactly(
            KeyEvent.of(SnomKey.OFFHOOK),
            KeyEvent.of(SnomKey.keypad('1'))
                .withPressTime(Duration.ofMillis(200))
                .withPause(Duration.ofMillis(100)),
            KeyEvent.of(SnomKey.HASH));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"ENTER", "OFFHOOK;1,200,100;#", "P12,0", "*;#;0,60000,60000", "F_R,5;EK0,1,0"})
  void rendersWhatItParsed(String text) {
    assertThat(SnomKeySequence.parse(text).toString()).isEqualTo(text);
    assertThat(SnomKeySequence.parse(SnomKeySequence.parse(text).toString()))
        .isEqualTo(SnomKeySequence.parse(text));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''|0|a key name is missing",
        "ENTER;|6|a key name is missing",
        ";ENTER|0|a key name is missing",
        "ENTER;;1|6|a key name is missing",
        "ENTER,|6|a press time in milliseconds is missing",
        "ENTER,1,|8|a pause in milliseconds is missing",
        "ENTER,2x0|7|press time must be decimal digits",
        "ENTER,-1|6|press time must be decimal digits",
        "ENTER,010|6|press time must not have leading zeros",
        "ENTER,60001|6|press time must be from 0 to 60000 ms",
        "ENTER,1,2,3|9|a key event has at most Key,Time,Pause",
        "OFFHOOK;enter|8|unknown snom key",
        "ENTER REBOOT|0|unknown snom key",
        "1&number=5|0|unknown snom key"
      })
  void pointsAtTheFirstError(String text, int position, String what) {
    assertThatThrownBy(() -> SnomKeySequence.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at position " + position + ": " + what);
  }

  @Test
  void aPauseWithoutPressTimeCannotBeWritten() {
    KeyEvent pauseOnly = KeyEvent.of(SnomKey.ENTER).withPause(Duration.ofMillis(100));

    assertThatThrownBy(() -> SnomKeySequence.of(List.of(pauseOnly)))
        .hasMessageContaining("has a pause but no press time");
  }

  @Test
  void onlySnomKeysAndABoundedCount() {
    Key other = () -> "ENTER";
    assertThatThrownBy(() -> SnomKeySequence.of(List.of(KeyEvent.of(other))))
        .hasMessageContaining("is not a snom key");
    assertThatThrownBy(() -> SnomKeySequence.of(List.of()))
        .hasMessageContaining("1 to 256 key events, was 0");
    assertThatThrownBy(() -> SnomKeySequence.parse("1;".repeat(256) + "1"))
        .hasMessageContaining("more than 256 key events");
  }
}
