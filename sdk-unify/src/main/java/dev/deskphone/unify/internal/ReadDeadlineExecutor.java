package dev.deskphone.unify.internal;

import dev.deskphone.core.internal.DeadlineInterrupt;
import dev.deskphone.core.internal.Deadlines;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * The JDK HTTP server's executor, with a deadline for reading each request. The JDK server reads
 * the request line and headers on the executor's thread, from a blocking channel, with no time
 * limit unless a JVM-wide system property sets one. Here every exchange gets its own deadline: if
 * the handler has not {@linkplain #markRead() marked} the request as read (headers and body) by
 * then, the thread is interrupted, which closes the blocking channel and so the slow connection.
 *
 * <p>The pool is bounded; when it and its queue are full the JDK server closes the new connection.
 * Thread-safe.
 */
public final class ReadDeadlineExecutor implements Executor {
  private static final ThreadLocal<Guard> CURRENT = new ThreadLocal<>();

  private final ThreadPoolExecutor pool;
  private final Duration readTimeout;

  /** Runs exchanges on {@code pool}, each with {@code readTimeout} to be read. */
  public ReadDeadlineExecutor(ThreadPoolExecutor pool, Duration readTimeout) {
    this.pool = pool;
    this.readTimeout = readTimeout;
  }

  @Override
  public void execute(Runnable exchange) {
    pool.execute(new Guard(exchange));
  }

  /**
   * Marks the current exchange's request as read, ending its read deadline.
   *
   * @return false if the deadline already passed (the connection is being closed)
   */
  public static boolean markRead() {
    Guard guard = CURRENT.get();
    return guard == null || guard.markRead();
  }

  private final class Guard implements Runnable {
    private final Runnable exchange;
    private DeadlineInterrupt interrupt;

    Guard(Runnable exchange) {
      this.exchange = exchange;
    }

    @Override
    public void run() {
      interrupt = new DeadlineInterrupt();
      CURRENT.set(this);
      ScheduledFuture<?> deadline = Deadlines.schedule(readTimeout, interrupt::fire);
      try {
        exchange.run();
      } finally {
        deadline.cancel(false);
        interrupt.disarm();
        CURRENT.remove();
        // No interrupt, the deadline's or any other, may reach the next exchange on this thread.
        Thread.interrupted();
      }
    }

    boolean markRead() {
      return !interrupt.disarm();
    }
  }
}
