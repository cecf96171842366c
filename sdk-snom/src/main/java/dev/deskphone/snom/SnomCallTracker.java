package dev.deskphone.snom;

import dev.deskphone.core.internal.Checks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Follows each snom phone's calls from its action-URL events: the phone's {@link SnomCallState},
 * its calls by call id, listeners mustTell of every change, and waiting for a state in tests and
 * apps.
 *
 * <pre>{@code
 * SnomCallTracker tracker = SnomCallTracker.builder().listener(change -> log(change)).build();
 * // register tracker::accept as a listener of the event endpoint, then:
 * tracker.awaitState("10.0.0.5", SnomCallState.RINGING, Duration.ofSeconds(2));
 * }</pre>
 *
 * <p>Events and their effect on the call the event names ({@code $call-id}):
 *
 * <table>
 *   <caption>Events to states</caption>
 *   <tr><th>Event</th><th>Effect</th></tr>
 *   <tr><td>{@code incoming}</td><td>a new call {@code RINGING}; ends a {@code RINGING} call of the
 *       same remote party (rejected with {@code CANCEL}, which sends no event)</td></tr>
 *   <tr><td>{@code outgoing}</td><td>a new call {@code DIALING}</td></tr>
 *   <tr><td>{@code setup}</td><td>"Setup finished", the phone has booted: every call ends, the
 *       phone is {@code IDLE}</td></tr>
 *   <tr><td>{@code connected}</td><td>{@code CONNECTED}, also for a call not seen before; a call
 *       on hold stays {@code ON_HOLD}</td></tr>
 *   <tr><td>{@code hold} / {@code unhold}</td><td>{@code ON_HOLD} / {@code CONNECTED}, also for a
 *       call not seen before</td></tr>
 *   <tr><td>{@code disconnected}, {@code missed}</td><td>the call ends; its id is kept 5 minutes
 *       (at most 8 per phone) so that no late event starts it again</td></tr>
 *   <tr><td>{@code offhook}</td><td>the phone {@code OFF_HOOK} if it has no call</td></tr>
 *   <tr><td>{@code onhook}</td><td>the phone no longer off hook; its {@code DIALING} calls end;
 *       ringing, connected and held calls stay (their own events end them)</td></tr>
 *   <tr><td>any event with {@code $nr_ongoing_calls} = 0</td><td>every call of the phone ends but
 *       the one the event is about</td></tr>
 *   <tr><td>other and unknown events</td><td>nothing</td></tr>
 * </table>
 *
 * <p>A call that is answered never goes back: a late {@code incoming} or {@code outgoing} for it
 * changes nothing, and repeated events change nothing, so duplicates are harmless. Events without a
 * call id all go to one call per phone that has no id; after it ends, a new {@code incoming} or
 * {@code outgoing} without id starts another, while a late {@code connected}, {@code hold} or
 * {@code unhold} without id is ignored for 5 minutes.
 *
 * <p>Recovery when events are lost: a {@code RINGING} or {@code DIALING} call with no event for the
 * {@linkplain Builder#ringingTimeout ringing timeout} (2 minutes by default), and a {@code
 * CONNECTED} or {@code ON_HOLD} call with none for the {@linkplain Builder#connectedTimeout
 * connected timeout} (4 hours), is dropped; so is {@code OFF_HOOK} after the ringing timeout. Only
 * {@code disconnected} and {@code missed} keep a call's id: a call the tracker dropped on its own
 * (timeout, {@code $nr_ongoing_calls} = 0, {@code onhook}, the same party calling again) comes back
 * with the next event that names it, which shows it alive.
 *
 * <p>Time is the {@linkplain Builder#clock clock}'s, and there is no thread of its own: timeouts
 * are checked on every read and event for that phone, on an event for any phone at most once a
 * second for all phones, and on {@link #expire()}. An app that must hear of timeouts promptly while
 * no events arrive calls {@link #expire()} from a scheduler of its own. Waiting ({@link
 * #awaitState}, {@link #awaitCall}) runs on real time, wakes on every change, and looks at the
 * clock again at least every 100 ms, so a test that moves its clock sees timeouts without sending
 * an event.
 *
 * <p>Thread-safe: events, reads and waits may come from any thread. {@link #accept} takes a short
 * lock and then tells the listeners on the calling thread; listeners get every change once, in the
 * order the changes happened, never two at once (a thread whose changes are being mustTell by
 * another waits for that), and a listener that throws is logged at WARN and skipped. A phone keeps
 * at most 32 calls; beyond, the one with the oldest event goes. Memory: a phone with no call, not
 * off hook and no recently ended call is not kept at all.
 */
public final class SnomCallTracker {
  private static final long SWEEP_MILLIS = 1_000;
  private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private final Clock clock;
  private final Duration ringingTimeout;
  private final Duration connectedTimeout;
  private final long ringingMillis;
  private final long connectedMillis;
  private final ChangeTeller teller;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final Map<String, PhoneCalls> phones = new HashMap<>();
  private long lastSweep;

  private SnomCallTracker(Builder b) {
    this.clock = b.clock;
    this.ringingTimeout = b.ringingTimeout;
    this.connectedTimeout = b.connectedTimeout;
    this.ringingMillis = millis(b.ringingTimeout);
    this.connectedMillis = millis(b.connectedTimeout);
    this.teller = new ChangeTeller(b.listeners);
    this.lastSweep = clock.millis();
  }

  /**
   * A builder: the system clock, a 2-minute ringing and a 4-hour connected timeout, no listener.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Follows one event: register it as the event endpoint's listener ({@code tracker::accept}).
   * Cheap, never waits for anything but the listeners (see the class comment); an event the tracker
   * cannot use is ignored, never an error.
   *
   * @param event the event
   */
  public void accept(SnomEvent event) {
    Objects.requireNonNull(event, "event");
    boolean mustTell;
    lock.lock();
    try {
      Instant now = clock.instant();
      List<SnomCallChange> out = new ArrayList<>(4);
      if (now.toEpochMilli() - lastSweep >= SWEEP_MILLIS) {
        sweep(now, out);
      }
      PhoneCalls calls = expired(event.phone(), now, out);
      calls.apply(event, now, out);
      keep(event.phone(), calls);
      mustTell = publish(out);
    } finally {
      lock.unlock();
    }
    if (mustTell) {
      teller.tell();
    }
  }

  /**
   * The phone's state now; {@link SnomCallState#IDLE} for a phone the tracker knows nothing of.
   *
   * @param phone the phone's id, as in {@link SnomEvent#phone()}
   * @return the state
   */
  public SnomCallState state(String phone) {
    return read(phone, PhoneCalls::state);
  }

  /**
   * The phone's calls now, oldest first; empty when it has none.
   *
   * @param phone the phone's id, as in {@link SnomEvent#phone()}
   * @return an unmodifiable list
   */
  public List<SnomCall> calls(String phone) {
    return read(phone, PhoneCalls::calls);
  }

  /**
   * Waits until the phone is in {@code state}; at once if it is.
   *
   * @param phone the phone's id, as in {@link SnomEvent#phone()}
   * @param state the state to wait for
   * @param timeout how long to wait at most, in real time; zero checks once
   * @return whether the phone reached the state in time
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  public boolean awaitState(String phone, SnomCallState state, Duration timeout)
      throws InterruptedException {
    Objects.requireNonNull(state, "state");
    return await(phone, timeout, calls -> calls.state() == state ? Boolean.TRUE : null) != null;
  }

  /**
   * Waits until the phone has a call in {@code state}, such as a second call {@code RINGING} while
   * one is {@code CONNECTED}.
   *
   * @param phone the phone's id, as in {@link SnomEvent#phone()}
   * @param state {@code DIALING}, {@code RINGING}, {@code CONNECTED} or {@code ON_HOLD}
   * @param timeout how long to wait at most, in real time; zero checks once
   * @return the oldest such call, or empty if none came in time
   * @throws IllegalArgumentException for {@code IDLE} or {@code OFF_HOOK}, which no call is in
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  public Optional<SnomCall> awaitCall(String phone, SnomCallState state, Duration timeout)
      throws InterruptedException {
    Objects.requireNonNull(state, "state");
    if (state == SnomCallState.IDLE || state == SnomCallState.OFF_HOOK) {
      throw new IllegalArgumentException(
          "state must be DIALING, RINGING, CONNECTED or ON_HOLD (a call's states), was " + state);
    }
    return Optional.ofNullable(
        await(
            phone,
            timeout,
            calls ->
                calls.calls().stream().filter(c -> c.state() == state).findFirst().orElse(null)));
  }

  /**
   * Applies the timeouts to every phone now, by the clock, and tells the listeners. The tracker
   * does this on its own at most once a second while events arrive.
   */
  public void expire() {
    boolean mustTell;
    lock.lock();
    try {
      List<SnomCallChange> out = new ArrayList<>();
      sweep(clock.instant(), out);
      mustTell = publish(out);
    } finally {
      lock.unlock();
    }
    if (mustTell) {
      teller.tell();
    }
  }

  /**
   * How many phones the tracker holds anything for: a call, off hook, or a call that ended in the
   * last 5 minutes. The others cost no memory.
   *
   * @return the number of phones
   */
  public int trackedPhones() {
    lock.lock();
    try {
      return phones.size();
    } finally {
      lock.unlock();
    }
  }

  /** How many ended call ids are kept over all phones. */
  int endedCallsKept() {
    lock.lock();
    try {
      return phones.values().stream().mapToInt(PhoneCalls::endedKept).sum();
    } finally {
      lock.unlock();
    }
  }

  /** The number of phones and the timeouts. */
  @Override
  public String toString() {
    return "SnomCallTracker["
        + trackedPhones()
        + " phones, ringingTimeout "
        + ringingTimeout
        + ", connectedTimeout "
        + connectedTimeout
        + "]";
  }

  private <T> T read(String phone, Function<PhoneCalls, T> what) {
    Objects.requireNonNull(phone, "phone");
    T value;
    boolean mustTell;
    lock.lock();
    try {
      List<SnomCallChange> out = new ArrayList<>(2);
      PhoneCalls calls = expired(phone, clock.instant(), out);
      keep(phone, calls);
      value = what.apply(calls);
      mustTell = publish(out);
    } finally {
      lock.unlock();
    }
    if (mustTell) {
      teller.tell();
    }
    return value;
  }

  /** Reads until {@code what} gives a value or the timeout passes. */
  private <T> T await(String phone, Duration timeout, Function<PhoneCalls, T> what)
      throws InterruptedException {
    Objects.requireNonNull(phone, "phone");
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must be zero or positive, was " + timeout);
    }
    long total = nanos(timeout);
    long start = System.nanoTime();
    while (true) {
      T value = read(phone, what);
      if (value != null) {
        return value;
      }
      lock.lockInterruptibly();
      try {
        // Checked again under the lock, which every change holds: no change slips past unseen.
        PhoneCalls calls = phones.get(phone);
        value = what.apply(calls != null ? calls : new PhoneCalls(phone));
        long left = total - (System.nanoTime() - start);
        if (value != null || left <= 0) {
          return value;
        }
        changed.awaitNanos(Math.min(left, RECHECK_NANOS));
      } finally {
        lock.unlock();
      }
    }
  }

  /** The phone's entry with its timeouts applied; a fresh one, not yet kept, if there is none. */
  private PhoneCalls expired(String phone, Instant now, List<SnomCallChange> out) {
    PhoneCalls calls = phones.get(phone);
    if (calls == null) {
      return new PhoneCalls(phone);
    }
    calls.expire(now, ringingMillis, connectedMillis, out);
    return calls;
  }

  private void keep(String phone, PhoneCalls calls) {
    if (calls.isEmpty()) {
      phones.remove(phone);
    } else {
      phones.putIfAbsent(phone, calls);
    }
  }

  private void sweep(Instant now, List<SnomCallChange> out) {
    for (Iterator<PhoneCalls> it = phones.values().iterator(); it.hasNext(); ) {
      PhoneCalls calls = it.next();
      calls.expire(now, ringingMillis, connectedMillis, out);
      if (calls.isEmpty()) {
        it.remove();
      }
    }
    lastSweep = now.toEpochMilli();
  }

  /** Queues the changes for the listeners and wakes the waiters; under the lock, so in order. */
  private boolean publish(List<SnomCallChange> out) {
    if (out.isEmpty()) {
      return false;
    }
    changed.signalAll();
    return teller.queue(out);
  }

  private static long millis(Duration d) {
    try {
      return d.toMillis();
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE;
    }
  }

  private static long nanos(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE;
    }
  }

  /** Builds a {@link SnomCallTracker}. Not thread-safe. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private Duration ringingTimeout = Duration.ofMinutes(2);
    private Duration connectedTimeout = Duration.ofHours(4);
    private final List<SnomCallListener> listeners = new ArrayList<>();

    private Builder() {}

    /**
     * The clock for timeouts and the times of calls; the system clock by default.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * How long a {@code RINGING} or {@code DIALING} call, or a phone {@code OFF_HOOK} without a
     * call, lasts with no event; 2 minutes by default. This is what ends a call rejected with
     * {@code CANCEL}, which fires no event on the rejecting phone, when no later event says so.
     *
     * @param timeout positive
     * @return this builder
     */
    public Builder ringingTimeout(Duration timeout) {
      this.ringingTimeout = Checks.positive(timeout, "ringingTimeout");
      return this;
    }

    /**
     * How long a {@code CONNECTED} or {@code ON_HOLD} call lasts with no event; 4 hours by default.
     * A call in conversation sends no events, so keep this above your longest call.
     *
     * @param timeout positive
     * @return this builder
     */
    public Builder connectedTimeout(Duration timeout) {
      this.connectedTimeout = Checks.positive(timeout, "connectedTimeout");
      return this;
    }

    /**
     * Adds a listener, told of every change in order; none by default.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(SnomCallListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * The tracker.
     *
     * @return the tracker
     */
    public SnomCallTracker build() {
      return new SnomCallTracker(this);
    }
  }
}
