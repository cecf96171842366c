package dev.deskphone.snom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SnomSettingsTest {

  private static String onlyTarget(SnomSettings settings) {
    assertThat(settings.commands()).hasSize(1);
    return settings.commands().get(0).target();
  }

  @Test
  void settingsGoInOrderInOneRequestToDummyHtm() {
    SnomSettings settings =
        SnomSettings.builder().set("language", "Deutsch").set("fkey0", "speed 100").build();

    SnomCommand command = settings.commands().get(0);
    assertThat(onlyTarget(settings))
        .isEqualTo("/dummy.htm?settings=save&language=Deutsch&fkey0=speed%20100");
    assertThat(command.operation()).isEqualTo("snom write settings");
    assertThat(command.path()).isEqualTo("/dummy.htm");
    assertThat(settings.settings())
        .containsExactly(Map.entry("language", "Deutsch"), Map.entry("fkey0", "speed 100"));
    assertThat(settings.persistent()).isFalse();
  }

  @Test
  void persistentSettingsEndWithStoreSettings() {
    SnomSettings settings =
        SnomSettings.builder().set("language", "English").persistent(true).build();

    assertThat(onlyTarget(settings))
        .isEqualTo("/dummy.htm?settings=save&language=English&store_settings=save");
    assertThat(settings.persistent()).isTrue();
  }

  @Test
  void aValueCannotAddAParameterOrStartAnotherSetting() {
    SnomSettings settings =
        SnomSettings.builder()
            .set("a", "1&store_settings=save")
            .set("b", "a=b")
            .set("c", "#x")
            .set("d", "%zz")
            .set("e", "1+1 2")
            .set("f", "?q;x,y")
            .build();

    assertThat(onlyTarget(settings))
        .isEqualTo(
            "/dummy.htm?settings=save&a=1%26store_settings%3Dsave&b=a%3Db&c=%23x&d=%25zz"
                + "&e=1%2B1%202&f=%3Fq%3Bx%2Cy");
    assertThat(onlyTarget(settings)).doesNotContain("&store_settings=save");
  }

  @Test
  void nonAsciiGoesAsPercentEncodedUtf8() {
    SnomSettings settings = SnomSettings.builder().set("fkey_label0", "Tür ☎").build();

    assertThat(onlyTarget(settings))
        .isEqualTo("/dummy.htm?settings=save&fkey_label0=T%C3%BCr%20%E2%98%8E");
  }

  @Test
  void urlsKeepColonSlashAndAtAndEncodeTheirQuery() {
    SnomSettings settings =
        SnomSettings.builder()
            .set("action_incoming_url", "http://10.0.0.2:8080/e?ip=$phone_ip&r=$remote")
            .set("fkey1", "dest <sip:101@pbx.example>")
            .set("fkey_label1", "")
            .build();

    assertThat(onlyTarget(settings))
        .isEqualTo(
            "/dummy.htm?settings=save"
                + "&action_incoming_url=http://10.0.0.2:8080/e%3Fip%3D%24phone_ip%26r%3D%24remote"
                + "&fkey1=dest%20%3Csip:101@pbx.example%3E&fkey_label1=");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "", "a&b", "a=b", "a b", "fkey-0", "fkey.0", "0fkey", "_x", "fkéy", "a%26b", "x\n"
      })
  void aNameOutsideTheRuleIsRefusedNamingItAndTheRule(String name) {
    SnomSettings.Builder builder = SnomSettings.builder();

    assertThatThrownBy(() -> builder.set(name, "1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("setting name must be 1 to 64 ASCII letters, digits and '_'")
        .hasMessageContaining("starting with a letter");
  }

  @Test
  void theRefusalQuotesTheBadName() {
    assertThatThrownBy(() -> SnomSettings.builder().set("fkey0&x", "1"))
        .hasMessageEndingWith("was \"fkey0&x\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"settings", "store_settings", "STORE_SETTINGS", "swload", "SwLoad"})
  void theWritesOwnParametersAndTheFirmwareTriggerAreReserved(String name) {
    assertThatThrownBy(() -> SnomSettings.builder().set(name, "save"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"" + name + "\" is reserved")
        .hasMessageContaining("persistent(true)");
  }

  @Test
  void longestNameAndIndexedNamesPass() {
    String longest = "a".repeat(64);

    SnomSettings settings =
        SnomSettings.builder()
            .set(longest, "1")
            .set("fkey_short_label12", "x")
            .set("user_name1", "100")
            .set("Z9", "")
            .build();

    assertThat(settings.settings())
        .containsOnlyKeys(longest, "fkey_short_label12", "user_name1", "Z9");
    assertThatThrownBy(() -> SnomSettings.builder().set(longest + "a", "1"))
        .hasMessageContaining("1 to 64 ASCII letters");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\nb", "\r", "\t", "\u0000x", "\u007f", "\u0085", "\ud800x", "\udc00x"})
  void controlCharactersAndUnpairedSurrogatesInAValueAreRefusedWithoutShowingIt(String value) {
    assertThatThrownBy(() -> SnomSettings.builder().set("user_pass1", "hunter2" + value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("value of setting user_pass1 must be text without control")
        .hasMessageContaining("at index 7")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void aCharacterBeyondTheBasicPlaneIsText() {
    SnomSettings settings = SnomSettings.builder().set("fkey_label0", "\uD83D\uDCDE").build();

    assertThat(onlyTarget(settings)).endsWith("fkey_label0=%F0%9F%93%9E");
  }

  @Test
  void aNameGivenTwiceIsRefused() {
    SnomSettings.Builder builder = SnomSettings.builder().set("language", "Deutsch");

    assertThatThrownBy(() -> builder.set("language", "English"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("setting language is already set");
  }

  @Test
  void noSettingsIsABuilderError() {
    assertThatThrownBy(() -> SnomSettings.builder().persistent(true).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("at least one setting");
  }

  @Test
  void settingsBeyondTheLimitAreSplitInOrderEachRequestCompleteInItself() {
    SnomSettings.Builder builder = SnomSettings.builder().persistent(true);
    for (int i = 0; i < 10; i++) {
      builder.set("fkey_label" + i, String.valueOf((char) ('a' + i)).repeat(500));
    }

    List<SnomCommand> commands = builder.build().commands();

    assertThat(commands).hasSize(4);
    assertThat(commands)
        .allSatisfy(
            c -> {
              assertThat(c.target()).startsWith("/dummy.htm?settings=save&");
              assertThat(c.target()).endsWith("&store_settings=save");
              assertThat(c.target().length()).isLessThanOrEqualTo(SnomSettings.MAX_TARGET_LENGTH);
            });
    assertThat(commands)
        .extracting(SnomCommand::operation)
        .containsExactly(
            "snom write settings (request 1 of 4)",
            "snom write settings (request 2 of 4)",
            "snom write settings (request 3 of 4)",
            "snom write settings (request 4 of 4)");
    String all = String.join("", commands.stream().map(SnomCommand::target).toList());
    for (int i = 0; i < 10; i++) {
      assertThat(all).containsOnlyOnce("&fkey_label" + i + "=");
      if (i > 0) {
        assertThat(all.indexOf("fkey_label" + (i - 1) + "="))
            .isLessThan(all.indexOf("fkey_label" + i + "="));
      }
    }
  }

  @Test
  void settingsThatFillExactlyTheLimitStayInOneRequest() {
    String prefix = "/dummy.htm?settings=save&x=";
    String fill = "v".repeat(SnomSettings.MAX_TARGET_LENGTH - prefix.length());

    SnomSettings exact = SnomSettings.builder().set("x", fill).build();
    SnomSettings over = SnomSettings.builder().set("x", fill).set("y", "").build();

    assertThat(onlyTarget(exact)).hasSize(SnomSettings.MAX_TARGET_LENGTH);
    assertThat(over.commands())
        .extracting(SnomCommand::target)
        .containsExactly(prefix + fill, "/dummy.htm?settings=save&y=");
  }

  @Test
  void oneSettingTooLongForARequestIsRefusedButFitsWithoutStoring() {
    String prefix = "/dummy.htm?settings=save&x=";
    String value = "v".repeat(SnomSettings.MAX_TARGET_LENGTH - prefix.length());

    assertThat(SnomSettings.builder().set("x", value).build().commands()).hasSize(1);
    assertThatThrownBy(() -> SnomSettings.builder().set("x", value).persistent(true).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("setting x does not fit in one request")
        .hasMessageContaining("would be 2020 characters, over the limit of 2000")
        .hasMessageNotContaining("vvv");
  }

  @Test
  void theLimitCountsEncodedCharacters() {
    // each ☎ is three bytes, nine characters encoded
    String phones = "☎".repeat(220);

    assertThatThrownBy(() -> SnomSettings.builder().set("x", phones).build())
        .hasMessageContaining("would be 2007 characters");
  }

  @Test
  void functionKeysAddTheirSettingsInOrder() {
    SnomSettings settings =
        SnomSettings.builder()
            .functionKey(FunctionKey.speed(0, "100").withLabel("Reception").withShortLabel("Rec"))
            .functionKey(FunctionKey.of(1, "line", ""))
            .build();

    assertThat(onlyTarget(settings))
        .isEqualTo(
            "/dummy.htm?settings=save&fkey0=speed%20100&fkey_label0=Reception"
                + "&fkey_short_label0=Rec&fkey1=line");
  }

  @Test
  void aFunctionKeyClashingWithASettingIsRefused() {
    SnomSettings.Builder builder = SnomSettings.builder().set("fkey_label0", "x");

    assertThatThrownBy(() -> builder.functionKey(FunctionKey.speed(0, "1").withLabel("y")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fkey_label0 is already set");
  }

  @Test
  void toStringNamesTheSettingsButNeverAValue() {
    SnomSettings settings =
        SnomSettings.builder()
            .set("user_pass1", "hunter2")
            .set("language", "x")
            .persistent(true)
            .build();

    assertThat(settings.toString())
        .isEqualTo("SnomSettings[user_pass1, language] persistent")
        .doesNotContain("hunter2");
    assertThat(settings.commands().get(0).toString())
        .contains("user_pass1=***")
        .doesNotContain("hunter2");
  }

  @Test
  void equalWhenTheSameSettingsInTheSameOrder() {
    SnomSettings ab = SnomSettings.builder().set("a", "1").set("b", "2").build();

    assertThat(ab).isEqualTo(SnomSettings.builder().set("a", "1").set("b", "2").build());
    assertThat(ab).hasSameHashCodeAs(SnomSettings.builder().set("a", "1").set("b", "2").build());
    assertThat(ab).isNotEqualTo(SnomSettings.builder().set("b", "2").set("a", "1").build());
    assertThat(ab)
        .isNotEqualTo(SnomSettings.builder().set("a", "1").set("b", "2").persistent(true).build());
  }

  @Test
  void theSettingsMapIsUnmodifiable() {
    SnomSettings settings = SnomSettings.builder().set("a", "1").build();

    assertThatThrownBy(() -> settings.settings().put("b", "2"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> settings.commands().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
