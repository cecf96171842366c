package dev.deskphone.testkit.internal;

/**
 * Where a fake snom phone's call-related commands go once carried out: its line on a switchboard.
 * Called by {@link PhoneState} under the phone's lock, in the order the phone carried them out; an
 * implementation never takes a phone's lock itself.
 */
public interface CallLine {
  /** A line that connects nowhere. */
  CallLine NONE = new CallLine() {};

  /** Key {@code key} was pressed. */
  default void pressed(String key) {}

  /** The phone dialed {@code number}. */
  default void dialed(String number) {}

  /** The phone sent DTMF {@code digits}. */
  default void dtmf(String digits) {}

  /** The phone released every call. */
  default void releasedAll() {}

  /** The phone went offline for a reboot or reset. */
  default void offline() {}

  /** The phone is back after a reboot or reset. */
  default void booted() {}
}
