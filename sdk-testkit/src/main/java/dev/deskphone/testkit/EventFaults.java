package dev.deskphone.testkit;

import dev.deskphone.snom.SnomEventType;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * Faults in a fake snom phone's action URLs, each for the next time an event happens: dropped (not
 * sent), delayed (sent late, so that later events overtake it, as over a congested network) or
 * duplicated (sent twice, as after a retry). Faults for one event are used in the order scripted.
 * Thread-safe.
 */
public final class EventFaults {
  /** What happens to one event. */
  record Plan(Kind kind, Duration delay) {
    static final Plan NORMAL = new Plan(Kind.NORMAL, Duration.ZERO);
  }

  enum Kind {
    NORMAL,
    DROP,
    DELAY,
    DUPLICATE
  }

  private final List<Deque<Plan>> scripted = new ArrayList<>(); // guarded by this

  EventFaults() {
    for (int i = 0; i < SnomEventType.values().length; i++) {
      scripted.add(new ArrayDeque<>());
    }
  }

  /**
   * The next {@code event} is not sent (it is recorded as {@link FiredEvent.Outcome#DROPPED}).
   *
   * @param event the event to drop
   * @return this, for chaining
   */
  public EventFaults dropNext(SnomEventType event) {
    return add(event, new Plan(Kind.DROP, Duration.ZERO));
  }

  /**
   * The next {@code event} is sent {@code delay} late; the phone's later events do not wait for it.
   *
   * @param event the event to delay
   * @param delay how late it is sent; positive
   * @return this, for chaining
   * @throws IllegalArgumentException if {@code delay} is not positive
   */
  public EventFaults delayNext(SnomEventType event, Duration delay) {
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative() || delay.isZero()) {
      throw new IllegalArgumentException("an event's delay must be positive, was " + delay);
    }
    return add(event, new Plan(Kind.DELAY, delay));
  }

  /**
   * The next {@code event} is sent twice, one copy after the other.
   *
   * @param event the event to send twice
   * @return this, for chaining
   */
  public EventFaults duplicateNext(SnomEventType event) {
    return add(event, new Plan(Kind.DUPLICATE, Duration.ZERO));
  }

  /** Forgets every fault not used yet. */
  public synchronized void clear() {
    scripted.forEach(Deque::clear);
  }

  private synchronized EventFaults add(SnomEventType event, Plan plan) {
    scripted.get(Objects.requireNonNull(event, "event").ordinal()).add(plan);
    return this;
  }

  /** The plan for this occurrence of {@code event}, using up a scripted fault. */
  synchronized Plan next(SnomEventType event) {
    Plan p = scripted.get(event.ordinal()).poll();
    return p == null ? Plan.NORMAL : p;
  }

  @Override
  public synchronized String toString() {
    List<String> pending = new ArrayList<>();
    for (SnomEventType t : SnomEventType.values()) {
      scripted.get(t.ordinal()).forEach(p -> pending.add(p.kind() + " " + t));
    }
    return "EventFaults" + pending;
  }
}
