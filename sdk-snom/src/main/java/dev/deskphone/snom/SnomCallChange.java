package dev.deskphone.snom;

import java.time.Instant;
import java.util.Optional;

/**
 * One change {@link SnomCallTracker} saw: a call's state ({@link #call()} present) or the phone's
 * ({@link #call()} absent). A call that starts goes from {@link SnomCallState#IDLE}, one that ends
 * goes to it. An event that starts a call on an idle phone gives two changes: the call's, then the
 * phone's. Immutable and thread-safe.
 */
public final class SnomCallChange {
  private final String phone;
  private final SnomCall call;
  private final SnomCallState from;
  private final SnomCallState to;
  private final SnomEvent event;
  private final Instant at;

  SnomCallChange(
      String phone,
      SnomCall call,
      SnomCallState from,
      SnomCallState to,
      SnomEvent event,
      Instant at) {
    this.phone = phone;
    this.call = call;
    this.from = from;
    this.to = to;
    this.event = event;
    this.at = at;
  }

  /** {@return the phone, as in {@link SnomEvent#phone()}} */
  public String phone() {
    return phone;
  }

  /**
   * {@return the call that changed, as it is after the change (its state is {@link #to()}); absent
   * when the change is the phone's}
   */
  public Optional<SnomCall> call() {
    return Optional.ofNullable(call);
  }

  /** {@return the state before: the call's, or the phone's} */
  public SnomCallState from() {
    return from;
  }

  /** {@return the state after: the call's, or the phone's} */
  public SnomCallState to() {
    return to;
  }

  /**
   * {@return the event that caused it; absent when the tracker dropped a call or left {@link
   * SnomCallState#OFF_HOOK} because no event came for the timeout}
   */
  public Optional<SnomEvent> event() {
    return Optional.ofNullable(event);
  }

  /** {@return when the tracker made the change, by its clock} */
  public Instant at() {
    return at;
  }

  /** The phone, the call if any, and the two states. */
  @Override
  public String toString() {
    return "SnomCallChange["
        + phone
        + (call == null ? "" : call.callId().map(id -> " call " + id).orElse(" call without id"))
        + " "
        + from
        + " -> "
        + to
        + (event == null ? " (timeout)" : " on " + event.eventName())
        + "]";
  }
}
