package dev.deskphone.core;

import java.util.Objects;

/**
 * What one operation of a {@link PhoneBatch} came to on one phone: it succeeded, it failed, or it
 * never started because the batch's deadline passed or the batch was cancelled first.
 *
 * @param <P> the phone type
 * @param <R> the operation's result type
 */
public sealed interface BatchOutcome<P, R> {

  /** {@return the phone this outcome belongs to} */
  P phone();

  /** {@return whether the operation succeeded} */
  default boolean isSuccess() {
    return this instanceof Succeeded;
  }

  /**
   * The operation completed normally.
   *
   * @param phone the phone
   * @param value the operation's result, possibly {@code null} (for {@code Void} operations)
   * @param <P> the phone type
   * @param <R> the result type
   */
  record Succeeded<P, R>(P phone, R value) implements BatchOutcome<P, R> {
    /**
     * Checks the phone is non-null.
     *
     * @param phone the phone
     * @param value the operation's result, possibly {@code null}
     */
    public Succeeded {
      Objects.requireNonNull(phone, "phone");
    }
  }

  /**
   * The operation failed. The error is a {@link PhoneException} unless the operation itself threw
   * something else; {@link PhoneOutcomeUnknownException} means the command may have run.
   *
   * @param phone the phone
   * @param error why
   * @param <P> the phone type
   * @param <R> the result type
   */
  record Failed<P, R>(P phone, Throwable error) implements BatchOutcome<P, R> {
    /**
     * Checks both parts are non-null.
     *
     * @param phone the phone
     * @param error why
     */
    public Failed {
      Objects.requireNonNull(phone, "phone");
      Objects.requireNonNull(error, "error");
    }
  }

  /**
   * The operation was never started on this phone: nothing was sent to it.
   *
   * @param phone the phone
   * @param reason why, for example the batch's deadline passed
   * @param <P> the phone type
   * @param <R> the result type
   */
  record NotStarted<P, R>(P phone, String reason) implements BatchOutcome<P, R> {
    /**
     * Checks both parts are non-null.
     *
     * @param phone the phone
     * @param reason why
     */
    public NotStarted {
      Objects.requireNonNull(phone, "phone");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
