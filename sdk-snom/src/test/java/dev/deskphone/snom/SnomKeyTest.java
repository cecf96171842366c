package dev.deskphone.snom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deskphone.core.KeyEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SnomKeyTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "CANCEL",
        "ENTER",
        "OFFHOOK",
        "ONHOOK",
        "RIGHT",
        "LEFT",
        "UP",
        "DOWN",
        "VOLUME_UP",
        "VOLUME_DOWN",
        "MENU",
        "REDIAL",
        "DND",
        "REC",
        "F1",
        "F2",
        "F3",
        "F4",
        "SPEAKER",
        "HEADSET",
        "TRANSFER",
        "F_HOLD",
        "F_R",
        "0",
        "5",
        "9",
        "*",
        "#",
        "P1",
        "P15",
        "EK0",
        "EK42",
        "DISCONNECT",
        "CLEAR",
        "FUNCTION",
        "RECALL"
      })
  void everyDocumentedNameIsAKeyWithThatWireName(String name) {
    SnomKey key = SnomKey.of(name);

    assertThat(key.wireName()).isEqualTo(name);
    assertThat(KeyEvent.of(key).wireName()).isEqualTo(name);
  }

  @Test
  void constantsAndLookupsAreEqual() {
    assertThat(SnomKey.of("ENTER")).isSameAs(SnomKey.ENTER);
    assertThat(SnomKey.of("P12")).isEqualTo(SnomKey.programmable(12));
    assertThat(SnomKey.of("EK3")).isEqualTo(SnomKey.expansion(3));
    assertThat(SnomKey.keypad('#')).isSameAs(SnomKey.HASH);
    assertThat(SnomKey.of("P12").kind()).isEqualTo(SnomKey.Kind.PROGRAMMABLE);
    assertThat(SnomKey.of("P12").number()).isEqualTo(12);
    assertThat(SnomKey.F_R).isNotEqualTo(SnomKey.F_HOLD);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "enter",
        "Enter",
        "ENTER;REBOOT",
        "1,200",
        "P0",
        "P01",
        "P1000",
        "EK01",
        "EK",
        "P",
        "F5",
        "10",
        "",
        " ENTER",
        "REBOOT",
        "%23"
      })
  void unknownNamesFailListingTheValidOnes(String name) {
    assertThatThrownBy(() -> SnomKey.of(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown snom key")
        .hasMessageContaining("CANCEL, ENTER")
        .hasMessageContaining("0-9")
        .hasMessageContaining("P1-P999");
  }

  @Test
  void numberedKeysAreRangeChecked() {
    assertThatThrownBy(() -> SnomKey.programmable(0)).hasMessageContaining("from 1 to 999, was 0");
    assertThatThrownBy(() -> SnomKey.expansion(-1)).hasMessageContaining("from 0 to 999, was -1");
    assertThatThrownBy(() -> SnomKey.keypad('A')).hasMessageContaining("0-9, * or #");
  }

  @Test
  void namedKeysListsTheVendorKeysInOrder() {
    assertThat(SnomKey.namedKeys()).containsKeys("CANCEL", "RECALL", "*", "#", "0", "9");
    assertThat(SnomKey.namedKeys().keySet()).startsWith("CANCEL", "ENTER", "OFFHOOK");
  }
}
