package dev.deskphone.core.internal;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One daemon timer thread for every deadline the SDK sets. A task only completes a future; it never
 * blocks. Cancelled deadlines leave the queue at once, so finished requests hold no memory here.
 */
public final class Deadlines {
  private static final ScheduledThreadPoolExecutor TIMER = newTimer();

  private Deadlines() {}

  /** Runs {@code task} after {@code delay} unless the returned future is cancelled first. */
  public static ScheduledFuture<?> schedule(Duration delay, Runnable task) {
    return TIMER.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
  }

  private static ScheduledThreadPoolExecutor newTimer() {
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "deskphone-deadlines");
              t.setDaemon(true);
              return t;
            });
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }
}
