package dev.deskphone.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyEventTest {

  private record TestKey(String wireName) implements Key {}

  private static final Key OFFHOOK = new TestKey("OFFHOOK");

  @Test
  void ofHasNoTimes() {
    KeyEvent e = KeyEvent.of(OFFHOOK);
    assertThat(e.key()).isSameAs(OFFHOOK);
    assertThat(e.wireName()).isEqualTo("OFFHOOK");
    assertThat(e.pressTime()).isEmpty();
    assertThat(e.pause()).isEmpty();
  }

  @Test
  void withTimesSetsBothAndLeavesTheOriginalUnchanged() {
    KeyEvent plain = KeyEvent.of(OFFHOOK);
    KeyEvent e = plain.withPressTime(Duration.ofMillis(200)).withPause(Duration.ofMillis(100));
    assertThat(e.pressTime()).contains(Duration.ofMillis(200));
    assertThat(e.pause()).contains(Duration.ofMillis(100));
    assertThat(e.key()).isSameAs(OFFHOOK);
    assertThat(plain.pressTime()).isEmpty();
    assertThat(plain.pause()).isEmpty();
  }

  @Test
  void withPauseKeepsThePressTimeAndWithPressTimeKeepsThePause() {
    KeyEvent e =
        KeyEvent.of(OFFHOOK)
            .withPause(Duration.ofMillis(5))
            .withPressTime(Duration.ofMillis(7))
            .withPause(Duration.ofMillis(9));
    assertThat(e.pressTime()).contains(Duration.ofMillis(7));
    assertThat(e.pause()).contains(Duration.ofMillis(9));
  }

  @Test
  void timesAcceptZeroAndTheMaximum() {
    KeyEvent e = KeyEvent.of(OFFHOOK).withPressTime(Duration.ZERO).withPause(KeyEvent.MAX_TIME);
    assertThat(e.pressTime()).contains(Duration.ZERO);
    assertThat(e.pause()).contains(Duration.ofMillis(60_000));
  }

  @Test
  void maxTimeIsSixtySeconds() {
    assertThat(KeyEvent.MAX_TIME).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void pressTimeAboveTheMaximumIsRejected() {
    assertThatThrownBy(() -> KeyEvent.of(OFFHOOK).withPressTime(Duration.ofMillis(60_001)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pressTime must be whole milliseconds from 0 to 60000, was PT1M0.001S");
  }

  @Test
  void pauseAboveTheMaximumIsRejected() {
    assertThatThrownBy(() -> KeyEvent.of(OFFHOOK).withPause(Duration.ofMillis(60_001)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pause must be whole milliseconds from 0 to 60000, was PT1M0.001S");
  }

  @Test
  void hugeTimesAreRejectedWithoutOverflow() {
    assertThatThrownBy(() -> KeyEvent.of(OFFHOOK).withPause(Duration.ofSeconds(Long.MAX_VALUE)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("pause must be whole milliseconds from 0 to 60000, was PT");
  }

  @Test
  void negativePressTimeIsRejected() {
    assertThatThrownBy(() -> KeyEvent.of(OFFHOOK).withPressTime(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pressTime must be whole milliseconds from 0 to 60000, was PT-0.001S");
  }

  @Test
  void negativePauseIsRejected() {
    assertThatThrownBy(() -> KeyEvent.of(OFFHOOK).withPause(Duration.ofNanos(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("pause must be whole milliseconds from 0 to 60000, was PT-");
  }

  @Test
  void subMillisecondPressTimeIsRejected() {
    assertThatThrownBy(() -> KeyEvent.of(OFFHOOK).withPressTime(Duration.ofNanos(500_000)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pressTime must be whole milliseconds from 0 to 60000, was PT0.0005S");
  }

  @Test
  void subMillisecondPartOnTopOfWholeMillisecondsIsRejected() {
    assertThatThrownBy(() -> KeyEvent.of(OFFHOOK).withPause(Duration.ofMillis(100).plusNanos(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pause must be whole milliseconds from 0 to 60000, was PT0.100000001S");
  }

  @Test
  void nullTimesAreRejected() {
    KeyEvent e = KeyEvent.of(OFFHOOK);
    assertThatThrownBy(() -> e.withPressTime(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("pressTime");
    assertThatThrownBy(() -> e.withPause(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("pause");
  }

  @Test
  void nullKeyIsRejected() {
    assertThatThrownBy(() -> KeyEvent.of(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("key");
  }

  @Test
  void keyWithNullWireNameIsRejected() {
    assertThatThrownBy(() -> KeyEvent.of(new TestKey(null)))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("wireName");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ENTER;REBOOT",
        "1,200",
        "1&number=0",
        "a=b",
        "%23",
        "ON HOOK",
        "A\rB",
        "A\u0000",
        "",
        "Ä",
        "A.B"
      })
  void keyNameThatCouldCarryASeparatorIsRejected(String name) {
    assertThatThrownBy(() -> KeyEvent.of(new TestKey(name)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("key wireName must be 1 to 32 characters")
        .hasMessageContaining("ASCII letters, digits, '_', '-', '*' and '#'")
        .hasMessageNotContainingAny("\r", "\u0000");
  }

  @Test
  void keyNameIsShownEscapedInTheMessage() {
    assertThatThrownBy(() -> KeyEvent.of(new TestKey("A\rB")))
        .hasMessageEndingWith("was \"A<U+000D>B\"");
  }

  @Test
  void keyNameOfThirtyTwoCharactersIsAcceptedAndThirtyThreeRejected() {
    assertThat(KeyEvent.of(new TestKey("K".repeat(32))).wireName()).hasSize(32);
    assertThatThrownBy(() -> KeyEvent.of(new TestKey("K".repeat(33))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"" + "K".repeat(33) + "\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"*", "#", "P12", "VOLUME_UP", "F_HOLD", "EK-1", "0"})
  void keyNamesOfTheVendorsAreAccepted(String name) {
    assertThat(KeyEvent.of(new TestKey(name)).wireName()).isEqualTo(name);
  }

  @Test
  void wireNameIsTheOneCheckedEvenIfTheKeyChangesItLater() {
    AtomicReference<String> name = new AtomicReference<>("ENTER");
    Key fickle = name::get;
    KeyEvent e = KeyEvent.of(fickle);
    name.set("ENTER;REBOOT");
    assertThat(e.wireName()).isEqualTo("ENTER");
    assertThat(e.withPause(Duration.ofMillis(1)).wireName()).isEqualTo("ENTER");
  }

  @Test
  void equalEventsAreEqualWithEqualHashCodes() {
    KeyEvent a = KeyEvent.of(OFFHOOK).withPressTime(Duration.ofMillis(200));
    KeyEvent b = KeyEvent.of(new TestKey("OFFHOOK")).withPressTime(Duration.ofMillis(200));
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isEqualTo(a);
  }

  @Test
  void eventsDifferingInKeyOrTimesAreNotEqual() {
    KeyEvent base = KeyEvent.of(OFFHOOK);
    assertThat(base)
        .isNotEqualTo(KeyEvent.of(new TestKey("ONHOOK")))
        .isNotEqualTo(base.withPressTime(Duration.ZERO))
        .isNotEqualTo(base.withPause(Duration.ZERO))
        .isNotEqualTo(null)
        .isNotEqualTo("OFFHOOK");
    assertThat(base.withPressTime(Duration.ofMillis(1)))
        .isNotEqualTo(base.withPause(Duration.ofMillis(1)));
  }

  @Test
  void toStringShowsKeyAndTimes() {
    assertThat(
            KeyEvent.of(OFFHOOK)
                .withPressTime(Duration.ofMillis(200))
                .withPause(Duration.ofMillis(100))
                .toString())
        .isEqualTo("KeyEvent[OFFHOOK, press 200 ms, pause 100 ms]");
  }

  @Test
  void toStringLeavesOutTimesNotSet() {
    assertThat(KeyEvent.of(OFFHOOK)).hasToString("KeyEvent[OFFHOOK]");
    assertThat(KeyEvent.of(OFFHOOK).withPause(Duration.ofSeconds(1)))
        .hasToString("KeyEvent[OFFHOOK, pause 1000 ms]");
    assertThat(KeyEvent.of(OFFHOOK).withPressTime(Duration.ZERO))
        .hasToString("KeyEvent[OFFHOOK, press 0 ms]");
  }
}
