package dev.deskphone.snom;

import static dev.deskphone.snom.SnomCallState.CONNECTED;
import static dev.deskphone.snom.SnomCallState.IDLE;
import static dev.deskphone.snom.SnomCallState.OFF_HOOK;
import static dev.deskphone.snom.SnomCallState.ON_HOLD;
import static dev.deskphone.snom.SnomCallState.RINGING;
import static dev.deskphone.snom.TestEvents.PHONE;
import static dev.deskphone.snom.TestEvents.event;
import static dev.deskphone.snom.TestEvents.on;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Lost, late, out-of-order and duplicated events, and the CANCEL quirk, do not leave a phone stuck.
 */
class SnomCallTrackerRecoveryTest {
  private static final String CALLER = "10.0.0.6";

  private final StepClock clock = new StepClock();
  private final Recorder recorder = new Recorder();
  private final SnomCallTracker tracker =
      SnomCallTracker.builder().clock(clock).listener(recorder).build();

  private void send(String name, String callId) {
    tracker.accept(event(name, callId));
  }

  // Lost events: a call with no event for its timeout is dropped, by the clock.

  @Test
  void aRingingCallWithNoEventIsDroppedAfterTheRingingTimeout() {
    send("incoming", "a");

    clock.advance(Duration.ofMinutes(2).minusMillis(1));
    assertThat(tracker.state(PHONE)).isEqualTo(RINGING);

    clock.advance(Duration.ofMillis(1));
    assertThat(tracker.state(PHONE)).isEqualTo(IDLE);
    assertThat(tracker.calls(PHONE)).isEmpty();
    SnomCallChange dropped = recorder.changes().get(2);
    assertThat(Recorder.brief(dropped)).isEqualTo("a: RINGING->IDLE");
    assertThat(dropped.event()).as("no event: a timeout").isEmpty();
    assertThat(dropped.at()).isEqualTo(clock.instant());
  }

  @Test
  void aDialingCallAndOffHookEndAfterTheRingingTimeout() {
    send("outgoing", "a");
    tracker.accept(on("10.0.0.8", "offhook", null).build());

    clock.advance(Duration.ofMinutes(2));

    assertThat(tracker.state(PHONE)).isEqualTo(IDLE);
    assertThat(tracker.state("10.0.0.8")).isEqualTo(IDLE);
  }

  @Test
  void aConnectedOrHeldCallLastsUntilTheConnectedTimeout() {
    send("connected", "a");
    send("hold", "b");

    clock.advance(Duration.ofHours(4).minusMillis(1));
    assertThat(tracker.calls(PHONE))
        .extracting(SnomCall::state)
        .containsExactly(CONNECTED, ON_HOLD);

    clock.advance(Duration.ofMillis(1));
    assertThat(tracker.state(PHONE)).isEqualTo(IDLE);
  }

  @Test
  void theTimeoutsAreSetOnTheBuilder() {
    SnomCallTracker quick =
        SnomCallTracker.builder()
            .clock(clock)
            .ringingTimeout(Duration.ofSeconds(30))
            .connectedTimeout(Duration.ofMinutes(10))
            .build();
    quick.accept(event("incoming", "a"));
    quick.accept(on(CALLER, "connected", "b").build());

    clock.advance(Duration.ofSeconds(30));
    assertThat(quick.state(PHONE)).isEqualTo(IDLE);
    assertThat(quick.state(CALLER)).isEqualTo(CONNECTED);

    clock.advance(Duration.ofMinutes(10));
    assertThat(quick.state(CALLER)).isEqualTo(IDLE);
  }

  @Test
  void eachEventForACallStartsItsTimeoutAgain() {
    send("incoming", "a");
    clock.advance(Duration.ofMinutes(1));
    send("incoming", "a"); // a duplicate still shows the call alive

    clock.advance(Duration.ofMinutes(1).plusSeconds(30));

    assertThat(tracker.state(PHONE)).isEqualTo(RINGING);
    assertThat(tracker.calls(PHONE).get(0).lastEventAt())
        .isEqualTo(clock.instant().minusSeconds(90));
  }

  @Test
  void timeoutsReachTheListenersOnExpireOrOnAnyEventASecondLater() {
    send("incoming", "a");
    tracker.accept(on(CALLER, "incoming", "b").build());
    clock.advance(Duration.ofMinutes(2));
    assertThat(recorder.brief()).as("nothing read, nothing sent yet").hasSize(4);

    tracker.expire();
    assertThat(recorder.brief()).hasSize(8).contains("a: RINGING->IDLE", "b: RINGING->IDLE");

    send("incoming", "c");
    clock.advance(Duration.ofMinutes(2));
    tracker.accept(on(CALLER, "dnd-on", null).build());
    assertThat(recorder.brief()).endsWith("c: RINGING->IDLE", "phone: RINGING->IDLE");
  }

  @Test
  void aCallDroppedByItsTimeoutComesBackWithItsNextEvent() {
    send("connected", "a");
    clock.advance(Duration.ofHours(4));
    assertThat(tracker.state(PHONE)).isEqualTo(IDLE);

    send("hold", "a");

    assertThat(tracker.state(PHONE)).isEqualTo(ON_HOLD);
  }

  // The CANCEL quirk: the rejecting phone fires no event.

  @Test
  void aCallRejectedWithCancelEndsOnTheCalleeByTheRingingTimeout() {
    tracker.accept(on(CALLER, "outgoing", "x").build());
    send("incoming", "x");
    // the callee presses CANCEL: nothing from it; the caller sees the call end
    tracker.accept(on(CALLER, "disconnected", "x").build());

    assertThat(tracker.state(CALLER)).isEqualTo(IDLE);
    assertThat(tracker.state(PHONE)).isEqualTo(RINGING);

    clock.advance(Duration.ofMinutes(2));

    assertThat(tracker.state(PHONE)).isEqualTo(IDLE);
  }

  @Test
  void aCallRejectedWithCancelEndsWithTheNextEventThatCountsNoCalls() {
    send("incoming", "x");

    tracker.accept(on(PHONE, "offhook", null).ongoing(0).build());

    assertThat(tracker.calls(PHONE)).isEmpty();
    assertThat(tracker.state(PHONE)).isEqualTo(OFF_HOOK);
    assertThat(recorder.brief())
        .containsExactly(
            "x: IDLE->RINGING",
            "phone: IDLE->RINGING",
            "x: RINGING->IDLE",
            "phone: RINGING->OFF_HOOK");
  }

  @Test
  void aCallRejectedWithCancelEndsWhenTheSamePartyCallsAgain() {
    tracker.accept(on(PHONE, "incoming", "x").remote("102@pbx").build());
    tracker.accept(on(PHONE, "incoming", "y").remote("103@pbx").build());

    tracker.accept(on(PHONE, "incoming", "z").remote("102@pbx").build());

    assertThat(tracker.calls(PHONE))
        .extracting(c -> c.callId().orElseThrow())
        .containsExactly("y", "z");
  }

  // $nr_ongoing_calls = 0: the phone has no call.

  @Test
  void noOngoingCallsDropsEveryCallLeft() {
    send("connected", "a");
    send("incoming", "b");

    tracker.accept(on(PHONE, "dnd-on", null).ongoing(0).build());

    assertThat(tracker.state(PHONE)).isEqualTo(IDLE);
    assertThat(recorder.changes()).hasSize(6);
    assertThat(recorder.changes().subList(3, 6))
        .allSatisfy(
            c -> assertThat(c.event()).get().extracting(SnomEvent::eventName).isEqualTo("dnd-on"));
  }

  @Test
  void noOngoingCallsKeepsTheCallTheEventIsAbout() {
    send("connected", "stale");

    tracker.accept(on(PHONE, "incoming", "new").ongoing(0).build());

    assertThat(tracker.calls(PHONE))
        .extracting(c -> c.callId().orElseThrow() + " " + c.state())
        .containsExactly("new RINGING");
  }

  @Test
  void theEndOfTheLastCallDropsAnyOtherLeft() {
    send("connected", "stale");
    send("incoming", "b");
    send("connected", "b");

    tracker.accept(on(PHONE, "disconnected", "b").ongoing(0).build());

    assertThat(tracker.state(PHONE)).isEqualTo(IDLE);
    assertThat(recorder.brief())
        .endsWith("b: CONNECTED->IDLE", "stale: CONNECTED->IDLE", "phone: CONNECTED->IDLE");
  }

  @Test
  void aCountAboveZeroDropsNothing() {
    send("connected", "a");
    send("incoming", "b");

    tracker.accept(on(PHONE, "hold", "a").ongoing(1).build());

    assertThat(tracker.calls(PHONE)).hasSize(2);
  }

  @Test
  void anUnknownEventCountingNoCallsStillDropsThem() {
    send("connected", "a");

    tracker.accept(on(PHONE, "call-forwarded", "a").ongoing(0).build());

    assertThat(tracker.state(PHONE)).isEqualTo(IDLE);
  }

  @Test
  void aCallDroppedByTheCountComesBackWithItsNextEvent() {
    send("incoming", "a");
    tracker.accept(on(PHONE, "offhook", null).ongoing(0).build());

    send("connected", "a");

    assertThat(tracker.state(PHONE)).isEqualTo(CONNECTED);
  }

  @Test
  void aPhoneKeepsAtMost32CallsAndTheStalestGoesFirst() {
    send("connected", "oldest");
    for (int i = 0; i < 40; i++) {
      clock.advance(Duration.ofSeconds(1));
      send("incoming", "c" + i);
      if (i == 20) {
        send("hold", "oldest"); // the first to start, but not the stalest
      }
    }

    assertThat(tracker.calls(PHONE)).hasSize(32);
    assertThat(tracker.calls(PHONE))
        .extracting(c -> c.callId().orElseThrow())
        .contains("oldest", "c9", "c39")
        .doesNotContain("c0", "c8");
  }

  // Late and out-of-order events.

  @Test
  void eventsAfterTheEndDoNotReviveTheCall() {
    send("incoming", "a");
    send("connected", "a");
    send("disconnected", "a");
    recorder.clear();

    for (String late : List.of("incoming", "outgoing", "connected", "hold", "unhold")) {
      send(late, "a");
    }

    assertThat(tracker.state(PHONE)).isEqualTo(IDLE);
    assertThat(recorder.changes()).isEmpty();
  }

  @Test
  void anEndBeforeTheCallWasSeenKeepsItFromStarting() {
    send("missed", "a");
    send("incoming", "a");

    assertThat(tracker.state(PHONE)).isEqualTo(IDLE);
    assertThat(tracker.trackedPhones()).as("kept for its ended id").isEqualTo(1);
  }

  @Test
  void endedIdsAreForgottenAfterFiveMinutes() {
    send("disconnected", "a");
    clock.advance(Duration.ofMinutes(5).minusMillis(1));
    send("connected", "a");
    assertThat(tracker.state(PHONE)).isEqualTo(IDLE);

    clock.advance(Duration.ofMillis(1));
    tracker.expire();
    assertThat(tracker.trackedPhones()).isZero();
    send("connected", "a");
    assertThat(tracker.state(PHONE)).as("a new call with a reused id").isEqualTo(CONNECTED);
  }

  @Test
  void atMostEightEndedIdsAreKeptPerPhone() {
    for (int i = 0; i < 20; i++) {
      send("incoming", "c" + i);
      send("disconnected", "c" + i);
    }

    assertThat(tracker.endedCallsKept()).isEqualTo(8);
    send("connected", "c19");
    assertThat(tracker.state(PHONE)).as("the newest are kept").isEqualTo(IDLE);
    send("connected", "c0");
    assertThat(tracker.state(PHONE)).as("the oldest are forgotten").isEqualTo(CONNECTED);
  }

  @Test
  void connectedBeforeIncomingStillEndsConnected() {
    send("connected", "a");
    send("incoming", "a");

    assertThat(tracker.calls(PHONE)).extracting(SnomCall::state).containsExactly(CONNECTED);
    assertThat(recorder.brief()).containsExactly("a: IDLE->CONNECTED", "phone: IDLE->CONNECTED");
  }

  @Test
  void holdBeforeConnectedStaysOnHold() {
    send("incoming", "a");
    send("hold", "a");
    send("connected", "a");

    assertThat(tracker.state(PHONE)).isEqualTo(ON_HOLD);
  }

  @Test
  void holdAndUnholdTheLastToArriveWins() {
    send("connected", "a");
    send("unhold", "a");
    send("hold", "a");

    assertThat(tracker.state(PHONE)).isEqualTo(ON_HOLD);
  }

  // Duplicates.

  @Test
  void everyEventTwiceGivesTheSameChangesAsOnce() {
    List<String> script =
        List.of("incoming", "connected", "hold", "unhold", "hold", "unhold", "disconnected");
    for (String name : script) {
      send(name, "a");
    }
    List<String> once = recorder.brief();
    recorder.clear();

    for (String name : script) {
      tracker.accept(on(PHONE, name, "b").build());
      tracker.accept(on(PHONE, name, "b").build());
    }

    assertThat(recorder.brief())
        .isEqualTo(once.stream().map(c -> c.replace("a:", "b:")).toList())
        .hasSize(14);
    assertThat(tracker.state(PHONE)).isEqualTo(IDLE);
  }

  // Events without a call id.

  @Test
  void eventsWithoutACallIdShareOneCallPerPhone() {
    send("incoming", null);
    send("connected", null);
    assertThat(tracker.calls(PHONE))
        .singleElement()
        .satisfies(c -> assertThat(c.callId()).isEmpty())
        .extracting(SnomCall::state)
        .isEqualTo(CONNECTED);

    send("disconnected", null);
    send("connected", null); // late
    assertThat(tracker.state(PHONE)).isEqualTo(IDLE);

    send("incoming", null); // the next call
    assertThat(tracker.state(PHONE)).isEqualTo(RINGING);
    assertThat(recorder.brief()).endsWith("-: IDLE->RINGING", "phone: IDLE->RINGING");
  }

  @Test
  void aCallWithoutIdAndOneWithAnIdAreTwoCalls() {
    send("connected", "a");
    send("incoming", null);

    assertThat(tracker.calls(PHONE)).hasSize(2);
    send("disconnected", null);
    assertThat(tracker.calls(PHONE)).extracting(c -> c.callId().orElseThrow()).containsExactly("a");
  }
}
