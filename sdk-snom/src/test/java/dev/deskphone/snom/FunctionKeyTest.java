package dev.deskphone.snom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FunctionKeyTest {

  @Test
  void eachFactoryWritesTheTypeAndValueExactlyAsPeersDo() {
    assertThat(FunctionKey.speed(0, "+4930123").settings())
        .containsExactly(Map.entry("fkey0", "speed +4930123"));
    assertThat(FunctionKey.destination(11, "sip:101@pbx.example").settings())
        .containsExactly(Map.entry("fkey11", "dest <sip:101@pbx.example>"));
    assertThat(FunctionKey.url(2, URI.create("https://10.0.0.2/door?open=1")).settings())
        .containsExactly(Map.entry("fkey2", "url https://10.0.0.2/door?open=1"));
    assertThat(FunctionKey.of(3, "blf", "<sip:102@pbx.example>|*8").settings())
        .containsExactly(Map.entry("fkey3", "blf <sip:102@pbx.example>|*8"));
    assertThat(FunctionKey.of(4, "line", "").settings())
        .containsExactly(Map.entry("fkey4", "line"));
  }

  @Test
  void labelsFollowTheKeyWithTheSameIndex() {
    FunctionKey key = FunctionKey.speed(12, "100").withLabel("Tür ☎").withShortLabel("");

    assertThat(key.settings())
        .containsExactly(
            Map.entry("fkey12", "speed 100"),
            Map.entry("fkey_label12", "Tür ☎"),
            Map.entry("fkey_short_label12", ""));
    assertThat(key.index()).isEqualTo(12);
    assertThat(key.type()).isEqualTo("speed");
    assertThat(key.value()).isEqualTo("100");
    assertThat(key.label()).contains("Tür ☎");
    assertThat(key.shortLabel()).contains("");
    assertThat(FunctionKey.speed(1, "1").label()).isEmpty();
  }

  @Test
  void withersLeaveTheOriginalAsItWas() {
    FunctionKey plain = FunctionKey.speed(0, "100");

    FunctionKey labelled = plain.withLabel("Reception");

    assertThat(plain.label()).isEmpty();
    assertThat(labelled).isNotEqualTo(plain);
    assertThat(labelled).isEqualTo(FunctionKey.speed(0, "100").withLabel("Reception"));
    assertThat(labelled.hashCode())
        .isEqualTo(FunctionKey.speed(0, "100").withLabel("Reception").hashCode());
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 1000, Integer.MIN_VALUE})
  void anIndexOutOfRangeIsRefused(int index) {
    assertThatThrownBy(() -> FunctionKey.speed(index, "100"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("function key index must be 0 to 999 (fkey0 is the first), was " + index);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "speed dial", "1x", "a&b", "dest<", "abcdefghijklmnopqrstuvwxyz0123456"})
  void aTypeThatIsNotATokenIsRefused(String type) {
    assertThatThrownBy(() -> FunctionKey.of(0, type, "1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("function key type must be 1 to 32 ASCII letters");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "12a", "1 2", "++1", "100&x=1"})
  void aSpeedDialNumberOutsideTheDialRuleIsRefused(String number) {
    assertThatThrownBy(() -> FunctionKey.speed(0, number))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("speed dial number must be 1 to 64 digits");
  }

  @Test
  void aSpeedDialNumberLongerThan64IsRefusedAnd64Pass() {
    assertThat(FunctionKey.speed(0, "1".repeat(64)).value()).hasSize(64);
    assertThatThrownBy(() -> FunctionKey.speed(0, "1".repeat(65)))
        .hasMessageStartingWith("speed dial number must be 1 to 64 digits");
  }

  @ParameterizedTest
  @ValueSource(strings = {"101@pbx", "sip:", "http://x", "sip:a b", "sip:<101@pbx>"})
  void aDestinationThatIsNotABareSipUriIsRefused(String uri) {
    assertThatThrownBy(() -> FunctionKey.destination(0, uri))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("sipUri must");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://x/y", "/relative", "http://x/#frag", "mailto:a@b"})
  void aUrlThatIsNotAnAbsoluteHttpUrlIsRefused(String url) {
    assertThatThrownBy(() -> FunctionKey.url(0, URI.create(url)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("url must be an absolute http or https URL");
  }

  @Test
  void aUrlWithCredentialsIsRefusedWithoutShowingThem() {
    assertThatThrownBy(() -> FunctionKey.url(0, URI.create("http://admin:hunter2@10.0.0.2/")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not carry user-info")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void controlCharactersInValueOrLabelsAreRefused() {
    assertThatThrownBy(() -> FunctionKey.of(5, "blf", "a\nb"))
        .hasMessageStartingWith("value of function key 5 must be text without control");
    FunctionKey key = FunctionKey.speed(5, "1");
    assertThatThrownBy(() -> key.withLabel("a\u0007"))
        .hasMessageStartingWith("label of function key 5 must be text without control");
    assertThatThrownBy(() -> key.withShortLabel("\r"))
        .hasMessageStartingWith("short label of function key 5 must be text without control");
  }

  @Test
  void toStringShowsTheSettingsItWrites() {
    assertThat(FunctionKey.speed(0, "100").withLabel("Reception").toString())
        .isEqualTo("FunctionKey[fkey0=\"speed 100\", fkey_label0=\"Reception\"]");
  }
}
