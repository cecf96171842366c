package dev.deskphone.testkit;

import java.util.List;
import java.util.Objects;

/**
 * One call on a fake snom phone, as its switchboard sees it now: a snapshot.
 *
 * @param callId the call's id, the same on both phones of a call between fakes (what the phones put
 *     in {@code $call-id})
 * @param direction who placed it
 * @param remote the other side's number: a fake's extension or the number dialed
 * @param remoteDisplay the other side's display name (a fake's, or the number for a far end)
 * @param state where it is now
 * @param dtmfSent the DTMF digits this phone sent in the call, one entry per key or request
 * @param dtmfReceived the DTMF digits the other side sent in the call
 */
public record FakeCall(
    String callId,
    Direction direction,
    String remote,
    String remoteDisplay,
    State state,
    List<String> dtmfSent,
    List<String> dtmfReceived) {

  /** Who placed a call. */
  public enum Direction {
    /** The other side called this phone. */
    INCOMING,
    /** This phone called. */
    OUTGOING
  }

  /** Where a call is. */
  public enum State {
    /** Placed by this phone; the other side rings (or has not answered). */
    DIALING,
    /** Coming in; this phone rings. */
    RINGING,
    /** Both sides talk. */
    CONNECTED,
    /** This phone put it on hold. */
    ON_HOLD,
    /**
     * Over: hung up, rejected, missed or busy. Only in {@link FakeSnomPhone#endedCalls()}, never in
     * {@link FakeSnomPhone#calls()}.
     */
    ENDED
  }

  /**
   * Checks and copies.
   *
   * @param callId the call's id, the same on both phones of a call between fakes (what the phones
   *     put in {@code $call-id})
   * @param direction who placed it
   * @param remote the other side's number: a fake's extension or the number dialed
   * @param remoteDisplay the other side's display name (a fake's, or the number for a far end)
   * @param state where it is now
   * @param dtmfSent the DTMF digits this phone sent in the call, one entry per key or request
   * @param dtmfReceived the DTMF digits the other side sent in the call
   */
  public FakeCall {
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(remote, "remote");
    Objects.requireNonNull(remoteDisplay, "remoteDisplay");
    Objects.requireNonNull(state, "state");
    dtmfSent = List.copyOf(dtmfSent);
    dtmfReceived = List.copyOf(dtmfReceived);
  }
}
