package dev.deskphone.core;

import dev.deskphone.core.internal.Deadlines;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a {@code PhoneBatch}: starts operations up to the concurrency cap, starts the next one
 * as each finishes, and records one outcome per phone exactly once.
 *
 * <p>Starting is serialised by a work-in-progress counter rather than a lock or recursion, so an
 * operation that completes synchronously (a validation error, say) neither deadlocks nor grows the
 * stack, however many phones there are.
 */
final class BatchRun<P, R> {
  private static final Logger LOG = LoggerFactory.getLogger(BatchRun.class);

  private final List<P> phones;
  private final Function<? super P, ? extends CompletionStage<R>> operation;
  private final BatchListener<P, R> listener;
  private final int concurrency;
  private final Duration deadline;
  private final Duration perPhoneTimeout;

  private final CompletableFuture<BatchResult<P, R>> result = new CompletableFuture<>();
  private final AtomicInteger wip = new AtomicInteger();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger completed = new AtomicInteger();
  private final BatchOutcome<P, R>[] outcomes;
  private final AtomicReferenceArray<CompletableFuture<?>> running;
  private final AtomicReferenceArray<String> cancelReasons;
  private final Object listenerLock = new Object();
  private int next;
  private volatile String stopReason;
  private volatile ScheduledFuture<?> deadlineTimer;

  /** Prepares a run; {@link #start()} begins it. */
  @SuppressWarnings("unchecked")
  BatchRun(
      List<P> phones,
      Function<? super P, ? extends CompletionStage<R>> operation,
      BatchListener<P, R> listener,
      int concurrency,
      Duration deadline,
      Duration perPhoneTimeout) {
    this.phones = phones;
    this.operation = operation;
    this.listener = listener;
    this.concurrency = concurrency;
    this.deadline = deadline;
    this.perPhoneTimeout = perPhoneTimeout;
    @SuppressWarnings("unchecked") // an array of a generic type; it never leaves this class
    BatchOutcome<P, R>[] slots = (BatchOutcome<P, R>[]) new BatchOutcome<?, ?>[phones.size()];
    this.outcomes = slots;
    this.running = new AtomicReferenceArray<>(phones.size());
    this.cancelReasons = new AtomicReferenceArray<>(phones.size());
  }

  /** Starts the run; the future completes when every phone has its outcome. */
  CompletableFuture<BatchResult<P, R>> start() {
    if (phones.isEmpty()) {
      result.complete(new BatchResult<>(List.of()));
      return result;
    }
    result.whenComplete(
        (r, e) -> {
          if (e instanceof CancellationException) {
            stop("the batch was cancelled");
          }
        });
    if (deadline != null) {
      deadlineTimer =
          Deadlines.schedule(
              deadline, () -> stop("the batch deadline of " + deadline.toMillis() + " ms passed"));
    }
    pump();
    return result;
  }

  private void pump() {
    if (wip.getAndIncrement() != 0) {
      return;
    }
    do {
      while (stopReason == null && next < phones.size() && inFlight.get() < concurrency) {
        int index = next++;
        inFlight.incrementAndGet();
        launch(index);
      }
      if (stopReason != null) {
        while (next < phones.size()) {
          int index = next++;
          record(index, new BatchOutcome.NotStarted<>(phones.get(index), stopReason));
        }
      }
    } while (wip.decrementAndGet() != 0);
  }

  private void launch(int index) {
    P phone = phones.get(index);
    CompletableFuture<R> op;
    try {
      op = operation.apply(phone).toCompletableFuture();
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable e) {
      op = CompletableFuture.failedFuture(e);
    }
    running.set(index, op);
    if (stopReason != null) {
      cancelInFlight(index, stopReason);
    }
    ScheduledFuture<?> timer = null;
    if (perPhoneTimeout != null) {
      CompletableFuture<R> target = op;
      timer =
          Deadlines.schedule(
              perPhoneTimeout,
              () ->
                  cancel(
                      index,
                      target,
                      "no outcome within the per-phone timeout of "
                          + perPhoneTimeout.toMillis()
                          + " ms"));
    }
    ScheduledFuture<?> phoneTimer = timer;
    op.whenComplete(
        (value, error) -> {
          if (phoneTimer != null) {
            phoneTimer.cancel(false);
          }
          running.set(index, null);
          record(
              index,
              error == null
                  ? new BatchOutcome.Succeeded<>(phone, value)
                  : new BatchOutcome.Failed<>(phone, failure(index, error)));
          inFlight.decrementAndGet();
          pump();
        });
  }

  private void stop(String reason) {
    if (stopReason != null) {
      return;
    }
    stopReason = reason;
    for (int i = 0; i < running.length(); i++) {
      cancelInFlight(i, reason);
    }
    pump();
  }

  private void cancelInFlight(int index, String reason) {
    CompletableFuture<?> op = running.get(index);
    if (op != null) {
      cancel(index, op, reason + " while it was in flight");
    }
  }

  /** Cancels so a transport aborts the exchange; {@link #failure} turns it into a timeout. */
  private void cancel(int index, CompletableFuture<?> op, String reason) {
    cancelReasons.compareAndSet(index, null, reason);
    op.cancel(true);
  }

  private void record(int index, BatchOutcome<P, R> outcome) {
    outcomes[index] = outcome;
    int done;
    synchronized (listenerLock) {
      done = completed.incrementAndGet();
      if (listener != null) {
        try {
          listener.onOutcome(outcome, done, phones.size());
        } catch (RuntimeException e) {
          LOG.warn("batch listener failed; ignored", e);
        }
      }
    }
    if (done == phones.size()) {
      ScheduledFuture<?> timer = deadlineTimer;
      if (timer != null) {
        timer.cancel(false);
      }
      result.complete(new BatchResult<>(Arrays.asList(outcomes)));
    }
  }

  private Throwable failure(int index, Throwable error) {
    Throwable t = error;
    while (t instanceof CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof CancellationException) {
      String reason = cancelReasons.get(index);
      return new PhoneTimeoutException(
          String.valueOf(phones.get(index)),
          "batch operation",
          (reason == null ? "cancelled" : reason) + "; it may have run",
          null);
    }
    return t;
  }
}
