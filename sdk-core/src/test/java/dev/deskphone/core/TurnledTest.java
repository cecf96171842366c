package dev.deskphone.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class TurnledTest {

  private static final String EMOJI = new String(Character.toChars(0x1F600));

  @Test
  void builderSetsEveryPart() {
    Turnled led =
        Turnled.builder("MySymbolicName")
            .state(LedState.FLASH)
            .colour(LedColour.GREEN)
            .label("FPK label")
            .wake(true)
            .build();
    assertThat(led.symbolicName()).isEqualTo("MySymbolicName");
    assertThat(led.state()).isEqualTo(LedState.FLASH);
    assertThat(led.colour()).contains(LedColour.GREEN);
    assertThat(led.label()).contains("FPK label");
    assertThat(led.wake()).isTrue();
  }

  @Test
  void optionalPartsDefaultToEmptyAndWakeToFalse() {
    Turnled led = Turnled.builder("k").state(LedState.OFF).build();
    assertThat(led.colour()).isEmpty();
    assertThat(led.label()).isEmpty();
    assertThat(led.wake()).isFalse();
  }

  @Test
  void missingStateIsRejected() {
    assertThatThrownBy(() -> Turnled.builder("Key1").colour(LedColour.RED).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("state is required for Turnled Key1: one of ON, OFF, FLASH, FLUTTER");
  }

  @Test
  void colourWithStateOffIsRejected() {
    assertThatThrownBy(
            () -> Turnled.builder("Key1").state(LedState.OFF).colour(LedColour.YELLOW).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "colour YELLOW is not allowed with state OFF (Turnled Key1): a colour goes only with"
                + " ON, FLASH or FLUTTER");
  }

  @Test
  void colourSetBeforeStateOffIsStillRejected() {
    Turnled.Builder b = Turnled.builder("Key1").colour(LedColour.RED).state(LedState.OFF);
    assertThatThrownBy(b::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("colour RED")
        .hasMessageContaining("state OFF");
  }

  @ParameterizedTest
  @EnumSource(names = {"ON", "FLASH", "FLUTTER"})
  void colourWithALitStateIsAccepted(LedState state) {
    assertThat(Turnled.builder("k").state(state).colour(LedColour.RED).build().colour())
        .contains(LedColour.RED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a b", "a\"b", "a<b", "a&b", "Key;1", "ä"})
  void symbolicNameThatIsNotATokenIsRejected(String name) {
    assertThatThrownBy(() -> Turnled.builder(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "symbolicName must be 1 to 64 characters of ASCII letters, digits, '_', '-' and '.',"
                + " was \""
                + name
                + "\"");
  }

  @Test
  void symbolicNameOfSixtyFourCharactersIsAcceptedAndSixtyFiveRejected() {
    assertThat(Turnled.builder("s".repeat(64)).state(LedState.ON).build().symbolicName())
        .hasSize(64);
    assertThatThrownBy(() -> Turnled.builder("s".repeat(65)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 to 64 characters");
  }

  @Test
  void nullArgumentsAreRejectedNamingTheParameter() {
    assertThatThrownBy(() -> Turnled.builder(null)).hasMessage("symbolicName");
    Turnled.Builder b = Turnled.builder("k");
    assertThatThrownBy(() -> b.state(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("state");
    assertThatThrownBy(() -> b.colour(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("colour");
    assertThatThrownBy(() -> b.label(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("label");
  }

  @Test
  void labelOfSixtyFourCodePointsIsAccepted() {
    String label = EMOJI.repeat(Turnled.MAX_LABEL_LENGTH);
    assertThat(label.length()).isEqualTo(128);
    assertThat(Turnled.builder("k").state(LedState.ON).label(label).build().label())
        .contains(label);
  }

  @Test
  void labelOfSixtyFiveCodePointsIsRejected() {
    String label = "L".repeat(65);
    assertThatThrownBy(() -> Turnled.builder("k").label(label))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "label must be at most 64 characters (Unicode code points), was 65: \"" + label + "\"");
  }

  @Test
  void emptyLabelIsAccepted() {
    assertThat(Turnled.builder("k").state(LedState.ON).label("").build().label()).contains("");
  }

  @Test
  void labelWithXmlMarkupAndWhitespaceIsAcceptedAsText() {
    String label = "<b>\"A&B\"</b>\tline1\nline2\r";
    assertThat(Turnled.builder("k").state(LedState.ON).label(label).build().label())
        .contains(label);
  }

  @Test
  void labelWithAControlCharacterIsRejectedNamingItAndItsIndex() {
    assertThatThrownBy(() -> Turnled.builder("k").label("ab\u0007c"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "label must contain only characters XML 1.0 allows (U+0009, U+000A, U+000D, U+0020 to"
                + " U+D7FF, U+E000 to U+FFFD, U+10000 to U+10FFFF; no unpaired surrogates), was"
                + " \"ab<U+0007>c\" with U+0007 at index 2");
  }

  @Test
  void labelWithAnUnpairedSurrogateIsRejected() {
    assertThatThrownBy(() -> Turnled.builder("k").label(EMOJI + "\uDC00"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("with U+DC00 at index 1");
  }

  @Test
  void labelWithANonCharacterIsRejected() {
    assertThatThrownBy(() -> Turnled.builder("k").label("\uFFFE"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("with U+FFFE at index 0");
  }

  @Test
  void equalTurnledsAreEqualWithEqualHashCodes() {
    Turnled a = full().build();
    Turnled b = full().build();
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isEqualTo(a);
  }

  @Test
  void turnledsDifferingInAnyPartAreNotEqual() {
    Turnled a = full().build();
    assertThat(a)
        .isNotEqualTo(
            Turnled.builder("Other")
                .state(LedState.FLASH)
                .colour(LedColour.GREEN)
                .label("FPK label")
                .build())
        .isNotEqualTo(full().state(LedState.ON).build())
        .isNotEqualTo(full().colour(LedColour.RED).build())
        .isNotEqualTo(full().label("other").build())
        .isNotEqualTo(full().wake(true).build())
        .isNotEqualTo(Turnled.builder("MySymbolicName").state(LedState.FLASH).build())
        .isNotEqualTo(null)
        .isNotEqualTo("MySymbolicName");
  }

  @Test
  void toStringShowsEveryPart() {
    assertThat(full().build())
        .hasToString("Turnled[MySymbolicName, FLASH, GREEN, label=\"FPK label\", wake=false]");
  }

  @Test
  void toStringLeavesOutAbsentPartsAndEscapesTheLabel() {
    assertThat(Turnled.builder("k").state(LedState.OFF).wake(true).build())
        .hasToString("Turnled[k, OFF, wake=true]");
    assertThat(Turnled.builder("k").state(LedState.ON).label("a\nb").build().toString())
        .isEqualTo("Turnled[k, ON, label=\"a<U+000A>b\", wake=false]");
  }

  @Test
  void builderCanBuildAgainAfterChanges() {
    Turnled.Builder b = Turnled.builder("k").state(LedState.ON);
    Turnled first = b.build();
    Turnled second = b.state(LedState.OFF).build();
    assertThat(first.state()).isEqualTo(LedState.ON);
    assertThat(second.state()).isEqualTo(LedState.OFF);
  }

  private static Turnled.Builder full() {
    return Turnled.builder("MySymbolicName")
        .state(LedState.FLASH)
        .colour(LedColour.GREEN)
        .label("FPK label")
        .wake(false);
  }
}
