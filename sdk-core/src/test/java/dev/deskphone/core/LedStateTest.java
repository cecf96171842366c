package dev.deskphone.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LedStateTest {

  @Test
  void statesAreTheFourOfTheWire() {
    assertThat(LedState.values())
        .containsExactly(LedState.ON, LedState.OFF, LedState.FLASH, LedState.FLUTTER);
  }

  @ParameterizedTest
  @EnumSource(names = {"ON", "FLASH", "FLUTTER"})
  void litStatesAllowAColour(LedState state) {
    assertThat(state.allowsColour()).isTrue();
  }

  @Test
  void offAllowsNoColour() {
    assertThat(LedState.OFF.allowsColour()).isFalse();
  }
}
