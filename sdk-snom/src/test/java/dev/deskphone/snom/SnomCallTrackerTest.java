package dev.deskphone.snom;

import static dev.deskphone.snom.SnomCallState.CONNECTED;
import static dev.deskphone.snom.SnomCallState.IDLE;
import static dev.deskphone.snom.SnomCallState.RINGING;
import static dev.deskphone.snom.TestEvents.PHONE;
import static dev.deskphone.snom.TestEvents.event;
import static dev.deskphone.snom.TestEvents.on;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Listeners, waiting, the builder and the README example. */
class SnomCallTrackerTest {
  private static final String[] RINGS_AND_IS_ANSWERED = {
    "a: IDLE->RINGING", "phone: IDLE->RINGING", "a: RINGING->CONNECTED", "phone: RINGING->CONNECTED"
  };

  private final StepClock clock = new StepClock();
  private final Recorder recorder = new Recorder();
  private final SnomCallTracker tracker =
      SnomCallTracker.builder().clock(clock).listener(recorder).build();

  @Test
  void readmeExampleWaitsForAPhoneToRing() throws InterruptedException {
    SnomEvent incoming = on("10.0.0.5", "incoming", "a").remote("102@pbx").build();

    // README:snom-calls
    List<SnomCallChange> seen = new CopyOnWriteArrayList<>();
    SnomCallTracker tracker =
        SnomCallTracker.builder()
            .ringingTimeout(Duration.ofMinutes(2)) // a call rejected with CANCEL sends no event
            .listener(seen::add) // every change of a call or a phone, in order
            .build();
    tracker.accept(incoming); // the event endpoint's listener: tracker::accept

    assertThat(tracker.awaitState("10.0.0.5", SnomCallState.RINGING, Duration.ofSeconds(2)))
        .isTrue();
    assertThat(tracker.calls("10.0.0.5").get(0).remote()).hasValue("102@pbx");
    // README:end

    assertThat(seen)
        .extracting(Recorder::brief)
        .containsExactly("a: IDLE->RINGING", "phone: IDLE->RINGING");
  }

  @Test
  void listenersAreToldOnceOfEachChangeWithTheOldAndNewState() {
    List<String> script =
        List.of("incoming", "connected", "connected", "hold", "unhold", "disconnected");
    for (String name : script) {
      tracker.accept(event(name, "a"));
    }

    assertThat(recorder.brief())
        .containsExactly(
            "a: IDLE->RINGING",
            "phone: IDLE->RINGING",
            "a: RINGING->CONNECTED",
            "phone: RINGING->CONNECTED",
            "a: CONNECTED->ON_HOLD",
            "phone: CONNECTED->ON_HOLD",
            "a: ON_HOLD->CONNECTED",
            "phone: ON_HOLD->CONNECTED",
            "a: CONNECTED->IDLE",
            "phone: CONNECTED->IDLE");
    assertThat(recorder.changes())
        .allSatisfy(c -> assertThat(c.phone()).isEqualTo(PHONE))
        .allSatisfy(c -> assertThat(c.at()).isEqualTo(clock.instant()))
        .allSatisfy(c -> assertThat(c.event()).isPresent())
        .filteredOn(c -> c.call().isPresent())
        .allSatisfy(c -> assertThat(c.call().orElseThrow().state()).isEqualTo(c.to()));
  }

  @Test
  void aThrowingListenerDoesNotStopTrackingOrTheOtherListeners() {
    Recorder after = new Recorder();
    SnomCallTracker withBadListener =
        SnomCallTracker.builder()
            .clock(clock)
            .listener(
                change -> {
                  throw new IllegalStateException("listener bug");
                })
            .listener(
                change -> {
                  throw new AssertionError("a test's assertion in a listener");
                })
            .listener(after)
            .build();

    withBadListener.accept(event("incoming", "a"));
    withBadListener.accept(event("connected", "a"));

    assertThat(withBadListener.state(PHONE)).isEqualTo(CONNECTED);
    assertThat(after.brief()).containsExactly(RINGS_AND_IS_ANSWERED);
  }

  @Test
  void aListenerMayReadTheTrackerAndSeesTheChangeDone() {
    AtomicReference<SnomCallTracker> self = new AtomicReference<>();
    List<SnomCallState> read = new ArrayList<>();
    SnomCallTracker reading =
        SnomCallTracker.builder()
            .clock(clock)
            .listener(change -> read.add(self.get().state(change.phone())))
            .build();
    self.set(reading);

    reading.accept(event("incoming", "a"));
    reading.accept(event("disconnected", "a"));

    assertThat(read).containsExactly(RINGING, RINGING, IDLE, IDLE);
  }

  @Test
  void aListenerThatFeedsTheTrackerIsToldOfItsOwnChangeAfterTheCurrentOne() {
    AtomicReference<SnomCallTracker> self = new AtomicReference<>();
    Recorder seen = new Recorder();
    SnomCallTracker feeding =
        SnomCallTracker.builder()
            .clock(clock)
            .listener(
                change -> {
                  if (change.to() == RINGING && change.call().isPresent()) {
                    self.get().accept(event("connected", "a")); // an auto-answer
                  }
                })
            .listener(seen)
            .build();
    self.set(feeding);

    feeding.accept(event("incoming", "a"));

    assertThat(seen.brief()).containsExactly(RINGS_AND_IS_ANSWERED);
  }

  @Test
  void awaitStateReturnsWhenAnotherThreadDeliversTheEvent() throws Exception {
    Thread phone = new Thread(() -> tracker.accept(event("incoming", "a")));
    phone.start();

    assertThat(tracker.awaitState(PHONE, RINGING, Duration.ofSeconds(10))).isTrue();
    phone.join();
    assertThat(tracker.calls(PHONE)).extracting(SnomCall::state).containsExactly(RINGING);
  }

  @Test
  void awaitStateIsTrueAtOnceForTheCurrentStateAndAnUnknownPhoneIsIdle()
      throws InterruptedException {
    tracker.accept(event("connected", "a"));

    assertThat(tracker.awaitState(PHONE, CONNECTED, Duration.ZERO)).isTrue();
    assertThat(tracker.awaitState("10.9.9.9", IDLE, Duration.ZERO)).isTrue();
    assertThat(tracker.trackedPhones()).as("reading a phone does not keep it").isEqualTo(1);
  }

  @Test
  void awaitStateIsFalseWhenTheStateDoesNotCome() throws InterruptedException {
    tracker.accept(event("incoming", "a"));

    assertThat(tracker.awaitState(PHONE, CONNECTED, Duration.ofMillis(50))).isFalse();
    assertThat(tracker.awaitState(PHONE, CONNECTED, Duration.ZERO)).isFalse();
  }

  @Test
  void awaitStateSeesATimeoutWhenAnotherThreadMovesTheClock() throws Exception {
    tracker.accept(event("incoming", "a"));
    Thread mover = new Thread(() -> clock.advance(Duration.ofMinutes(2)));
    mover.start();

    assertThat(tracker.awaitState(PHONE, IDLE, Duration.ofSeconds(10))).isTrue();
    mover.join();
    assertThat(recorder.brief()).endsWith("a: RINGING->IDLE", "phone: RINGING->IDLE");
  }

  @Test
  void awaitCallFindsASecondCallRingingWhileThePhoneIsConnected() throws Exception {
    tracker.accept(event("connected", "a"));
    Thread phone = new Thread(() -> tracker.accept(event("incoming", "b")));
    phone.start();

    Optional<SnomCall> ringing = tracker.awaitCall(PHONE, RINGING, Duration.ofSeconds(10));
    phone.join();

    assertThat(ringing).get().extracting(SnomCall::callId).isEqualTo(Optional.of("b"));
    assertThat(tracker.state(PHONE)).isEqualTo(CONNECTED);
    assertThat(tracker.awaitCall(PHONE, SnomCallState.ON_HOLD, Duration.ofMillis(20))).isEmpty();
  }

  @Test
  void awaitCallRefusesStatesNoCallIsIn() {
    assertThatThrownBy(() -> tracker.awaitCall(PHONE, IDLE, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "state must be DIALING, RINGING, CONNECTED or ON_HOLD (a call's states), was IDLE");
    assertThatThrownBy(() -> tracker.awaitCall(PHONE, SnomCallState.OFF_HOOK, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void waitingIsInterruptible() {
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> tracker.awaitState(PHONE, RINGING, Duration.ofMinutes(1)))
          .isInstanceOf(InterruptedException.class);
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void badArgumentsAreRefusedWithTheValue() {
    assertThatThrownBy(() -> tracker.awaitState(PHONE, RINGING, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeout must be zero or positive, was PT-1S");
    assertThatThrownBy(() -> SnomCallTracker.builder().ringingTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ringingTimeout must be positive, was PT0S");
    assertThatThrownBy(() -> SnomCallTracker.builder().connectedTimeout(Duration.ofHours(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("connectedTimeout must be positive, was PT-1H");
    assertThatThrownBy(() -> tracker.accept(null)).hasMessage("event");
    assertThatThrownBy(() -> tracker.state(null)).hasMessage("phone");
  }

  @Test
  void toStringShowsThePhonesAndTimeouts() {
    tracker.accept(event("incoming", "a"));

    assertThat(tracker)
        .hasToString("SnomCallTracker[1 phones, ringingTimeout PT2M, connectedTimeout PT4H]");
    assertThat(tracker.calls(PHONE).get(0).toString())
        .isEqualTo("SnomCall[10.0.0.5 call a RINGING since " + clock.instant() + "]");
    assertThat(recorder.changes().get(0))
        .hasToString("SnomCallChange[10.0.0.5 call a IDLE -> RINGING on incoming]");
  }
}
