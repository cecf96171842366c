package dev.deskphone.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskphone.core.KeyEvent;
import dev.deskphone.core.TouchCommand;
import dev.deskphone.snom.CallList;
import dev.deskphone.snom.SnomCommand;
import dev.deskphone.snom.SnomKey;
import dev.deskphone.snom.SnomModel;
import dev.deskphone.snom.SnomPhone;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every SnomPhone operation end to end against a FakeSnomPhone, with no authentication. */
class SnomPhoneWireTest {
  private FakeSnomPhone fake;

  @AfterEach
  void close() {
    if (fake != null) {
      fake.close();
    }
  }

  private SnomPhone phone(SnomModel model) {
    FakeSnomPhone.Builder b = FakeSnomPhone.builder();
    if (model != null) {
      b.model(model);
    }
    fake = b.start();
    SnomPhone.Builder phone = SnomPhone.builder().uri(fake.uri());
    if (model != null) {
      phone.model(model);
    }
    return phone.build();
  }

  private FakeRequest onlyRequest() {
    assertThat(fake.rejected()).isEmpty();
    assertThat(fake.requests()).hasSize(1);
    return fake.requests().get(0);
  }

  @Test
  void pressSendsTheSequenceWithPressTimesAndPauses() {
    SnomPhone phone = phone(SnomModel.SNOM_870);

    phone.press("OFFHOOK;1,200,100;#");

    assertThat(fake.pressedKeys())
        .containsExactly(
            PressedKey.of("OFFHOOK"),
            PressedKey.of("1")
                .withPressTime(Duration.ofMillis(200))
                .withPause(Duration.ofMillis(100)),
            PressedKey.of("#"));
    assertThat(fake.state().hook()).isEqualTo(HookState.OFFHOOK);
    assertThat(onlyRequest().target()).isEqualTo("/command.htm?key=OFFHOOK;1,200,100;%23");
  }

  @Test
  void pressSendsTypedKeyEventsInOneRequest() {
    SnomPhone phone = phone(SnomModel.SNOM_870);

    phone.press(
        KeyEvent.of(SnomKey.of("P15")).withPressTime(Duration.ofMillis(1500)),
        KeyEvent.of(SnomKey.STAR),
        KeyEvent.of(SnomKey.ENTER).withPressTime(Duration.ZERO).withPause(Duration.ofMillis(5)));

    assertThat(fake.pressedKeys())
        .containsExactly(
            PressedKey.of("P15").withPressTime(Duration.ofMillis(1500)),
            PressedKey.of("*"),
            PressedKey.of("ENTER").withPressTime(Duration.ZERO).withPause(Duration.ofMillis(5)));
    onlyRequest();
  }

  @Test
  void touchChainsEveryTouchInOneRequest() {
    SnomPhone phone = phone(SnomModel.SNOM_870);

    phone.touch(
        TouchCommand.tap(100, 120), TouchCommand.press(5, 5), TouchCommand.release(479, 271));

    assertThat(fake.touches())
        .containsExactly(
            new Touch(100, 120, Touch.Action.PRESS_RELEASE),
            new Touch(5, 5, Touch.Action.PRESS),
            new Touch(479, 271, Touch.Action.RELEASE));
    onlyRequest();
  }

  @Test
  void dialSendsThePlusAndTheOutgoingUri() {
    SnomPhone phone = phone(null);

    phone.dial("+4930123456");
    phone.dial("*31#1234", "sip:1234@pbx.example");

    assertThat(fake.dialed())
        .containsExactly(Dialed.of("+4930123456"), Dialed.of("*31#1234", "sip:1234@pbx.example"));
    assertThat(fake.rejected()).isEmpty();
  }

  @Test
  void dtmfReleaseLogoffAndReregisterReachThePhone() {
    SnomPhone phone = phone(SnomModel.SNOM_320);

    phone.sendDtmf("12#*");
    phone.releaseAllCalls();
    phone.logoff(2);
    phone.reregister(1);
    phone.logoffAll();

    SnomPhoneState state = fake.state();
    assertThat(fake.dtmf()).containsExactly("12#*");
    assertThat(state.releasedCalls()).isEqualTo(1);
    assertThat(state.reregistrations(1)).isEqualTo(1);
    assertThat(state.logoffAlls()).isEqualTo(1);
    assertThat(fake.rejected()).isEmpty();
  }

  @Test
  void logoffOfOneIdentityIsKept() {
    SnomPhone phone = phone(null);

    phone.logoff(12);

    assertThat(fake.state().isLoggedOff(12)).isTrue();
    assertThat(fake.state().isLoggedOff(1)).isFalse();
  }

  @Test
  void playRingerGoesToLineLoginAsDocumented() {
    SnomPhone phone = phone(null);

    phone.playRinger(3);

    assertThat(fake.state().lastRinger()).hasValue(3);
    assertThat(onlyRequest().target()).isEqualTo("/line_login.htm?PLAY_RINGER:3=+Ringer");
  }

  @Test
  void rebootAndFactoryResetAreCountedOnce() {
    SnomPhone phone = phone(null);

    phone.reboot();
    fake.finishReboot();
    phone.factoryReset();

    assertThat(fake.state().reboots()).isEqualTo(1);
    assertThat(fake.state().resets()).isEqualTo(1);
    assertThat(fake.requests()).hasSize(2);
  }

  @Test
  void clearCallListEmptiesOnlyThatList() {
    fake =
        FakeSnomPhone.builder()
            .callList(CallList.DIALED, List.of("100"))
            .callList(CallList.MISSED, List.of("200", "201"))
            .callList(CallList.RECEIVED, List.of("300"))
            .start();
    SnomPhone phone = SnomPhone.builder().uri(fake.uri()).build();

    phone.clearCallList(CallList.MISSED);

    assertThat(fake.state().callList(CallList.MISSED)).isEmpty();
    assertThat(fake.state().callList(CallList.DIALED)).containsExactly("100");
    phone.clearCallList(CallList.DIALED);
    phone.clearCallList(CallList.RECEIVED);
    assertThat(fake.state().callList(CallList.DIALED)).isEmpty();
    assertThat(fake.state().callList(CallList.RECEIVED)).isEmpty();
  }

  @Test
  void upgradeFirmwareSendsTheUrlWhole() {
    SnomPhone phone = phone(SnomModel.SNOM_870);

    phone.upgradeFirmware(URI.create("https://fw.example/snom870.bin?version=8.7&x=%20"));

    assertThat(fake.state().firmwareUrl())
        .hasValue("https://fw.example/snom870.bin?version=8.7&x=%20");
    assertThat(fake.rejected()).isEmpty();
  }

  @Test
  void fixLineInfoLayerOnThe820() {
    SnomPhone phone = phone(SnomModel.SNOM_820);

    phone.fixLineInfoLayer();

    assertThat(fake.state().lineInfoLayerFixes()).isEqualTo(1);
    onlyRequest();
  }

  @Test
  void asynchronousOperationsCompleteWhenThePhoneHasAnswered() {
    SnomPhone phone = phone(null);

    phone.sendAsync(SnomCommand.dial("1234")).join();
    phone.sendAsync(SnomCommand.press("ENTER")).join();

    assertThat(fake.dialed()).containsExactly(Dialed.of("1234"));
    assertThat(fake.pressedKeys()).containsExactly(PressedKey.of("ENTER"));
  }
}
