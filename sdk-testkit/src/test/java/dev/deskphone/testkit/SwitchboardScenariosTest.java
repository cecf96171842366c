package dev.deskphone.testkit;

import static dev.deskphone.testkit.assertj.DeskphoneAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deskphone.core.server.EndpointResponse;
import dev.deskphone.core.server.EndpointServer;
import dev.deskphone.snom.SnomEventType;
import dev.deskphone.snom.SnomPhone;
import dev.deskphone.snom.SnomSettings;
import dev.deskphone.testkit.FakeCall.Direction;
import dev.deskphone.testkit.FakeCall.State;
import dev.deskphone.unify.SendUrlKey;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The switchboard's call scenarios, driven through the SDK: three fakes (101, 102, 103) whose
 * action URLs for every event reach a recording endpoint on loopback.
 */
class SwitchboardScenariosTest {
  private static final Duration WAIT = Duration.ofSeconds(5);

  private final List<String> received = new CopyOnWriteArrayList<>();
  private EndpointServer server;
  private FakeLab lab;
  private FakeSnomPhone fakeA;
  private FakeSnomPhone fakeB;
  private FakeSnomPhone fakeC;
  private SnomPhone a;
  private SnomPhone b;
  private SnomPhone c;

  @BeforeEach
  void start() {
    server =
        EndpointServer.builder()
            .bind(new InetSocketAddress("127.0.0.1", 0))
            .endpoint(
                "/ev",
                request -> {
                  received.add(request.rawQuery().orElse(""));
                  return EndpointResponse.text(200, "ok");
                })
            .start();
    lab =
        FakeLab.builder()
            .snom(1, f -> f.displayName("Anna Müller"))
            .snom(1, f -> f.displayName("Bob"))
            .snom(1)
            .start();
    fakeA = lab.snomPhone("101");
    fakeB = lab.snomPhone("102");
    fakeC = lab.snomPhone("103");
    a = configured(fakeA);
    b = configured(fakeB);
    c = configured(fakeC);
  }

  private SnomPhone configured(FakeSnomPhone fake) {
    SnomPhone phone = SnomPhone.builder().uri(fake.uri()).build();
    SnomSettings.Builder settings = SnomSettings.builder();
    for (SnomEventType t : SnomEventType.values()) {
      settings.set(
          t.setting(),
          server.uri("/ev")
              + "?e="
              + t.wireName()
              + "&l=$local&r=$remote&d=$display_remote&c=$call-id&n=$nr_ongoing_calls");
    }
    phone.writeSettings(settings.build());
    return phone;
  }

  @AfterEach
  void stop() {
    lab.close();
    server.close();
  }

  @Test
  void aRejectedCallEndsOnTheCallersSideAndTheRejectingPhoneFiresNothing() throws Exception {
    a.dial("102");
    assertThat(fakeB).within(WAIT).isRinging().firedEvent(SnomEventType.INCOMING);

    b.press("CANCEL");

    assertThat(fakeA).within(WAIT).hasNoCall().firedEvent(SnomEventType.DISCONNECTED);
    assertThat(fakeB).hasNoCall();
    assertThat(fakeA.awaitFired(SnomEventType.DISCONNECTED, WAIT)).isPresent();
    assertThat(fakeB.firedEvents())
        .extracting(FiredEvent::event)
        .containsExactly(SnomEventType.INCOMING);
  }

  @Test
  void aCallerHangingUpBeforeTheAnswerLeavesAMissedCall() throws Exception {
    a.dial("102");
    assertThat(fakeB).within(WAIT).isRinging();

    a.press("ONHOOK");

    assertThat(fakeB).within(WAIT).hasNoCall().firedEvent(SnomEventType.MISSED);
    assertThat(fakeA).within(WAIT).hasNoCall().firedEvent(SnomEventType.DISCONNECTED);
    assertThat(fakeA).hasNotFired(SnomEventType.CONNECTED);
  }

  @Test
  void aBusyFarEndEndsTheCallAtOnce() throws Exception {
    lab.switchboard().farEnd("0301234567", FarEnd.busy());

    a.dial("0301234567");

    assertThat(fakeA).within(WAIT).firedEvent(SnomEventType.DISCONNECTED).hasNoCall();
    assertThat(fakeA.firedEvents())
        .extracting(FiredEvent::event)
        .containsExactly(SnomEventType.OUTGOING, SnomEventType.DISCONNECTED);
    assertThat(fakeA.firedEvents().get(1).url().getRawQuery()).contains("r=0301234567");
  }

  @Test
  void aFarEndThatDoesNotAnswerRingsUntilTheCallerGivesUp() throws Exception {
    lab.switchboard().defaultFarEnd(FarEnd.noAnswer());

    a.dial("+4930999");

    assertThat(fakeA).within(WAIT).isDialing().firedEvent(SnomEventType.OUTGOING);
    assertThat(fakeA.calls())
        .singleElement()
        .satisfies(
            call -> {
              assertThat(call.direction()).isEqualTo(Direction.OUTGOING);
              assertThat(call.remote()).isEqualTo("+4930999");
            });
    a.press("CANCEL");
    assertThat(fakeA).within(WAIT).hasNoCall().firedEvent(SnomEventType.DISCONNECTED);
    assertThat(fakeA).hasNotFired(SnomEventType.CONNECTED);
  }

  @Test
  void aFarEndAnswersAfterItsDelayAndByDefaultAtOnce() throws Exception {
    lab.switchboard().farEnd("555", FarEnd.answersAfter(Duration.ofMillis(300)));

    a.dial("555");
    assertThat(fakeA).isDialing();
    assertThat(fakeA).within(WAIT).isConnected();

    b.dial("0800");
    assertThat(fakeB).within(WAIT).isConnected();
    assertThat(fakeB.calls().get(0).remoteDisplay()).isEqualTo("0800");
  }

  @Test
  void holdTogglesOnTheHoldingPhoneOnly() throws Exception {
    connect(a, fakeA, "102", b, fakeB);

    a.press("F_HOLD");
    assertThat(fakeA).within(WAIT).hasCallOnHold().firedEvent(SnomEventType.HOLD);
    assertThat(fakeB).isConnected();

    a.press("F_HOLD");
    assertThat(fakeA).within(WAIT).isConnected().firedEvent(SnomEventType.UNHOLD);
  }

  @Test
  void dtmfSentInACallIsRecordedOnTheOtherSide() throws Exception {
    connect(a, fakeA, "102", b, fakeB);

    a.sendDtmf("12#");
    a.press("4");

    assertThat(fakeA.calls().get(0).dtmfSent()).containsExactly("12#", "4");
    assertThat(fakeB.calls().get(0).dtmfReceived()).containsExactly("12#", "4");
    assertThat(fakeB.calls().get(0).dtmfSent()).isEmpty();
  }

  @Test
  void aSecondCallWhileOneIsUpRingsAndAnsweringItHoldsTheFirst() throws Exception {
    connect(a, fakeA, "102", b, fakeB);

    c.dial("101");
    assertThat(fakeA).within(WAIT).isRinging().isConnected();
    a.press("ENTER");

    assertThat(fakeC).within(WAIT).isConnected();
    assertThat(fakeA.calls())
        .extracting(FakeCall::remote, FakeCall::state)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("102", State.ON_HOLD),
            org.assertj.core.groups.Tuple.tuple("103", State.CONNECTED));
    assertThat(fakeB).isConnected(); // held by the other side, still up here

    a.press("ONHOOK"); // ends the call with 103
    assertThat(fakeC).within(WAIT).hasNoCall();
    assertThat(fakeA.calls()).extracting(FakeCall::state).containsExactly(State.ON_HOLD);
    a.press("F_HOLD");
    assertThat(fakeA).within(WAIT).isConnected();
  }

  @Test
  void offhookAnswersARingingCallAndFiresOffhookFirst() throws Exception {
    a.dial("102");
    assertThat(fakeB).within(WAIT).isRinging();

    b.press("OFFHOOK");

    assertThat(fakeA).within(WAIT).isConnected();
    assertThat(fakeB.awaitFired(SnomEventType.CONNECTED, WAIT)).isPresent();
    assertThat(fakeB.firedEvents())
        .extracting(FiredEvent::event)
        .containsExactly(SnomEventType.INCOMING, SnomEventType.OFFHOOK, SnomEventType.CONNECTED);
  }

  @Test
  void digitsTypedThenEnterDialThem() throws Exception {
    a.press("1;0;2;ENTER");

    assertThat(fakeB).within(WAIT).isRinging();
    assertThat(fakeB.calls().get(0).remote()).isEqualTo("101");
  }

  @Test
  void releaseAllCallsEndsEveryCall() throws Exception {
    connect(a, fakeA, "102", b, fakeB);
    c.dial("101");
    assertThat(fakeA).within(WAIT).isRinging();

    a.releaseAllCalls();

    assertThat(fakeA).within(WAIT).hasNoCall();
    assertThat(fakeB).within(WAIT).hasNoCall();
    assertThat(fakeC).within(WAIT).hasNoCall().firedEvent(SnomEventType.DISCONNECTED);
  }

  @Test
  void doNotDisturbAnOwnExtensionAndFourCallsAreBusy() throws Exception {
    b.press("DND");
    assertThat(fakeB).within(WAIT).firedEvent(SnomEventType.DND_ON);
    a.dial("102");
    assertThat(fakeA).within(WAIT).firedEvent(SnomEventType.DISCONNECTED).hasNoCall();
    assertThat(fakeB).hasNoCall();

    b.press("DND");
    assertThat(fakeB).within(WAIT).firedEvent(SnomEventType.DND_OFF);
    c.dial("103");
    assertThat(fakeC).within(WAIT).firedEvent(SnomEventType.DISCONNECTED).hasNoCall();

    lab.switchboard().defaultFarEnd(FarEnd.noAnswer());
    for (int i = 0; i < 4; i++) {
      b.dial("900" + i);
    }
    a.dial("102");
    assertThat(fakeA.awaitFired(SnomEventType.DISCONNECTED, 2, WAIT)).isPresent();
    assertThat(fakeB.calls()).hasSize(4);
  }

  @Test
  void theVariablesArriveAsAPhoneFillsThem() throws Exception {
    connect(a, fakeA, "102", b, fakeB);

    String incoming = query(fakeB, SnomEventType.INCOMING);
    String outgoing = query(fakeA, SnomEventType.OUTGOING);
    assertThat(incoming).contains("l=102", "r=101", "d=Anna%20M%C3%BCller", "n=1");
    assertThat(outgoing).contains("l=101", "r=102", "d=Bob");
    String callId = fakeA.calls().get(0).callId();
    assertThat(callId).isEqualTo(fakeB.calls().get(0).callId());
    assertThat(incoming).contains("c=" + callId.replace("@", "%40"));
    assertThat(received).anyMatch(q -> q.startsWith("e=incoming&l=102"));
  }

  @Test
  void aRebootEndsTheCallsAndTheStoredSetupUrlFiresWhenTheFakeIsBack() throws Exception {
    b.writeSettings(
        SnomSettings.builder()
            .set("action_setup_url", server.uri("/ev") + "?e=setup&mac=$mac")
            .persistent(true)
            .build());
    connect(a, fakeA, "102", b, fakeB);

    b.reboot();

    assertThat(fakeA).within(WAIT).hasNoCall().firedEvent(SnomEventType.DISCONNECTED);
    assertThat(fakeB.awaitOnline(WAIT)).isTrue();
    assertThat(fakeB.awaitFired(SnomEventType.SETUP, WAIT))
        .hasValueSatisfying(
            e -> assertThat(e.url().getRawQuery()).isEqualTo("e=setup&mac=" + fakeB.mac()));
  }

  @Test
  void aSnomFakeCallingAUnifyFakeOnTheBoardIsAnswered() throws Exception {
    try (Switchboard board = Switchboard.create();
        FakeSnomPhone snom = FakeSnomPhone.builder().switchboard(board, "20").start();
        FakeUnifyPhone unify =
            FakeUnifyPhone.builder()
                .key(
                    SendUrlKey.builder()
                        .symbolicName("Door")
                        .server(URI.create("http://127.0.0.1:9/"))
                        .build())
                .switchboard(board, "21")
                .start()) {
      SnomPhone.builder().uri(snom.uri()).build().dial("21");

      assertThat(snom).within(WAIT).isConnected();
      assertThat(unify.extension()).hasValue("21");
      assertThat(board.extensions()).containsExactly("20", "21");
    }
  }

  @Test
  void badExtensionsAndNumbersAreRefusedNamingThem() {
    try (Switchboard board = Switchboard.create();
        FakeSnomPhone first = FakeSnomPhone.builder().switchboard(board, "7").start()) {
      assertThatThrownBy(() -> FakeSnomPhone.builder().switchboard(board, "7").start())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("extension 7 is taken");
      assertThatThrownBy(() -> FakeSnomPhone.builder().switchboard(board, "10a"))
          .hasMessageContaining("'10a'");
      assertThatThrownBy(() -> board.farEnd("12 34", FarEnd.busy()))
          .hasMessageContaining("'12 34'");
      assertThatThrownBy(() -> FarEnd.answersAfter(Duration.ofSeconds(-1)))
          .hasMessageContaining("PT-1S");
      assertThat(board.extensions()).containsExactly("7");
      assertThat(first.extension()).isEqualTo("7");
    }
  }

  private static void connect(
      SnomPhone caller,
      FakeSnomPhone callerFake,
      String to,
      SnomPhone callee,
      FakeSnomPhone calleeFake)
      throws InterruptedException {
    caller.dial(to);
    assertThat(calleeFake).within(WAIT).isRinging();
    callee.press("ENTER");
    assertThat(callerFake).within(WAIT).isConnected();
    assertThat(calleeFake).within(WAIT).isConnected();
  }

  private static String query(FakeSnomPhone fake, SnomEventType event) throws InterruptedException {
    return fake.awaitFired(event, WAIT).orElseThrow().url().getRawQuery();
  }
}
