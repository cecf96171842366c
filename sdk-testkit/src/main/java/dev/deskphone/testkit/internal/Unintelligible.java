package dev.deskphone.testkit.internal;

/**
 * A request the fake snom phone could not understand or would not carry out, with the status it
 * answers and a reason for the test's eyes. Thrown and caught inside the fake only.
 */
public final class Unintelligible extends Exception {
  private static final long serialVersionUID = 1L;

  /** What a phone answers to a command it ignores: its normal page. */
  public static final int IGNORED = 200;

  private final int status;

  /** Not understood; answered with {@code status}. */
  public Unintelligible(int status, String reason) {
    super(reason, null, false, false);
    this.status = status;
  }

  /** A command the phone ignores (answered 200, like a phone showing its page). */
  public static Unintelligible ignored(String reason) {
    return new Unintelligible(IGNORED, reason);
  }

  /** A request a web server cannot even read (answered 400). */
  public static Unintelligible malformed(String reason) {
    return new Unintelligible(400, reason);
  }

  /** The status to answer. */
  public int status() {
    return status;
  }

  /** Why. */
  public String reason() {
    return getMessage();
  }
}
