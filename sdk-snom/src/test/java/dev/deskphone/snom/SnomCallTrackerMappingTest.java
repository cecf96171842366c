package dev.deskphone.snom;

import static dev.deskphone.snom.SnomCallState.CONNECTED;
import static dev.deskphone.snom.SnomCallState.DIALING;
import static dev.deskphone.snom.SnomCallState.IDLE;
import static dev.deskphone.snom.SnomCallState.OFF_HOOK;
import static dev.deskphone.snom.SnomCallState.ON_HOLD;
import static dev.deskphone.snom.SnomCallState.RINGING;
import static dev.deskphone.snom.TestEvents.PHONE;
import static dev.deskphone.snom.TestEvents.event;
import static dev.deskphone.snom.TestEvents.on;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each row of the event-to-state table in {@link SnomCallTracker}'s Javadoc and docs/events.md. */
class SnomCallTrackerMappingTest {
  private final StepClock clock = new StepClock();
  private final Recorder recorder = new Recorder();
  private final SnomCallTracker tracker =
      SnomCallTracker.builder().clock(clock).listener(recorder).build();

  private void send(String name, String callId) {
    tracker.accept(event(name, callId));
  }

  private SnomCall onlyCall() {
    assertThat(tracker.calls(PHONE)).hasSize(1);
    return tracker.calls(PHONE).get(0);
  }

  @Test
  void incomingMakesANewCallRingingWithItsParties() {
    tracker.accept(on(PHONE, "incoming", "a").remote("102@pbx").display("Bob").build());

    assertThat(tracker.state(PHONE)).isEqualTo(RINGING);
    SnomCall call = onlyCall();
    assertThat(call.phone()).isEqualTo(PHONE);
    assertThat(call.callId()).hasValue("a");
    assertThat(call.state()).isEqualTo(RINGING);
    assertThat(call.remote()).hasValue("102@pbx");
    assertThat(call.displayRemote()).hasValue("Bob");
    assertThat(call.local()).hasValue("101@pbx");
    assertThat(call.startedAt()).isEqualTo(clock.instant());
    assertThat(call.since()).isEqualTo(clock.instant());
    assertThat(recorder.brief()).containsExactly("a: IDLE->RINGING", "phone: IDLE->RINGING");
  }

  @Test
  void outgoingMakesANewCallDialing() {
    send("outgoing", "a");

    assertThat(tracker.state(PHONE)).isEqualTo(DIALING);
    assertThat(onlyCall().state()).isEqualTo(DIALING);
  }

  @Test
  void setupFinishedAfterABootEndsEveryCallAndTheOffHook() {
    send("incoming", "a");
    send("connected", "a");
    send("incoming", "b");
    recorder.clear();

    send("setup", null);

    assertThat(tracker.state(PHONE)).isEqualTo(IDLE);
    assertThat(tracker.calls(PHONE)).isEmpty();
    assertThat(recorder.brief())
        .containsExactly("a: CONNECTED->IDLE", "b: RINGING->IDLE", "phone: CONNECTED->IDLE");

    send("offhook", null);
    send("setup", null);
    assertThat(tracker.state(PHONE)).isEqualTo(IDLE);
  }

  @Test
  void connectedAnswersARingingCallAndKeepsWhenItStarted() {
    send("incoming", "a");
    clock.advance(Duration.ofSeconds(5));
    tracker.accept(on(PHONE, "connected", "a").remote("102@pbx").build());

    SnomCall call = onlyCall();
    assertThat(call.state()).isEqualTo(CONNECTED);
    assertThat(call.since()).isEqualTo(clock.instant());
    assertThat(call.startedAt()).isEqualTo(clock.instant().minusSeconds(5));
    assertThat(call.remote()).hasValue("102@pbx");
    assertThat(tracker.state(PHONE)).isEqualTo(CONNECTED);
  }

  @Test
  void connectedAnswersADialingCall() {
    send("outgoing", "a");
    send("connected", "a");

    assertThat(onlyCall().state()).isEqualTo(CONNECTED);
    assertThat(recorder.brief())
        .containsExactly(
            "a: IDLE->DIALING",
            "phone: IDLE->DIALING",
            "a: DIALING->CONNECTED",
            "phone: DIALING->CONNECTED");
  }

  @Test
  void holdAndUnholdToggleBetweenOnHoldAndConnected() {
    send("incoming", "a");
    send("connected", "a");

    send("hold", "a");
    assertThat(onlyCall().state()).isEqualTo(ON_HOLD);
    assertThat(tracker.state(PHONE)).isEqualTo(ON_HOLD);

    send("unhold", "a");
    assertThat(onlyCall().state()).isEqualTo(CONNECTED);
    assertThat(tracker.state(PHONE)).isEqualTo(CONNECTED);
  }

  @Test
  void connectedLeavesAHeldCallOnHold() {
    send("connected", "a");
    send("hold", "a");
    send("connected", "a");

    assertThat(onlyCall().state()).isEqualTo(ON_HOLD);
  }

  @Test
  void holdAndUnholdStartACallNotSeenBefore() {
    send("hold", "a");
    send("unhold", "b");

    assertThat(tracker.calls(PHONE))
        .extracting(SnomCall::state)
        .containsExactly(ON_HOLD, CONNECTED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"disconnected", "missed"})
  void disconnectedAndMissedEndTheCall(String end) {
    send("incoming", "a");
    send(end, "a");

    assertThat(tracker.state(PHONE)).isEqualTo(IDLE);
    assertThat(tracker.calls(PHONE)).isEmpty();
    SnomCallChange ended = recorder.changes().get(2);
    assertThat(Recorder.brief(ended)).isEqualTo("a: RINGING->IDLE");
    assertThat(ended.call()).get().extracting(SnomCall::state).isEqualTo(IDLE);
    assertThat(ended.event()).get().extracting(SnomEvent::eventName).isEqualTo(end);
  }

  @Test
  void offhookWithoutACallIsOffHookAndOnhookEndsIt() {
    send("offhook", null);
    assertThat(tracker.state(PHONE)).isEqualTo(OFF_HOOK);
    assertThat(tracker.calls(PHONE)).isEmpty();

    send("onhook", null);
    assertThat(tracker.state(PHONE)).isEqualTo(IDLE);
    assertThat(recorder.brief()).containsExactly("phone: IDLE->OFF_HOOK", "phone: OFF_HOOK->IDLE");
  }

  @Test
  void aCallEndsOffHookAndThePhoneIsIdleWhenItEnds() {
    send("offhook", null);
    send("outgoing", "a");
    assertThat(tracker.state(PHONE)).isEqualTo(DIALING);

    send("connected", "a");
    send("disconnected", "a");

    assertThat(tracker.state(PHONE)).isEqualTo(IDLE);
  }

  @Test
  void offhookDuringARingingCallIsNoStateOfItsOwn() {
    send("incoming", "a");
    send("offhook", null);
    assertThat(tracker.state(PHONE)).isEqualTo(RINGING);

    send("connected", "a");
    send("disconnected", "a");

    assertThat(tracker.state(PHONE)).isEqualTo(IDLE);
  }

  @Test
  void onhookEndsDialingCallsAndLeavesRingingConnectedAndHeldOnes() {
    send("connected", "talk");
    send("hold", "talk");
    send("connected", "other");
    send("incoming", "ring");
    send("outgoing", "dial");

    send("onhook", null);

    assertThat(tracker.calls(PHONE))
        .extracting(c -> c.callId().orElseThrow() + " " + c.state())
        .containsExactly("talk ON_HOLD", "other CONNECTED", "ring RINGING");
  }

  @ParameterizedTest
  @EnumSource(
      value = SnomEventType.class,
      names = {
        "INCOMING",
        "OUTGOING",
        "SETUP",
        "CONNECTED",
        "HOLD",
        "UNHOLD",
        "DISCONNECTED",
        "MISSED",
        "OFFHOOK",
        "ONHOOK"
      },
      mode = EnumSource.Mode.EXCLUDE)
  void otherEventsChangeNothing(SnomEventType type) {
    send("incoming", "a");
    recorder.clear();

    send(type.wireName(), "a");
    send(type.wireName(), null);

    assertThat(onlyCall().state()).isEqualTo(RINGING);
    assertThat(recorder.changes()).isEmpty();
  }

  @Test
  void unknownEventNamesAreIgnoredWithoutError() {
    send("connected", "a");
    recorder.clear();

    send("call-forwarded", "a");
    send("$event", null);

    assertThat(onlyCall().state()).isEqualTo(CONNECTED);
    assertThat(recorder.changes()).isEmpty();
  }

  @Test
  void aPhoneWithSeveralCallsIsInItsMostActiveCallsState() {
    send("connected", "a");
    send("hold", "a");
    send("incoming", "b");
    assertThat(tracker.state(PHONE)).as("held and ringing").isEqualTo(RINGING);

    send("outgoing", "c");
    assertThat(tracker.state(PHONE)).as("held, ringing and dialing").isEqualTo(DIALING);

    send("connected", "b");
    assertThat(tracker.state(PHONE)).as("held, connected and dialing").isEqualTo(CONNECTED);
  }

  @Test
  void aSecondCallWhileOneIsUpOneOnHoldOneConnected() {
    send("incoming", "a");
    send("connected", "a");
    send("incoming", "b");
    assertThat(tracker.state(PHONE)).isEqualTo(CONNECTED);

    send("hold", "a");
    send("connected", "b");

    assertThat(tracker.calls(PHONE))
        .extracting(c -> c.callId().orElseThrow() + " " + c.state())
        .containsExactly("a ON_HOLD", "b CONNECTED");
    assertThat(tracker.state(PHONE)).isEqualTo(CONNECTED);

    send("disconnected", "b");
    assertThat(tracker.state(PHONE)).isEqualTo(ON_HOLD);

    send("unhold", "a");
    assertThat(tracker.state(PHONE)).isEqualTo(CONNECTED);
    assertThat(onlyCall().callId()).hasValue("a");
  }

  @Test
  void eachPhoneHasItsOwnCalls() {
    tracker.accept(on("10.0.0.6", "incoming", "x").build());
    tracker.accept(on("10.0.0.7", "outgoing", "x").build());

    assertThat(tracker.state("10.0.0.6")).isEqualTo(RINGING);
    assertThat(tracker.state("10.0.0.7")).isEqualTo(DIALING);
    assertThat(tracker.state(PHONE)).isEqualTo(IDLE);
    assertThat(tracker.trackedPhones()).isEqualTo(2);
  }
}
