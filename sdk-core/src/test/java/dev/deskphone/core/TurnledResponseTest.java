package dev.deskphone.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TurnledResponseTest {

  private static final Turnled A = led("A");
  private static final Turnled B = led("B");
  private static final Turnled C = led("C");

  private static Turnled led(String name) {
    return Turnled.builder(name).state(LedState.ON).build();
  }

  @Test
  void ofOneHoldsIt() {
    assertThat(TurnledResponse.of(A).turnleds()).containsExactly(A);
  }

  @Test
  void ofVarargsKeepsTheGivenOrder() {
    assertThat(TurnledResponse.of(C, A, B).turnleds()).containsExactly(C, A, B);
  }

  @Test
  void ofListKeepsTheGivenOrder() {
    assertThat(TurnledResponse.of(List.of(B, C, A)).turnleds()).containsExactly(B, C, A);
  }

  @Test
  void emptyListIsRejected() {
    assertThatThrownBy(() -> TurnledResponse.of(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("turnleds must hold at least one Turnled, was empty");
  }

  @Test
  void duplicateSymbolicNameIsRejectedNamingIt() {
    Turnled otherA = Turnled.builder("A").state(LedState.OFF).build();
    assertThatThrownBy(() -> TurnledResponse.of(A, B, otherA))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("turnleds must have unique symbolic names, but A appears more than once");
  }

  @Test
  void duplicateInAListIsRejected() {
    assertThatThrownBy(() -> TurnledResponse.of(List.of(B, B)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("but B appears more than once");
  }

  @Test
  void nullsAreRejected() {
    assertThatThrownBy(() -> TurnledResponse.of((List<Turnled>) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("turnleds");
    assertThatThrownBy(() -> TurnledResponse.of((Turnled) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("first");
    assertThatThrownBy(() -> TurnledResponse.of(A, (Turnled[]) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("more");
    assertThatThrownBy(() -> TurnledResponse.of(A, B, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("turnleds[2]");
    assertThatThrownBy(() -> TurnledResponse.of(Arrays.asList(A, null)))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("turnleds[1]");
  }

  @Test
  void turnledsCannotBeModified() {
    List<Turnled> turnleds = TurnledResponse.of(A, B).turnleds();
    assertThatThrownBy(() -> turnleds.add(C)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> turnleds.remove(0)).isInstanceOf(UnsupportedOperationException.class);
    assertThat(turnleds).containsExactly(A, B);
  }

  @Test
  void laterChangesToTheGivenListOrArrayDoNotShowThrough() {
    List<Turnled> given = new ArrayList<>(List.of(A));
    TurnledResponse fromList = TurnledResponse.of(given);
    given.add(B);
    Turnled[] more = {B};
    TurnledResponse fromArray = TurnledResponse.of(A, more);
    more[0] = C;
    assertThat(fromList.turnleds()).containsExactly(A);
    assertThat(fromArray.turnleds()).containsExactly(A, B);
  }

  @Test
  void equalityFollowsTheTurnledsInOrder() {
    assertThat(TurnledResponse.of(A, B))
        .isEqualTo(TurnledResponse.of(List.of(led("A"), led("B"))))
        .hasSameHashCodeAs(TurnledResponse.of(A, B))
        .isNotEqualTo(TurnledResponse.of(B, A))
        .isNotEqualTo(TurnledResponse.of(A))
        .isNotEqualTo(null)
        .isNotEqualTo(List.of(A, B));
    TurnledResponse same = TurnledResponse.of(A);
    assertThat(same).isEqualTo(same);
  }

  @Test
  void toStringListsTheTurnleds() {
    assertThat(TurnledResponse.of(A, B))
        .hasToString("TurnledResponse[Turnled[A, ON, wake=false], Turnled[B, ON, wake=false]]");
  }
}
