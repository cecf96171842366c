package dev.deskphone.snom;

import static dev.deskphone.snom.SnomCallState.CONNECTED;
import static dev.deskphone.snom.SnomCallState.DIALING;
import static dev.deskphone.snom.SnomCallState.IDLE;
import static dev.deskphone.snom.SnomCallState.OFF_HOOK;
import static dev.deskphone.snom.SnomCallState.ON_HOLD;
import static dev.deskphone.snom.SnomCallState.RINGING;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * One phone's calls, off-hook time and recently ended call ids, and the rules that move them on an
 * event or a timeout (the table in {@link SnomCallTracker}'s Javadoc). Each method adds the changes
 * it makes to {@code out}: call changes first, then the phone's. Not thread-safe: {@link
 * SnomCallTracker} guards it.
 */
final class PhoneCalls {
  /** The most calls kept per phone; a phone has a few, so more means lost ends (or a bug). */
  static final int MAX_CALLS = 32;

  private static final SnomCall[] NO_CALLS = {};
  private static final long ON_HOOK = Long.MIN_VALUE;

  private final String phone;
  private SnomCall[] calls = NO_CALLS; // oldest first
  private long offHookAt = ON_HOOK;
  private EndedCalls ended; // null until a call ends

  PhoneCalls(String phone) {
    this.phone = phone;
  }

  SnomCallState state() {
    if (calls.length == 0) {
      return offHookAt == ON_HOOK ? IDLE : OFF_HOOK;
    }
    SnomCallState most = IDLE;
    for (SnomCall c : calls) {
      if (c.state().activity() > most.activity()) {
        most = c.state();
      }
    }
    return most;
  }

  List<SnomCall> calls() {
    return List.of(calls);
  }

  int endedKept() {
    return ended == null ? 0 : ended.size();
  }

  /** Whether nothing is left worth keeping: no call, on hook, no recently ended id. */
  boolean isEmpty() {
    return calls.length == 0 && offHookAt == ON_HOOK && ended == null;
  }

  void apply(SnomEvent event, Instant now, List<SnomCallChange> out) {
    SnomCallState before = state();
    String id = event.callId().orElse(null);
    SnomEventType type = event.type().orElse(null);
    boolean ends = type == SnomEventType.DISCONNECTED || type == SnomEventType.MISSED;
    if (ends) {
      end(id, event, now, out);
    }
    if (event.ongoingCalls().orElse(-1) == 0) {
      // The phone says it has no call: any other call left here lost its end event.
      boolean own = !ends && isCallEvent(type);
      drop(c -> !(own && c.is(id)), event, now, out);
    }
    if (type != null) {
      switch (type) {
        case INCOMING -> start(id, RINGING, event, now, out);
        case OUTGOING -> start(id, DIALING, event, now, out);
        case SETUP -> {
          // The phone has just booted: whatever calls were known here are gone.
          offHookAt = ON_HOOK;
          drop(c -> true, event, now, out);
        }
        case CONNECTED -> establish(id, CONNECTED, false, event, now, out);
        case HOLD -> establish(id, ON_HOLD, true, event, now, out);
        case UNHOLD -> establish(id, CONNECTED, true, event, now, out);
        case OFFHOOK -> {
          if (calls.length == 0) {
            offHookAt = now.toEpochMilli();
          }
        }
        case ONHOOK -> {
          offHookAt = ON_HOOK;
          drop(c -> c.state() == DIALING, event, now, out);
        }
        default -> {}
      }
    }
    phoneChange(before, event, now, out);
  }

  /** Drops calls with no event for their timeout, leaves a stale off hook, forgets old ends. */
  void expire(Instant now, long ringingMillis, long connectedMillis, List<SnomCallChange> out) {
    SnomCallState before = state();
    long t = now.toEpochMilli();
    drop(
        c ->
            t - c.lastEventAt().toEpochMilli()
                >= (c.state().unanswered() ? ringingMillis : connectedMillis),
        null,
        now,
        out);
    if (offHookAt != ON_HOOK && t - offHookAt >= ringingMillis) {
      offHookAt = ON_HOOK;
    }
    if (ended != null) {
      ended.prune(t);
      if (ended.size() == 0) {
        ended = null;
      }
    }
    phoneChange(before, null, now, out);
  }

  /** incoming, outgoing ({@code next} null: dialing if new, else unchanged). */
  private void start(
      String id, SnomCallState next, SnomEvent event, Instant now, List<SnomCallChange> out) {
    if (endedBefore(id, true, now)) {
      return;
    }
    int i = indexOf(id);
    if (i < 0) {
      SnomCall call = SnomCall.start(event, next == null ? DIALING : next, now);
      if (call.state() == RINGING && call.remote().isPresent()) {
        // The same party calling again: its earlier call was rejected (CANCEL sends no event).
        drop(c -> c.state() == RINGING && c.remote().equals(call.remote()), event, now, out);
      }
      add(call, event, now, out);
    } else if (calls[i].state().unanswered()) {
      replace(
          i, calls[i].after(event, next == null ? calls[i].state() : next, now), event, now, out);
    }
    // else: late; an answered call does not ring or dial again
  }

  /** connected (keeps an answered call's state), hold and unhold (set it). */
  private void establish(
      String id,
      SnomCallState next,
      boolean toggles,
      SnomEvent event,
      Instant now,
      List<SnomCallChange> out) {
    if (endedBefore(id, false, now)) {
      return;
    }
    int i = indexOf(id);
    if (i < 0) {
      add(SnomCall.start(event, next, now), event, now, out);
    } else {
      SnomCallState current = calls[i].state();
      replace(
          i,
          calls[i].after(event, toggles || current.unanswered() ? next : current, now),
          event,
          now,
          out);
    }
  }

  /** disconnected, missed: the call goes and its id is kept, so a late event cannot revive it. */
  private void end(String id, SnomEvent event, Instant now, List<SnomCallChange> out) {
    drop(c -> c.is(id), event, now, out);
    if (ended == null) {
      ended = new EndedCalls();
    }
    ended.add(id == null ? EndedCalls.NO_ID : id, now.toEpochMilli());
  }

  /**
   * Whether the call ended lately. For the call without an id, a new incoming or outgoing event
   * starts a new one; only the other events count as late.
   */
  private boolean endedBefore(String id, boolean starts, Instant now) {
    if (ended == null) {
      return false;
    }
    if (id == null && starts) {
      ended.remove(EndedCalls.NO_ID);
      return false;
    }
    return ended.contains(id == null ? EndedCalls.NO_ID : id, now.toEpochMilli());
  }

  private void add(SnomCall call, SnomEvent event, Instant now, List<SnomCallChange> out) {
    if (calls.length == MAX_CALLS) {
      SnomCall stalest = calls[0];
      for (SnomCall c : calls) {
        if (c.lastEventAt().isBefore(stalest.lastEventAt())) {
          stalest = c;
        }
      }
      SnomCall gone = stalest;
      drop(c -> c == gone, event, now, out);
    }
    calls = Arrays.copyOf(calls, calls.length + 1);
    calls[calls.length - 1] = call;
    offHookAt = ON_HOOK;
    out.add(new SnomCallChange(phone, call, IDLE, call.state(), event, now));
  }

  private void replace(
      int i, SnomCall call, SnomEvent event, Instant now, List<SnomCallChange> out) {
    SnomCall old = calls[i];
    calls[i] = call;
    if (old.state() != call.state()) {
      out.add(new SnomCallChange(phone, call, old.state(), call.state(), event, now));
    }
  }

  private void drop(
      Predicate<SnomCall> gone, SnomEvent event, Instant now, List<SnomCallChange> out) {
    int kept = 0;
    for (SnomCall c : calls) {
      if (gone.test(c)) {
        out.add(new SnomCallChange(phone, c.ended(now), c.state(), IDLE, event, now));
      } else {
        calls[kept++] = c;
      }
    }
    if (kept < calls.length) {
      calls = kept == 0 ? NO_CALLS : Arrays.copyOf(calls, kept);
    }
  }

  private int indexOf(String id) {
    for (int i = 0; i < calls.length; i++) {
      if (calls[i].is(id)) {
        return i;
      }
    }
    return -1;
  }

  private void phoneChange(
      SnomCallState before, SnomEvent event, Instant now, List<SnomCallChange> out) {
    SnomCallState after = state();
    if (after != before) {
      out.add(new SnomCallChange(phone, null, before, after, event, now));
    }
  }

  private static boolean isCallEvent(SnomEventType type) {
    return type == SnomEventType.INCOMING
        || type == SnomEventType.OUTGOING
        || type == SnomEventType.CONNECTED
        || type == SnomEventType.HOLD
        || type == SnomEventType.UNHOLD;
  }
}
