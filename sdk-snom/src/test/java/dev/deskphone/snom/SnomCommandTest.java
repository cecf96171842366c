package dev.deskphone.snom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deskphone.core.KeyEvent;
import dev.deskphone.core.TouchCommand;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SnomCommandTest {

  @Test
  void eachCommandGoesToItsDocumentedTarget() {
    assertThat(SnomCommand.press("OFFHOOK;1,200,100;#").target())
        .isEqualTo("/command.htm?key=OFFHOOK;1,200,100;%23");
    assertThat(SnomCommand.press(KeyEvent.of(SnomKey.STAR), KeyEvent.of(SnomKey.ENTER)).target())
        .isEqualTo("/command.htm?key=%2A;ENTER");
    assertThat(
            SnomCommand.touch(
                    TouchCommand.tap(100, 120),
                    TouchCommand.press(5, 5),
                    TouchCommand.release(479, 271))
                .target())
        .isEqualTo("/command.htm?touch=100%20120%20pr%205%205%20press%20479%20271%20release");
    assertThat(SnomCommand.dial("+4930123456").target())
        .isEqualTo("/command.htm?number=%2B4930123456");
    assertThat(SnomCommand.dial("*31#1234", "sip:1234@pbx.example").target())
        .isEqualTo("/command.htm?number=%2A31%231234&outgoing_uri=sip:1234@pbx.example");
    assertThat(SnomCommand.dtmf("12#").target()).isEqualTo("/command.htm?key_dtmf=12%23");
    assertThat(SnomCommand.releaseAllCalls().target()).isEqualTo("/command.htm?RELEASE_ALL_CALLS");
    assertThat(SnomCommand.logoffAll().target()).isEqualTo("/command.htm?LOGOFFALL");
    assertThat(SnomCommand.logoff(2).target()).isEqualTo("/command.htm?LOGOFFLINE=2");
    assertThat(SnomCommand.reregister(12).target()).isEqualTo("/command.htm?REREGISTER=12");
    assertThat(SnomCommand.playRinger(3).target())
        .isEqualTo("/line_login.htm?PLAY_RINGER:3=+Ringer");
    assertThat(SnomCommand.reboot().target()).isEqualTo("/advanced_update.htm?reboot=Reboot");
    assertThat(SnomCommand.factoryReset().target()).isEqualTo("/advanced_update.htm?reset=Reset");
    assertThat(SnomCommand.clearCallList(CallList.DIALED).target())
        .isEqualTo("/index.htm?dialeddel=clear");
    assertThat(SnomCommand.clearCallList(CallList.MISSED).target())
        .isEqualTo("/index.htm?misseddel=clear");
    assertThat(SnomCommand.clearCallList(CallList.RECEIVED).target())
        .isEqualTo("/index.htm?receiveddel=clear");
    assertThat(SnomCommand.upgradeFirmware(URI.create("http://fw.example/snom870.bin")).target())
        .isEqualTo("/dummy.htm?swload=load&firmware=http://fw.example/snom870.bin");
    assertThat(SnomCommand.fixLineInfoLayer().target()).isEqualTo("/command.htm?FIX_LIL=true");
  }

  @Test
  void valuesCannotAddParameters() {
    assertThat(SnomCommand.dial("1", "sip:a@b?x=1&number=666#frag").target())
        .isEqualTo("/command.htm?number=1&outgoing_uri=sip:a@b%3Fx%3D1%26number%3D666%23frag");
    assertThat(
            SnomCommand.upgradeFirmware(URI.create("https://fw.example/f.bin?a=1&reboot=Reboot"))
                .target())
        .isEqualTo(
            "/dummy.htm?swload=load&firmware=https://fw.example/f.bin%3Fa%3D1%26reboot%3DReboot");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "+", "++1", "1+2", "1&number=5", "12 34", "١٢٣", "abc"})
  void dialRefusesAnythingButDigitsStarHashAndALeadingPlus(String number) {
    assertThatThrownBy(() -> SnomCommand.dial(number))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("number must be 1 to 64 digits, '*' and '#', with an optional");
  }

  @Test
  void dialRefusesTooLongNumbersAndNonSipUris() {
    assertThatThrownBy(() -> SnomCommand.dial("1".repeat(65))).hasMessageContaining("1 to 64");
    assertThatThrownBy(() -> SnomCommand.dial("1", "http://pbx"))
        .hasMessageContaining("outgoingUri must be a sip: or sips: URI");
    assertThatThrownBy(() -> SnomCommand.dial("1", "sip:"))
        .hasMessageContaining("outgoingUri must be");
    assertThatThrownBy(() -> SnomCommand.dial("1", "sip:a b@c"))
        .hasMessageContaining("without spaces");
    assertThat(SnomCommand.dial("1", "SIPS:a@b").target()).endsWith("outgoing_uri=SIPS:a@b");
  }

  @Test
  void dtmfIdentityAndRingerRangesAreChecked() {
    assertThatThrownBy(() -> SnomCommand.dtmf("+1")).hasMessageContaining("DTMF digits must be");
    assertThatThrownBy(() -> SnomCommand.dtmf("")).hasMessageContaining("DTMF digits must be");
    assertThatThrownBy(() -> SnomCommand.logoff(0)).hasMessageContaining("1 to 12, was 0");
    assertThatThrownBy(() -> SnomCommand.reregister(13)).hasMessageContaining("1 to 12, was 13");
    assertThatThrownBy(() -> SnomCommand.playRinger(10)).hasMessageContaining("1 to 9, was 10");
    assertThatThrownBy(() -> SnomCommand.playRinger(0)).hasMessageContaining("1 to 9, was 0");
  }

  @Test
  void firmwareMustBeAPlainHttpOrHttpsUrl() {
    assertThatThrownBy(() -> SnomCommand.upgradeFirmware(URI.create("ftp://fw.example/f.bin")))
        .hasMessageContaining("absolute http or https URL");
    assertThatThrownBy(() -> SnomCommand.upgradeFirmware(URI.create("/f.bin")))
        .hasMessageContaining("absolute http or https URL");
    assertThatThrownBy(() -> SnomCommand.upgradeFirmware(URI.create("http://fw/f.bin#x")))
        .hasMessageContaining("no fragment");
    assertThatThrownBy(
            () -> SnomCommand.upgradeFirmware(URI.create("http://u:hunter2@fw.example/f.bin")))
        .hasMessageContaining("must not carry user-info")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void touchNeedsOneToSixtyFourTouches() {
    assertThatThrownBy(SnomCommand::touch).hasMessageContaining("1 to 64 touches, was 0");
    TouchCommand[] many = new TouchCommand[65];
    java.util.Arrays.fill(many, TouchCommand.tap(1, 1));
    assertThatThrownBy(() -> SnomCommand.touch(many)).hasMessageContaining("was 65");
  }

  @Test
  void toStringShowsOperationAndTarget() {
    assertThat(SnomCommand.press(KeyEvent.of(SnomKey.ENTER).withPressTime(Duration.ZERO)))
        .hasToString("SnomCommand[snom press /command.htm?key=ENTER,0]");
    assertThat(SnomCommand.reboot()).isEqualTo(SnomCommand.reboot());
  }

  @Test
  void onlySettingsWritesPassTheModelCheckOfAPhoneWithoutRemoteControl() {
    SnomCommand write = SnomSettings.builder().set("language", "Deutsch").build().commands().get(0);

    write.checkFor(SnomModel.D815, "http://phone.test:80");
    assertThat(write.isSettingsWrite()).isTrue();
    assertThat(SnomCommand.upgradeFirmware(URI.create("http://fw/x.bin")).isSettingsWrite())
        .isFalse();
    assertThatThrownBy(
            () ->
                SnomCommand.upgradeFirmware(URI.create("http://fw/x.bin"))
                    .checkFor(SnomModel.D815, "http://phone.test:80"))
        .hasMessageContaining("has no HTTP remote control");
  }
}
