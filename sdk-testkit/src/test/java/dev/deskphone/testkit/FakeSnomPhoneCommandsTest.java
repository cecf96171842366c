package dev.deskphone.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskphone.snom.CallList;
import dev.deskphone.snom.SnomModel;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FakeSnomPhoneCommandsTest {
  private final FakeSnomPhone fake = FakeSnomPhone.builder().model(SnomModel.SNOM_870).start();

  @AfterEach
  void close() {
    fake.close();
  }

  @Test
  void keysAreRecordedWithPressTimeAndPause() throws Exception {
    int status = RawHttp.status(fake, "/command.htm?key=OFFHOOK;1,200,100;%23;*,50");

    assertThat(status).isEqualTo(200);
    assertThat(fake.pressedKeys())
        .containsExactly(
            PressedKey.of("OFFHOOK"),
            PressedKey.of("1")
                .withPressTime(Duration.ofMillis(200))
                .withPause(Duration.ofMillis(100)),
            PressedKey.of("#"),
            PressedKey.of("*").withPressTime(Duration.ofMillis(50)));
    assertThat(fake.rejected()).isEmpty();
  }

  @Test
  void hookFollowsOffhookSpeakerHeadsetAndCancel() throws Exception {
    assertThat(fake.state().hook()).isEqualTo(HookState.ONHOOK);
    RawHttp.get(fake, "/command.htm?key=OFFHOOK");
    assertThat(fake.state().hook()).isEqualTo(HookState.OFFHOOK);
    RawHttp.get(fake, "/command.htm?key=SPEAKER");
    assertThat(fake.state().hook()).isEqualTo(HookState.SPEAKER);
    RawHttp.get(fake, "/command.htm?key=SPEAKER");
    assertThat(fake.state().hook()).isEqualTo(HookState.ONHOOK);
    RawHttp.get(fake, "/command.htm?key=HEADSET");
    assertThat(fake.state().hook()).isEqualTo(HookState.HEADSET);
    RawHttp.get(fake, "/command.htm?key=CANCEL");
    assertThat(fake.state().hook()).isEqualTo(HookState.ONHOOK);
    RawHttp.get(fake, "/command.htm?key=OFFHOOK;ONHOOK");
    assertThat(fake.state().hook()).isEqualTo(HookState.ONHOOK);
  }

  @Test
  void dialWithEncodedPlusAndOutgoingUriGoesOffHookAndJoinsTheDialedList() throws Exception {
    int status =
        RawHttp.status(
            fake, "/command.htm?number=%2B4930123456&outgoing_uri=sip%3A100%40pbx.example");

    assertThat(status).isEqualTo(200);
    assertThat(fake.dialed()).containsExactly(Dialed.of("+4930123456", "sip:100@pbx.example"));
    assertThat(fake.state().hook()).isEqualTo(HookState.OFFHOOK);
    assertThat(fake.state().callList(CallList.DIALED)).containsExactly("+4930123456");
  }

  @Test
  void dialWithoutOutgoingUriHasNone() throws Exception {
    RawHttp.get(fake, "/command.htm?number=1234");

    assertThat(fake.dialed()).containsExactly(new Dialed("1234", Optional.empty()));
  }

  @Test
  void unencodedPlusInANumberIsASpaceAndTheDialIsIgnored() throws Exception {
    int status = RawHttp.status(fake, "/command.htm?number=+4930123456");

    assertThat(status).isEqualTo(200);
    assertThat(fake.dialed()).isEmpty();
    assertThat(fake.rejected())
        .singleElement()
        .satisfies(r -> assertThat(r.reason()).contains("number"));
  }

  @Test
  void dtmfDigitsAreRecordedPerRequest() throws Exception {
    RawHttp.get(fake, "/command.htm?key_dtmf=12%23");
    RawHttp.get(fake, "/command.htm?key_dtmf=*0");

    assertThat(fake.dtmf()).containsExactly("12#", "*0");
  }

  @Test
  void releaseAllCallsCountsAndGoesOnHook() throws Exception {
    RawHttp.get(fake, "/command.htm?number=1");
    RawHttp.get(fake, "/command.htm?RELEASE_ALL_CALLS");

    assertThat(fake.state().releasedCalls()).isEqualTo(1);
    assertThat(fake.state().hook()).isEqualTo(HookState.ONHOOK);
  }

  @Test
  void logoffAndReregisterTrackEachIdentity() throws Exception {
    RawHttp.get(fake, "/command.htm?LOGOFFLINE=2");
    RawHttp.get(fake, "/command.htm?LOGOFFLINE=12");
    RawHttp.get(fake, "/command.htm?REREGISTER=2");

    SnomPhoneState state = fake.state();
    assertThat(state.loggedOffLines()).containsExactly(12);
    assertThat(state.reregistrations(2)).isEqualTo(1);
    assertThat(state.reregistrations(1)).isZero();
  }

  @Test
  void logoffAllLogsOffTwelveIdentities() throws Exception {
    RawHttp.get(fake, "/command.htm?LOGOFFALL");

    assertThat(fake.state().logoffAlls()).isEqualTo(1);
    assertThat(fake.state().loggedOffLines()).hasSize(12).contains(1, 12);
  }

  @Test
  void identityOutsideOneToTwelveIsIgnored() throws Exception {
    RawHttp.get(fake, "/command.htm?LOGOFFLINE=13");
    RawHttp.get(fake, "/command.htm?REREGISTER=0");

    assertThat(fake.state().loggedOffLines()).isEmpty();
    assertThat(fake.state().reregistrations()).isEmpty();
    assertThat(fake.rejected()).hasSize(2);
  }

  @Test
  void ringerIsPlayedFromLineLoginWithTheLiteralPlusRinger() throws Exception {
    int status = RawHttp.status(fake, "/line_login.htm?PLAY_RINGER:3=+Ringer");

    assertThat(status).isEqualTo(200);
    assertThat(fake.state().lastRinger()).hasValue(3);
  }

  @Test
  void ringerWithAnEncodedPlusIsNotTheDocumentedValue() throws Exception {
    RawHttp.get(fake, "/line_login.htm?PLAY_RINGER:3=%2BRinger");
    RawHttp.get(fake, "/line_login.htm?PLAY_RINGER:10=+Ringer");

    assertThat(fake.state().lastRinger()).isEmpty();
    assertThat(fake.rejected()).hasSize(2);
  }

  @Test
  void touchesAreChainedWithTheirActions() throws Exception {
    int status =
        RawHttp.status(fake, "/command.htm?touch=100%20120%20pr%205+5+p%20479%20271%20r%200%200");

    assertThat(status).isEqualTo(200);
    assertThat(fake.touches())
        .containsExactly(
            new Touch(100, 120, Touch.Action.PRESS_RELEASE),
            new Touch(5, 5, Touch.Action.PRESS),
            new Touch(479, 271, Touch.Action.RELEASE),
            new Touch(0, 0, Touch.Action.PRESS_RELEASE));
  }

  @Test
  void callListsAreSeededAndClearedOneByOne() throws Exception {
    fake.seedCallList(CallList.MISSED, List.of("100", "200"));
    fake.seedCallList(CallList.RECEIVED, List.of("300"));
    fake.seedCallList(CallList.DIALED, List.of("400"));

    RawHttp.get(fake, "/index.htm?misseddel=clear");
    assertThat(fake.state().callList(CallList.MISSED)).isEmpty();
    assertThat(fake.state().callList(CallList.RECEIVED)).containsExactly("300");
    RawHttp.get(fake, "/index.htm?receiveddel=clear");
    RawHttp.get(fake, "/index.htm?dialeddel=clear");

    assertThat(fake.state().callLists().values()).allSatisfy(l -> assertThat(l).isEmpty());
  }

  @Test
  void builderSeedsCallLists() {
    try (FakeSnomPhone seeded =
        FakeSnomPhone.builder().callList(CallList.RECEIVED, List.of("123")).start()) {
      assertThat(seeded.state().callList(CallList.RECEIVED)).containsExactly("123");
    }
  }

  @Test
  void firmwareUrlIsRecorded() throws Exception {
    RawHttp.get(fake, "/dummy.htm?swload=load&firmware=http%3A%2F%2Ffw.example%2Fsnom870.bin");

    assertThat(fake.state().firmwareUrl()).hasValue("http://fw.example/snom870.bin");
  }

  @Test
  void firmwareUrlOtherThanHttpIsIgnored() throws Exception {
    RawHttp.get(fake, "/dummy.htm?swload=load&firmware=ftp%3A%2F%2Ffw.example%2Fx.bin");

    assertThat(fake.state().firmwareUrl()).isEmpty();
    assertThat(fake.rejected())
        .singleElement()
        .satisfies(r -> assertThat(r.reason()).contains("ftp"));
  }

  @Test
  void indexPageAnswersWithoutChangingAnything() throws Exception {
    assertThat(RawHttp.status(fake, "/index.htm")).isEqualTo(200);
    assertThat(RawHttp.status(fake, "/")).isEqualTo(200);
    assertThat(fake.rejected()).isEmpty();
  }

  @Test
  void unknownPageIsNotFound() throws Exception {
    assertThat(RawHttp.status(fake, "/phonebook.htm")).isEqualTo(404);
    assertThat(fake.rejected()).singleElement().extracting(RejectedRequest::status).isEqualTo(404);
  }
}
