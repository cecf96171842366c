package dev.deskphone.snom;

/**
 * What a snom phone, or one of its calls, is doing, as {@link SnomCallTracker} follows it from the
 * phone's action-URL events. Only what the events can tell: the tracker sees neither the handset
 * after a call nor the digits being entered.
 *
 * <p>A phone with several calls is in the state of its most active call, in this order: {@link
 * #CONNECTED}, {@link #DIALING}, {@link #RINGING}, {@link #ON_HOLD}; with none, {@link #OFF_HOOK}
 * or {@link #IDLE}.
 */
public enum SnomCallState {
  /** A phone: no call, and not off hook as far as its events tell. A call: it ended. */
  IDLE,
  /**
   * A phone only: it sent {@code offhook} and has no call yet (dial tone, a number being entered).
   * Ends with {@code onhook}, with the first call, or after the ringing timeout.
   */
  OFF_HOOK,
  /** A call this phone placed ({@code outgoing}), not answered yet. */
  DIALING,
  /** A call coming in ({@code incoming}), not answered yet. */
  RINGING,
  /** A call in conversation ({@code connected}, or {@code unhold}). */
  CONNECTED,
  /** A call this phone put on hold ({@code hold}). */
  ON_HOLD;

  /** Whether a call in this state has not been answered yet: the ringing timeout applies. */
  boolean unanswered() {
    return this == DIALING || this == RINGING;
  }

  /** How active a call in this state is, to pick the phone's state among several calls. */
  int activity() {
    return switch (this) {
      case CONNECTED -> 5;
      case DIALING -> 4;
      case RINGING -> 3;
      case ON_HOLD -> 2;
      case OFF_HOOK -> 1;
      case IDLE -> 0;
    };
  }
}
