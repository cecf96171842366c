package dev.deskphone.core.internal;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One daemon timer thread for every deadline the SDK sets. A task only completes a future; it never
 * blocks. Cancelled deadlines leave the queue at once, so finished requests hold no memory here.
 *
 * <p>A deadline that becomes the earliest in the queue wakes the timer thread; with every request
 * setting one and cancelling it a moment later, that would be a thread wake-up per request. So
 * while deadlines are pending, a pacer task due within a second stays at the head of the queue: the
 * timer thread then wakes about once a second, not once per request. The pacer stops when the queue
 * is otherwise empty.
 */
public final class Deadlines {
  private static final long PACE_NANOS = TimeUnit.SECONDS.toNanos(1);
  private static final ScheduledThreadPoolExecutor TIMER = newTimer();
  private static final AtomicBoolean PACING = new AtomicBoolean();

  private Deadlines() {}

  /** Runs {@code task} after {@code delay} unless the returned future is cancelled first. */
  public static ScheduledFuture<?> schedule(Duration delay, Runnable task) {
    long nanos = delay.toNanos();
    if (nanos > PACE_NANOS && PACING.compareAndSet(false, true)) {
      TIMER.schedule(Deadlines::pace, PACE_NANOS, TimeUnit.NANOSECONDS);
    }
    return TIMER.schedule(task, nanos, TimeUnit.NANOSECONDS);
  }

  private static void pace() {
    if (TIMER.getQueue().isEmpty()) {
      PACING.set(false); // the next deadline starts it again
    } else {
      TIMER.schedule(Deadlines::pace, PACE_NANOS, TimeUnit.NANOSECONDS);
    }
  }

  /** How many tasks wait in the timer queue, the pacer included; for tests. */
  static int queued() {
    return TIMER.getQueue().size();
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
