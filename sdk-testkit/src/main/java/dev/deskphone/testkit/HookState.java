package dev.deskphone.testkit;

/**
 * The audio path of a {@link FakeSnomPhone}, in the fake's deliberately simple model: {@code
 * OFFHOOK} and {@code ONHOOK} keys set it; {@code SPEAKER} and {@code HEADSET} switch to that path,
 * or back on-hook when already on it; a dial goes {@code OFFHOOK} when on-hook; {@code CANCEL},
 * {@code DISCONNECT} and {@code RELEASE_ALL_CALLS} go back on-hook; a reboot or reset starts
 * on-hook.
 */
public enum HookState {
  /** Idle, handset down. */
  ONHOOK,
  /** Handset lifted (or a call started by a dial). */
  OFFHOOK,
  /** Hands-free. */
  SPEAKER,
  /** Headset. */
  HEADSET
}
