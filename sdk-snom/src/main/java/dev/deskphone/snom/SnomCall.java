package dev.deskphone.snom;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One call of a phone as {@link SnomCallTracker} sees it: its id, state, parties, and since when.
 * Times are the tracker's clock when it handled the event. A snapshot: immutable and thread-safe;
 * the tracker hands out a new one when the call changes.
 */
public final class SnomCall {
  private final String phone;
  private final String callId;
  private final SnomCallState state;
  private final String remote;
  private final String displayRemote;
  private final String local;
  private final Instant startedAt;
  private final Instant since;
  private final Instant lastEventAt;

  SnomCall(
      String phone,
      String callId,
      SnomCallState state,
      String remote,
      String displayRemote,
      String local,
      Instant startedAt,
      Instant since,
      Instant lastEventAt) {
    this.phone = phone;
    this.callId = callId;
    this.state = state;
    this.remote = remote;
    this.displayRemote = displayRemote;
    this.local = local;
    this.startedAt = startedAt;
    this.since = since;
    this.lastEventAt = lastEventAt;
  }

  /** A call first seen in {@code event}, in {@code state} from {@code now}. */
  static SnomCall start(SnomEvent event, SnomCallState state, Instant now) {
    return new SnomCall(
        event.phone(),
        event.callId().orElse(null),
        state,
        event.remote().orElse(null),
        event.displayRemote().orElse(null),
        event.local().orElse(null),
        now,
        now,
        now);
  }

  /** This call after {@code event} put it in {@code next}: parties the event gives win. */
  SnomCall after(SnomEvent event, SnomCallState next, Instant now) {
    return new SnomCall(
        phone,
        callId,
        next,
        event.remote().orElse(remote),
        event.displayRemote().orElse(displayRemote),
        event.local().orElse(local),
        startedAt,
        next == state ? since : now,
        now);
  }

  /** This call, ended at {@code now}: state {@link SnomCallState#IDLE}. */
  SnomCall ended(Instant now) {
    return new SnomCall(
        phone,
        callId,
        SnomCallState.IDLE,
        remote,
        displayRemote,
        local,
        startedAt,
        now,
        lastEventAt);
  }

  /** {@return the phone, as in {@link SnomEvent#phone()}} */
  public String phone() {
    return phone;
  }

  /**
   * {@return the call's id ({@code $call-id}); absent for the one call the tracker keeps per phone
   * for events that came without an id}
   */
  public Optional<String> callId() {
    return Optional.ofNullable(callId);
  }

  /** {@return its state; {@link SnomCallState#IDLE} in a change that reports its end} */
  public SnomCallState state() {
    return state;
  }

  /** {@return the remote party ({@code $remote}) as the latest event that gave it said} */
  public Optional<String> remote() {
    return Optional.ofNullable(remote);
  }

  /** {@return the remote party's display name ({@code $display_remote}), if an event gave it} */
  public Optional<String> displayRemote() {
    return Optional.ofNullable(displayRemote);
  }

  /** {@return the local party ({@code $local}), if an event gave it} */
  public Optional<String> local() {
    return Optional.ofNullable(local);
  }

  /** {@return when the tracker first saw the call} */
  public Instant startedAt() {
    return startedAt;
  }

  /** {@return when it entered its current state (for an ended call: when it ended)} */
  public Instant since() {
    return since;
  }

  /** {@return when an event last named it; a call with no event for its timeout is dropped} */
  public Instant lastEventAt() {
    return lastEventAt;
  }

  /** Whether it is this call: the same id, or both without one. */
  boolean is(String id) {
    return Objects.equals(callId, id);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SnomCall c
        && phone.equals(c.phone)
        && Objects.equals(callId, c.callId)
        && state == c.state
        && Objects.equals(remote, c.remote)
        && Objects.equals(displayRemote, c.displayRemote)
        && Objects.equals(local, c.local)
        && startedAt.equals(c.startedAt)
        && since.equals(c.since)
        && lastEventAt.equals(c.lastEventAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(phone, callId, state, since);
  }

  /** The phone, call id, state and remote party. */
  @Override
  public String toString() {
    return "SnomCall["
        + phone
        + (callId != null ? " call " + callId : " call without id")
        + " "
        + state
        + (remote != null ? " remote " + remote : "")
        + " since "
        + since
        + "]";
  }
}
