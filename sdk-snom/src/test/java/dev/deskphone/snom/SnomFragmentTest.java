package dev.deskphone.snom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SnomFragmentTest {

  /** The commands of a fragment URL as a phone would split them: on '&', then the first '='. */
  private static List<String> commands(URI uri) {
    return Arrays.asList(uri.getRawFragment().split("&"));
  }

  @Test
  void writesTheFormsPeersSend() {
    assertThat(SnomFragment.exit().numberDial("+4930123").toUri())
        .isEqualTo(URI.create("snom://mb_exit#numberdial=+4930123"));
    assertThat(SnomFragment.stay().key("F_TRANSFER").toString())
        .isEqualTo("snom://mb_nop#key=F_TRANSFER");
    assertThat(SnomFragment.exit().toUri()).isEqualTo(URI.create("snom://mb_exit"));
    assertThat(SnomFragment.stay().toString()).isEqualTo("snom://mb_nop");
  }

  @Test
  void joinsCommandsWithAmpersandInOrder() {
    SnomFragment f = SnomFragment.stay().set("fkey_label0", "Door").key("ENTER").numberDial("100");
    assertThat(f.toString())
        .isEqualTo("snom://mb_nop#set:fkey_label0=Door&key=ENTER&numberdial=100");
  }

  @Test
  void eachCallReturnsANewFragmentAndLeavesTheOriginal() {
    SnomFragment exit = SnomFragment.exit();
    SnomFragment dial = exit.numberDial("1");
    assertThat(exit.toString()).isEqualTo("snom://mb_exit");
    assertThat(dial).isNotEqualTo(exit).isEqualTo(SnomFragment.exit().numberDial("1"));
    assertThat(dial.hashCode()).isEqualTo(SnomFragment.exit().numberDial("1").hashCode());
  }

  @Test
  void encodesHashInANumberAndAKeySoItCannotStartAnotherFragment() {
    assertThat(SnomFragment.exit().numberDial("*21#").toString())
        .isEqualTo("snom://mb_exit#numberdial=*21%23");
    assertThat(SnomFragment.stay().key("#").toString()).isEqualTo("snom://mb_nop#key=%23");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "x&reboot=1",
        "x#key=CANCEL",
        "a=b",
        "x&amp;numberdial=666",
        "50%&set:http_pass=x",
        "line\u2028break",
        "ä ö & = # + ; / ? %"
      })
  void aSettingValueCanNeverAddACommand(String value) {
    URI uri = SnomFragment.stay().set("fkey_label0", value).key("ENTER").toUri();

    List<String> commands = commands(uri);

    assertThat(commands).hasSize(2);
    assertThat(commands.get(0)).startsWith("set:fkey_label0=");
    assertThat(commands.get(1)).isEqualTo("key=ENTER");
    String encoded = commands.get(0).substring("set:fkey_label0=".length());
    assertThat(encoded).doesNotContain("&", "=", "#", " ", "$", "(");
    assertThat(URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8))
        .isEqualTo(value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1&2", "100#key=ENTER", "1 2", "+", "abc", "1=2"})
  void aNumberOutsideTheDialRuleIsRefused(String number) {
    assertThatThrownBy(() -> SnomFragment.exit().numberDial(number))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("numberdial number must be 1 to 64 digits");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "ENTER&reboot", "EN TER", "key=x", "ENTER;CANCEL", "ENTER%23"})
  void aKeyOutsideTheNameRuleIsRefused(String key) {
    assertThatThrownBy(() -> SnomFragment.stay().key(key))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("key wireName must be 1 to 32 characters");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1abc", "a&b", "a=b", "fkey label", "set:x"})
  void aSettingNameOutsideTheNameRuleIsRefused(String name) {
    assertThatThrownBy(() -> SnomFragment.stay().set(name, "v"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("setting name must be 1 to 64 ASCII letters");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\nb", "a\rb", "a\u0000b", "$(set:http_pass)", "$[x]"})
  void aSettingValueWithAControlCharacterOrACallbackIsRefused(String value) {
    assertThatThrownBy(() -> SnomFragment.stay().set("fkey_label0", value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("value of setting fkey_label0 must");
  }

  @Test
  void aFragmentLongerThanAUrlMayBeIsRefused() {
    SnomFragment f = SnomFragment.stay().set("fkey_label0", "a".repeat(1970));
    assertThatThrownBy(() -> f.key("ENTER").key("ENTER").key("ENTER"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("characters, over the limit of 2000");
  }

  @Test
  void isAUrlEveryDocumentAccepts() {
    URI dial = SnomFragment.exit().numberDial("*21#").toUri();
    MinibrowserMenu menu = MinibrowserMenu.builder().item("Forward", dial).build();

    assertThat(menu.toXml()).contains("<URL>snom://mb_exit#numberdial=*21%23</URL>");
    assertThat(((MinibrowserMenu) MinibrowserDocument.read(menu.toBytes())).items().get(0).url())
        .isEqualTo(dial);
  }

  @Test
  void severalCommandsAreEscapedAsAmpersandEntitiesInsideTheXml() {
    URI uri = SnomFragment.stay().key("ENTER").numberDial("1").toUri();
    MinibrowserMenu menu = MinibrowserMenu.builder().item("x", uri).build();
    assertThat(menu.toXml()).contains("<URL>snom://mb_nop#key=ENTER&amp;numberdial=1</URL>");
  }
}
