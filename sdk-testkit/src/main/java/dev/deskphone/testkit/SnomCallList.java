package dev.deskphone.testkit;

/** The call lists of a {@link FakeSnomPhone}, each cleared by its {@code index.htm} command. */
public enum SnomCallList {
  /** Dialed numbers ({@code dialeddel=clear}); a remote dial adds to it. */
  DIALED,
  /** Missed calls ({@code misseddel=clear}). */
  MISSED,
  /** Received calls ({@code receiveddel=clear}). */
  RECEIVED
}
