package dev.deskphone.snom;

/** The call lists a snom phone keeps and {@link SnomCommand#clearCallList} clears. */
public enum CallList {
  /** Numbers dialed from the phone. */
  DIALED("dialeddel"),
  /** Calls that were not answered. */
  MISSED("misseddel"),
  /** Calls that were answered. */
  RECEIVED("receiveddel");

  private final String parameter;

  CallList(String parameter) {
    this.parameter = parameter;
  }

  /** The {@code index.htm} query parameter that clears it, for example {@code misseddel}. */
  String parameter() {
    return parameter;
  }
}
