package dev.deskphone.snom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SnomModelTest {

  @Test
  void programmableKeyCountsAreTheDocumentedOnes() {
    assertThat(SnomModel.SNOM_870.programmableKeys()).hasValue(15);
    assertThat(SnomModel.SNOM_320.programmableKeys()).hasValue(12);
    assertThat(SnomModel.SNOM_360.programmableKeys()).hasValue(12);
    assertThat(SnomModel.SNOM_370.programmableKeys()).hasValue(12);
    assertThat(SnomModel.SNOM_820.programmableKeys()).hasValue(12);
    assertThat(SnomModel.SNOM_300.programmableKeys()).hasValue(4);
    assertThat(SnomModel.SNOM_220.programmableKeys()).hasValue(5);
    assertThat(SnomModel.D785.programmableKeys()).isEqualTo(OptionalInt.empty());
  }

  @Test
  void keysBeyondTheModelAreRefusedWithAReason() {
    assertThat(SnomModel.SNOM_300.supports(SnomKey.of("P4"))).isTrue();
    assertThat(SnomModel.SNOM_300.whyNot(SnomKey.of("P5"))).hasValue("the snom 300 has P1-P4");
    assertThat(SnomModel.SNOM_870.whyNot(SnomKey.F1)).hasValue("the snom 870 has no F keys");
    assertThat(SnomModel.SNOM_200.whyNot(SnomKey.F4)).hasValue("the snom 200 has F1-F3");
    assertThat(SnomModel.SNOM_220.supports(SnomKey.F4)).isTrue();
    assertThat(SnomModel.SNOM_870.supports(SnomKey.expansion(0))).isFalse();
    assertThat(SnomModel.SNOM_360.supports(SnomKey.expansion(0))).isTrue();
    assertThat(SnomModel.SNOM_220.supports(SnomKey.expansion(0))).isTrue();
  }

  @Test
  void legacyKeySetBelongsToThe1xxAnd2xxOnly() {
    assertThat(SnomModel.SNOM_190.supports(SnomKey.DISCONNECT)).isTrue();
    assertThat(SnomModel.SNOM_190.supports(SnomKey.OFFHOOK)).isFalse();
    assertThat(SnomModel.SNOM_370.supports(SnomKey.RECALL)).isFalse();
    assertThat(SnomModel.SNOM_370.whyNot(SnomKey.RECALL))
        .hasValue("the snom 370 has no snom 1xx/2xx key RECALL");
    assertThat(SnomModel.SNOM_190.supports(SnomKey.keypad('5'))).isTrue();
  }

  @Test
  void onlyThe870HasATouchScreenAndOnlyThe82xTheLineInfoFix() {
    assertThat(SnomModel.SNOM_870.touchScreen()).contains(new TouchScreen(480, 272));
    assertThat(SnomModel.SNOM_820.touchScreen()).isEmpty();
    assertThat(SnomModel.SNOM_820.hasLineInfoLayerFix()).isTrue();
    assertThat(SnomModel.SNOM_821.hasLineInfoLayerFix()).isTrue();
    assertThat(SnomModel.SNOM_870.hasLineInfoLayerFix()).isFalse();
  }

  @Test
  void d8xxHaveNoRemoteControl() {
    for (SnomModel m : new SnomModel[] {SnomModel.D812, SnomModel.D815, SnomModel.D862}) {
      assertThat(m.hasRemoteControl()).isFalse();
      assertThat(m.whyNot(SnomKey.ENTER)).hasValueSatisfying(r -> r.contains("no HTTP remote"));
    }
    assertThat(SnomModel.D785.hasRemoteControl()).isTrue();
    assertThat(SnomModel.D785.displayName()).isEqualTo("snom D785");
  }

  @Test
  void touchScreenContainsOnlyItsPixels() {
    TouchScreen s = new TouchScreen(480, 272);
    assertThat(s.contains(0, 0)).isTrue();
    assertThat(s.contains(479, 271)).isTrue();
    assertThat(s.contains(480, 0)).isFalse();
    assertThat(s.contains(0, 272)).isFalse();
  }
}
