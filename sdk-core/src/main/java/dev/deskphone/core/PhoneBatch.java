package dev.deskphone.core;

import dev.deskphone.core.internal.Checks;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Runs one operation on many phones with at most {@link Builder#concurrency} in flight, an optional
 * deadline for the whole batch and one per phone, and a per-phone outcome. A dead or slow phone
 * costs only its own slot until its own deadline: it never holds up the others.
 *
 * <pre>{@code
 * PhoneBatch batch = PhoneBatch.builder().concurrency(64).deadline(Duration.ofMinutes(2)).build();
 * BatchResult<SnomPhone, Void> result = batch.run(phones, SnomPhone::rebootAsync);
 * result.failed().forEach(f -> log.warn("{}: {}", f.phone(), f.error().getMessage()));
 * }</pre>
 *
 * <p>The operation is asynchronous: it starts the work and returns a {@link CompletionStage}
 * without blocking. When the batch deadline passes, operations in flight are cancelled and reported
 * as {@link PhoneTimeoutException} (they may have run), and phones not yet started are reported as
 * {@link BatchOutcome.NotStarted}. Nothing is ever retried.
 *
 * <p>Immutable and thread-safe; one instance may run many batches at once.
 */
public final class PhoneBatch {
  private final int concurrency;
  private final Duration deadline;
  private final Duration perPhoneTimeout;

  private PhoneBatch(Builder b) {
    this.concurrency = b.concurrency;
    this.deadline = b.deadline;
    this.perPhoneTimeout = b.perPhoneTimeout;
  }

  /**
   * {@return a builder: 16 in flight, no batch deadline, no per-phone timeout beyond the
   * transport's}
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs {@code operation} on every phone and waits for all outcomes.
   *
   * @param phones the phones
   * @param operation what to run on one phone
   * @param <P> the phone type
   * @param <R> the operation's result type
   * @return one outcome per phone, in input order
   */
  public <P, R> BatchResult<P, R> run(
      Collection<? extends P> phones, Function<? super P, ? extends CompletionStage<R>> operation) {
    return run(phones, operation, null);
  }

  /**
   * Like {@link #run(Collection, Function)}, reporting each outcome to {@code listener} (or to
   * none, if null) as it comes.
   *
   * @param phones the phones
   * @param operation what to run on one phone
   * @param listener told of each outcome as it comes, or {@code null}
   * @param <P> the phone type
   * @param <R> the operation's result type
   * @return one outcome per phone, in input order
   */
  public <P, R> BatchResult<P, R> run(
      Collection<? extends P> phones,
      Function<? super P, ? extends CompletionStage<R>> operation,
      BatchListener<P, R> listener) {
    CompletableFuture<BatchResult<P, R>> future = runAsync(phones, operation, listener);
    try {
      return future.join();
    } catch (RuntimeException e) {
      future.cancel(true);
      throw e;
    }
  }

  /**
   * Starts {@code operation} on the phones and returns at once. Cancelling the returned future
   * cancels the operations in flight and starts no more.
   *
   * @param phones the phones
   * @param operation starts the work for one phone without blocking
   * @param listener told each outcome as it comes, or null for none
   * @param <P> the phone type
   * @param <R> the operation's result type
   * @return the batch's result, complete once every phone has its outcome
   */
  public <P, R> CompletableFuture<BatchResult<P, R>> runAsync(
      Collection<? extends P> phones,
      Function<? super P, ? extends CompletionStage<R>> operation,
      BatchListener<P, R> listener) {
    Objects.requireNonNull(phones, "phones");
    Objects.requireNonNull(operation, "operation");
    List<P> list = List.copyOf(phones);
    return new BatchRun<P, R>(list, operation, listener, concurrency, deadline, perPhoneTimeout)
        .start();
  }

  /** {@return the most operations in flight at once} */
  public int concurrency() {
    return concurrency;
  }

  @Override
  public String toString() {
    return "PhoneBatch[concurrency="
        + concurrency
        + ", deadline="
        + deadline
        + ", perPhoneTimeout="
        + perPhoneTimeout
        + "]";
  }

  /** Builds a {@link PhoneBatch}. Not thread-safe. */
  public static final class Builder {
    private int concurrency = 16;
    private Duration deadline;
    private Duration perPhoneTimeout;

    private Builder() {}

    /**
     * The most operations in flight at once; 16 by default.
     *
     * @param concurrency 1 to 10 000
     * @return this builder
     */
    public Builder concurrency(int concurrency) {
      if (concurrency < 1 || concurrency > 10_000) {
        throw new IllegalArgumentException(
            "concurrency must be from 1 to 10000, was " + concurrency);
      }
      this.concurrency = concurrency;
      return this;
    }

    /**
     * The deadline for the whole batch, counted from its start.
     *
     * @param deadline positive
     * @return this builder
     */
    public Builder deadline(Duration deadline) {
      this.deadline = Checks.positive(deadline, "deadline");
      return this;
    }

    /**
     * The deadline for each phone's operation, counted from its start on that phone.
     *
     * @param perPhoneTimeout positive
     * @return this builder
     */
    public Builder perPhoneTimeout(Duration perPhoneTimeout) {
      this.perPhoneTimeout = Checks.positive(perPhoneTimeout, "perPhoneTimeout");
      return this;
    }

    /** {@return the batch runner} */
    public PhoneBatch build() {
      return new PhoneBatch(this);
    }
  }
}
