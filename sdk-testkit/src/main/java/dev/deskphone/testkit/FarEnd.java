package dev.deskphone.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * How a number no fake phone owns behaves when a fake dials it on a {@link Switchboard}: the
 * simulated far end of the call. Immutable.
 */
public final class FarEnd {
  enum Kind {
    ANSWERS,
    BUSY,
    NO_ANSWER
  }

  private static final FarEnd ANSWERS = new FarEnd(Kind.ANSWERS, Duration.ZERO);
  private static final FarEnd BUSY = new FarEnd(Kind.BUSY, Duration.ZERO);
  private static final FarEnd NO_ANSWER = new FarEnd(Kind.NO_ANSWER, Duration.ZERO);

  private final Kind kind;
  private final Duration delay;

  private FarEnd(Kind kind, Duration delay) {
    this.kind = kind;
    this.delay = delay;
  }

  /**
   * Answers at once (the default far end).
   *
   * @return a far end that answers at once
   */
  public static FarEnd answers() {
    return ANSWERS;
  }

  /**
   * Rings for {@code delay}, then answers (real time, from the dial).
   *
   * @param delay how long it rings; zero or more
   * @return a far end that answers after {@code delay}
   * @throws IllegalArgumentException if {@code delay} is negative
   */
  public static FarEnd answersAfter(Duration delay) {
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("answer delay must not be negative, was " + delay);
    }
    return delay.isZero() ? ANSWERS : new FarEnd(Kind.ANSWERS, delay);
  }

  /**
   * Is busy: the call ends at once, before it rings.
   *
   * @return a busy far end
   */
  public static FarEnd busy() {
    return BUSY;
  }

  /**
   * Rings and never answers, until the caller hangs up.
   *
   * @return a far end that never answers
   */
  public static FarEnd noAnswer() {
    return NO_ANSWER;
  }

  Kind kind() {
    return kind;
  }

  Duration delay() {
    return delay;
  }

  @Override
  public String toString() {
    return switch (kind) {
      case ANSWERS -> delay.isZero() ? "FarEnd[answers]" : "FarEnd[answers after " + delay + "]";
      case BUSY -> "FarEnd[busy]";
      case NO_ANSWER -> "FarEnd[no answer]";
    };
  }
}
