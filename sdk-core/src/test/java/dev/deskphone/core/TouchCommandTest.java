package dev.deskphone.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deskphone.core.TouchCommand.Action;
import org.junit.jupiter.api.Test;

class TouchCommandTest {

  @Test
  void tapPressAndReleaseSetTheirAction() {
    assertThat(TouchCommand.tap(100, 120)).isEqualTo(new TouchCommand(100, 120, Action.TAP));
    assertThat(TouchCommand.press(5, 6)).isEqualTo(new TouchCommand(5, 6, Action.PRESS));
    assertThat(TouchCommand.release(7, 8)).isEqualTo(new TouchCommand(7, 8, Action.RELEASE));
  }

  @Test
  void accessorsReturnTheComponents() {
    TouchCommand t = TouchCommand.press(479, 271);
    assertThat(t.x()).isEqualTo(479);
    assertThat(t.y()).isEqualTo(271);
    assertThat(t.action()).isEqualTo(Action.PRESS);
  }

  @Test
  void zeroIsAccepted() {
    assertThat(TouchCommand.tap(0, 0))
        .extracting(TouchCommand::x, TouchCommand::y)
        .containsExactly(0, 0);
  }

  @Test
  void largeCoordinatesAreLeftToTheVendorModule() {
    assertThat(TouchCommand.tap(Integer.MAX_VALUE, Integer.MAX_VALUE).x())
        .isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void negativeXIsRejected() {
    assertThatThrownBy(() -> TouchCommand.tap(-1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("x must be 0 or more, was -1");
  }

  @Test
  void negativeYIsRejected() {
    assertThatThrownBy(() -> TouchCommand.release(0, Integer.MIN_VALUE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("y must be 0 or more, was " + Integer.MIN_VALUE);
  }

  @Test
  void nullActionIsRejected() {
    assertThatThrownBy(() -> new TouchCommand(1, 1, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("action");
  }

  @Test
  void actionsAreTapPressRelease() {
    assertThat(Action.values()).containsExactly(Action.TAP, Action.PRESS, Action.RELEASE);
  }

  @Test
  void equalityFollowsAllComponents() {
    assertThat(TouchCommand.tap(1, 2))
        .isEqualTo(TouchCommand.tap(1, 2))
        .hasSameHashCodeAs(TouchCommand.tap(1, 2))
        .isNotEqualTo(TouchCommand.press(1, 2))
        .isNotEqualTo(TouchCommand.tap(2, 1));
  }

  @Test
  void toStringShowsCoordinatesAndAction() {
    assertThat(TouchCommand.tap(100, 120)).hasToString("TouchCommand[x=100, y=120, action=TAP]");
  }
}
