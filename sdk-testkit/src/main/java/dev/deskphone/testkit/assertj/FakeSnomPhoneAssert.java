package dev.deskphone.testkit.assertj;

import dev.deskphone.snom.SnomEventType;
import dev.deskphone.testkit.Dialed;
import dev.deskphone.testkit.FakeCall;
import dev.deskphone.testkit.FakeSnomPhone;
import dev.deskphone.testkit.FiredEvent;
import dev.deskphone.testkit.HookState;
import dev.deskphone.testkit.PressedKey;
import dev.deskphone.testkit.RejectedRequest;
import dev.deskphone.testkit.Touch;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ListAssert;

/**
 * Assertions on a {@link FakeSnomPhone}, in the phone's words. A failure names the phone, what was
 * expected, what the phone actually saw, and the last requests of its journal. Each assertion reads
 * the fake once, when called; use it on the test thread after the code under test is done. The call
 * and fired-event assertions can wait instead: after {@link #within(Duration)} they pass as soon as
 * the phone gets there, woken by its changes (never sleeping), and fail once the time is up. Not
 * thread-safe: use an assertion object on one thread.
 */
public final class FakeSnomPhoneAssert extends AbstractAssert<FakeSnomPhoneAssert, FakeSnomPhone> {
  private Duration wait = Duration.ZERO;

  FakeSnomPhoneAssert(FakeSnomPhone actual) {
    super(actual, FakeSnomPhoneAssert.class);
  }

  /** {@return the names of the keys it pressed, in order, for list assertions} */
  public ListAssert<String> pressedKeys() {
    isNotNull();
    List<String> keys = actual.pressedKeys().stream().map(PressedKey::key).toList();
    return Assertions.assertThat(keys).as(() -> "keys pressed on " + actual + "\n" + journal());
  }

  /** {@return the numbers it dialed, in order, for list assertions} */
  public ListAssert<String> dialedNumbers() {
    isNotNull();
    List<String> numbers = actual.dialed().stream().map(Dialed::number).toList();
    return Assertions.assertThat(numbers)
        .as(() -> "numbers dialed on " + actual + "\n" + journal());
  }

  /**
   * It dialed {@code number} (among others, perhaps).
   *
   * @param number the number
   * @return this assertion
   */
  public FakeSnomPhoneAssert dialed(String number) {
    Objects.requireNonNull(number, "number");
    isNotNull();
    List<String> numbers = actual.dialed().stream().map(Dialed::number).toList();
    if (!numbers.contains(number)) {
      fail("to have dialed \"" + number + "\"", "it dialed " + quoted(numbers));
    }
    return this;
  }

  /**
   * It dialed nothing.
   *
   * @return this assertion
   */
  public FakeSnomPhoneAssert dialedNothing() {
    isNotNull();
    List<String> numbers = actual.dialed().stream().map(Dialed::number).toList();
    if (!numbers.isEmpty()) {
      fail("to have dialed nothing", "it dialed " + quoted(numbers));
    }
    return this;
  }

  /**
   * Its audio path is the handset, off-hook.
   *
   * @return this assertion
   */
  public FakeSnomPhoneAssert isOffHook() {
    return hasHook(HookState.OFFHOOK);
  }

  /**
   * It is idle, on-hook.
   *
   * @return this assertion
   */
  public FakeSnomPhoneAssert isOnHook() {
    return hasHook(HookState.ONHOOK);
  }

  /**
   * Its audio path is {@code hook}.
   *
   * @param hook the expected hook state
   * @return this assertion
   */
  public FakeSnomPhoneAssert hasHook(HookState hook) {
    isNotNull();
    HookState now = actual.state().hook();
    if (now != hook) {
      fail("to be " + hook, "it is " + now);
    }
    return this;
  }

  /**
   * It carried out a touch at ({@code x}, {@code y}), of any kind.
   *
   * @param x the touch's x coordinate
   * @param y the touch's y coordinate
   * @return this assertion
   */
  public FakeSnomPhoneAssert touched(int x, int y) {
    isNotNull();
    List<Touch> touches = actual.touches();
    if (touches.stream().noneMatch(t -> t.x() == x && t.y() == y)) {
      fail("to have been touched at " + x + "," + y, "its touches were " + touches);
    }
    return this;
  }

  /**
   * One DTMF request carried exactly {@code digits}.
   *
   * @param digits the digits
   * @return this assertion
   */
  public FakeSnomPhoneAssert sentDtmf(String digits) {
    isNotNull();
    List<String> sent = actual.dtmf();
    if (!sent.contains(digits)) {
      fail("to have sent DTMF \"" + digits + "\"", "it sent " + quoted(sent));
    }
    return this;
  }

  /**
   * It holds setting {@code name} with exactly {@code value} now.
   *
   * @param name the setting's name
   * @param value its expected value
   * @return this assertion
   */
  public FakeSnomPhoneAssert hasSetting(String name, String value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    isNotNull();
    Map<String, String> settings = actual.settings();
    if (!value.equals(settings.get(name))) {
      fail(
          "to hold setting " + name + "=\"" + value + "\"",
          settings.containsKey(name)
              ? "it holds " + name + "=\"" + settings.get(name) + "\""
              : "it holds no setting " + name + "; its settings are " + settings);
    }
    return this;
  }

  /**
   * It went through exactly {@code times} reboots.
   *
   * @param times the expected number of reboots
   * @return this assertion
   */
  public FakeSnomPhoneAssert hasRebooted(int times) {
    isNotNull();
    int reboots = actual.state().reboots();
    if (reboots != times) {
      fail("to have rebooted " + times + " time(s)", "it rebooted " + reboots + " time(s)");
    }
    return this;
  }

  /**
   * It read exactly {@code count} requests.
   *
   * @param count the expected number of requests
   * @return this assertion
   */
  public FakeSnomPhoneAssert receivedRequests(int count) {
    isNotNull();
    int got = actual.requests().size();
    if (got != count) {
      fail("to have received " + count + " request(s)", "it received " + got);
    }
    return this;
  }

  /**
   * Every request was understood; reading the rejections satisfies a strict fake's close.
   *
   * @return this assertion
   */
  public FakeSnomPhoneAssert hasNoRejectedRequests() {
    isNotNull();
    List<RejectedRequest> rejected = actual.rejected();
    if (!rejected.isEmpty()) {
      fail("to have understood every request", "it rejected " + Rejections.list(rejected));
    }
    return this;
  }

  /**
   * {@return the requests it did not carry out, for list assertions (the test has then seen them)}
   */
  public ListAssert<RejectedRequest> rejectedRequests() {
    isNotNull();
    return Assertions.assertThat(actual.rejected())
        .as(() -> "requests rejected by " + actual + "\n" + journal());
  }

  /**
   * The call and fired-event assertions after this one wait up to {@code timeout} (real time) for
   * the phone to get there; calls and action URLs change asynchronously, as on phones.
   *
   * @param timeout how long to wait
   * @return this assertion
   * @throws IllegalArgumentException if {@code timeout} is not positive
   */
  public FakeSnomPhoneAssert within(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
    this.wait = timeout;
    return this;
  }

  /**
   * It has a call ringing (coming in, not answered yet).
   *
   * @return this assertion
   */
  public FakeSnomPhoneAssert isRinging() {
    return hasCall(FakeCall.State.RINGING);
  }

  /**
   * It has a call dialing (placed, the other side not answered yet).
   *
   * @return this assertion
   */
  public FakeSnomPhoneAssert isDialing() {
    return hasCall(FakeCall.State.DIALING);
  }

  /**
   * It has a connected call.
   *
   * @return this assertion
   */
  public FakeSnomPhoneAssert isConnected() {
    return hasCall(FakeCall.State.CONNECTED);
  }

  /**
   * It has a call it put on hold.
   *
   * @return this assertion
   */
  public FakeSnomPhoneAssert hasCallOnHold() {
    return hasCall(FakeCall.State.ON_HOLD);
  }

  /**
   * It has a call in {@code state}.
   *
   * @param state the call state
   * @return this assertion
   */
  public FakeSnomPhoneAssert hasCall(FakeCall.State state) {
    Objects.requireNonNull(state, "state");
    isNotNull();
    if (waited(() -> actual.awaitCall(state, wait).isPresent())) {
      return this;
    }
    fail("to have a call " + state + waiting(), "its calls are " + calls());
    return this;
  }

  /**
   * It has no call: idle.
   *
   * @return this assertion
   */
  public FakeSnomPhoneAssert hasNoCall() {
    isNotNull();
    if (!waited(() -> actual.awaitNoCall(wait))) {
      fail("to have no call" + waiting(), "its calls are " + calls());
    }
    return this;
  }

  /**
   * It fired {@code event}'s action URL (sent or dropped by a fault).
   *
   * @param event the event
   * @return this assertion
   */
  public FakeSnomPhoneAssert firedEvent(SnomEventType event) {
    Objects.requireNonNull(event, "event");
    isNotNull();
    if (!waited(() -> actual.awaitFired(event, wait).isPresent())) {
      fail("to have fired " + event + waiting(), "it fired " + fired());
    }
    return this;
  }

  /**
   * It has not fired {@code event}'s action URL so far (this never waits).
   *
   * @param event the event
   * @return this assertion
   */
  public FakeSnomPhoneAssert hasNotFired(SnomEventType event) {
    Objects.requireNonNull(event, "event");
    isNotNull();
    if (actual.firedEvents().stream().anyMatch(e -> e.event() == event)) {
      fail("not to have fired " + event, "it fired " + fired());
    }
    return this;
  }

  /** {@return the action URLs it fired so far, in order, for list assertions} */
  public ListAssert<FiredEvent> firedEvents() {
    isNotNull();
    return Assertions.assertThat(actual.firedEvents()).as(() -> "events fired by " + actual);
  }

  private interface Wait {
    boolean met() throws InterruptedException;
  }

  private boolean waited(Wait wait) {
    try {
      return wait.met();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting on " + actual, e);
    }
  }

  private String waiting() {
    return wait.isZero() ? "" : " within " + wait;
  }

  private String calls() {
    List<FakeCall> calls = actual.calls();
    return calls.isEmpty() ? "none" : calls.toString();
  }

  private String fired() {
    List<FiredEvent> fired = actual.firedEvents();
    return fired.isEmpty()
        ? "nothing"
        : fired.stream()
            .map(FiredEvent::toString)
            .collect(Collectors.joining("\n    ", "\n    ", ""));
  }

  private void fail(String expected, String actually) {
    failWithMessage(
        "%s",
        "\nExpecting " + actual + "\n  " + expected + "\nbut " + actually + ".\n" + journal());
  }

  private String journal() {
    return Journal.ofRequests(actual.requests());
  }

  static String quoted(List<String> values) {
    return values.isEmpty()
        ? "nothing"
        : values.stream().map(v -> "\"" + v + "\"").toList().toString();
  }
}
