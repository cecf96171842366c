package dev.deskphone.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * One way for a fake phone to misbehave on a request, for {@link Faults}. Immutable and
 * thread-safe.
 *
 * <p>Two kinds. <b>Connection faults</b> ({@link #closeBeforeReading()}, {@link
 * #tlsHandshakeFailure()}) strike before a request is read: nothing reaches the phone and nothing
 * is recorded. <b>Answer faults</b> (all others) strike after the request was read and carried out
 * as usual, recorded in the journal included: only the answer goes wrong, as when a phone did the
 * command and the network lost its reply. Delays are in real time, since they exist to make clients
 * time out.
 */
public final class Fault {
  enum Kind {
    CLOSE_BEFORE_READING(true),
    TLS_HANDSHAKE_FAILURE(true),
    CLOSE_WITHOUT_ANSWER(false),
    NEVER_ANSWER(false),
    HEADERS_THEN_STALL(false),
    SLOW_BODY(false),
    DELAY(false),
    RESET(false),
    EMPTY_RESPONSE(false),
    GARBAGE_RESPONSE(false),
    STATUS(false);

    final boolean beforeReading;

    Kind(boolean beforeReading) {
      this.beforeReading = beforeReading;
    }
  }

  private final Kind kind;
  private final Duration time;
  private final int status;

  private Fault(Kind kind, Duration time, int status) {
    this.kind = kind;
    this.time = time;
    this.status = status;
  }

  private static Fault of(Kind kind) {
    return new Fault(kind, Duration.ZERO, 0);
  }

  /**
   * Closes a connection before reading its request (the client's write or read fails).
   *
   * @return the fault
   */
  public static Fault closeBeforeReading() {
    return of(Kind.CLOSE_BEFORE_READING);
  }

  /**
   * Fails the TLS handshake of a connection (the fake offers only a protocol no client accepts).
   * For https fakes only.
   *
   * @return the fault
   */
  public static Fault tlsHandshakeFailure() {
    return of(Kind.TLS_HANDSHAKE_FAILURE);
  }

  /**
   * Reads and carries out the request, then closes the connection without a byte of answer.
   *
   * @return the fault
   */
  public static Fault closeWithoutAnswer() {
    return of(Kind.CLOSE_WITHOUT_ANSWER);
  }

  /**
   * Reads and carries out the request, then never answers (until the fake closes).
   *
   * @return the fault
   */
  public static Fault neverAnswer() {
    return of(Kind.NEVER_ANSWER);
  }

  /**
   * Writes the answer's status line and headers, then stalls before the body.
   *
   * @return the fault
   */
  public static Fault headersThenStall() {
    return of(Kind.HEADERS_THEN_STALL);
  }

  /**
   * Writes the answer's head at once, then its body one byte per {@code pause} (real time).
   *
   * @param pause the pause between bytes
   * @return the fault
   */
  public static Fault slowBody(Duration pause) {
    return new Fault(Kind.SLOW_BODY, positive(pause, "pause"), 0);
  }

  /**
   * Writes the answer after {@code delay} (real time).
   *
   * @param delay how long to wait before answering
   * @return the fault
   */
  public static Fault delay(Duration delay) {
    return new Fault(Kind.DELAY, positive(delay, "delay"), 0);
  }

  /**
   * Resets the connection (TCP RST) instead of answering.
   *
   * @return the fault
   */
  public static Fault reset() {
    return of(Kind.RESET);
  }

  /**
   * Answers {@code 200} with no body and no content type instead of the real answer.
   *
   * @return the fault
   */
  public static Fault emptyResponse() {
    return of(Kind.EMPTY_RESPONSE);
  }

  /**
   * Writes bytes that are not HTTP, then closes.
   *
   * @return the fault
   */
  public static Fault garbageResponse() {
    return of(Kind.GARBAGE_RESPONSE);
  }

  /**
   * Answers {@code status} (100 to 599) with an empty body instead of the real answer.
   *
   * @param status the status code, 100 to 599
   * @return the fault
   */
  public static Fault status(int status) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status must be from 100 to 599, was " + status);
    }
    return new Fault(Kind.STATUS, Duration.ZERO, status);
  }

  /**
   * {@return whether it strikes before the request is read (nothing carried out, nothing recorded)}
   */
  public boolean beforeReading() {
    return kind.beforeReading;
  }

  Kind kind() {
    return kind;
  }

  Duration time() {
    return time;
  }

  int statusCode() {
    return status;
  }

  private static Duration positive(Duration d, String what) {
    Objects.requireNonNull(d, what);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(what + " must be positive, got " + d);
    }
    return d;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fault f && f.kind == kind && f.time.equals(time) && f.status == status;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, time, status);
  }

  /** For example {@code Fault[RESET]} or {@code Fault[SLOW_BODY PT0.1S]}. */
  @Override
  public String toString() {
    return "Fault["
        + kind
        + (time.isZero() ? "" : " " + time)
        + (status == 0 ? "" : " " + status)
        + "]";
  }
}
