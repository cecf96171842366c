package dev.deskphone.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LedColourTest {

  @Test
  void coloursAreTheThreeOfTheWire() {
    assertThat(LedColour.values())
        .containsExactly(LedColour.RED, LedColour.YELLOW, LedColour.GREEN);
  }

  @Test
  void namesAreTheWireSpelling() {
    assertThat(LedColour.valueOf("YELLOW")).isSameAs(LedColour.YELLOW);
    assertThat(LedColour.GREEN.name()).isEqualTo("GREEN");
  }
}
