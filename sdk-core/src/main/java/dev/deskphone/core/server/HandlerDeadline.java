package dev.deskphone.core.server;

import dev.deskphone.core.internal.Deadlines;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;

/**
 * Who answers one request: the thread that runs the endpoint, or the handler deadline if that comes
 * first. Exactly one of them writes the answer.
 *
 * <p>At the deadline, while the endpoint is still running, its thread is interrupted and {@code
 * lateAnswer} runs on {@code late}, even when the endpoint ignores the interrupt; its answer, if it
 * ever comes, is dropped. An answer still being written at the deadline (a client that does not
 * read) gets {@code close} instead. Thread-safe.
 */
final class HandlerDeadline implements Runnable {
  private static final int HANDLING = 0;
  private static final int WRITING = 1;
  private static final int LATE = 2;
  private static final int DONE = 3;

  private final Thread thread = Thread.currentThread();
  private final Executor late;
  private final Runnable lateAnswer;
  private final Runnable close;
  private ScheduledFuture<?> timer; // read and written by the endpoint's thread only
  private int state = HANDLING;

  private HandlerDeadline(Executor late, Runnable lateAnswer, Runnable close) {
    this.late = late;
    this.lateAnswer = lateAnswer;
    this.close = close;
  }

  /** Starts the deadline for the calling thread, which is about to run the endpoint. */
  static HandlerDeadline start(
      Duration timeout, Executor late, Runnable lateAnswer, Runnable close) {
    HandlerDeadline deadline = new HandlerDeadline(late, lateAnswer, close);
    deadline.timer = Deadlines.schedule(timeout, deadline);
    return deadline;
  }

  /** The deadline passed: interrupt the endpoint's thread and answer late. */
  @Override
  public void run() {
    synchronized (this) {
      if (state == WRITING) {
        close.run();
      }
      if (state != HANDLING) {
        return;
      }
      state = LATE;
      thread.interrupt();
    }
    try {
      late.execute(lateAnswer);
    } catch (RejectedExecutionException e) {
      close.run(); // the server is closing
    }
  }

  /**
   * Called by the endpoint's thread with its answer.
   *
   * @return true if this thread writes it; false if the deadline answered (its interrupt is
   *     cleared)
   */
  synchronized boolean startWriting() {
    if (state == LATE) {
      Thread.interrupted();
      return false;
    }
    state = WRITING;
    return true;
  }

  /** Called by the endpoint's thread once its answer is written, or failed to be. */
  void done() {
    synchronized (this) {
      state = DONE;
    }
    timer.cancel(false);
  }
}
