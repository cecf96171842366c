package dev.deskphone.snom;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Hands events to the listeners on a small pool of daemon threads, off the request's thread: one
 * queue per phone, drained by at most one thread at a time, so each phone's events arrive in order
 * while different phones run in parallel, and a listener that blocks holds up its own phone and one
 * thread only. At most {@code maxPending} events wait in all queues together; beyond that a new
 * event is dropped and counted. A phone's queue exists only while it has events, so memory follows
 * the backlog, not the number of phones ever seen. Thread-safe.
 */
final class EventDispatcher {
  /** Events one phone gets in a row before its queue goes to the back of the pool's line. */
  private static final int BATCH = 64;

  private final List<SnomEventListener> listeners;
  private final int maxPending;
  private final ThreadPoolExecutor pool;
  private final IntervalLog droppedLog;
  private final IntervalLog failedLog;
  private final ConcurrentHashMap<String, ArrayDeque<SnomEvent>> queues = new ConcurrentHashMap<>();
  private final AtomicInteger pending = new AtomicInteger();
  private final LongAdder delivered = new LongAdder();
  private final LongAdder dropped = new LongAdder();
  private final LongAdder failures = new LongAdder();

  EventDispatcher(
      List<SnomEventListener> listeners,
      int threads,
      int maxPending,
      IntervalLog droppedLog,
      IntervalLog failedLog) {
    this.listeners = List.copyOf(listeners);
    this.maxPending = maxPending;
    this.droppedLog = droppedLog;
    this.failedLog = failedLog;
    AtomicInteger n = new AtomicInteger();
    // At most one task per phone with events waiting, so the task queue is bounded by the backlog.
    this.pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "deskphone-snom-events-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    pool.allowCoreThreadTimeOut(true);
  }

  /**
   * Queues {@code event} for its phone's listeners, or drops and counts it when the backlog is full
   * or the dispatcher is closed. Never blocks.
   *
   * @return whether it was queued
   */
  boolean offer(SnomEvent event) {
    if (pending.incrementAndGet() > maxPending || pool.isShutdown()) {
      pending.decrementAndGet();
      drop(event, pool.isShutdown() ? "closed" : "backlog of " + maxPending + " full");
      return false;
    }
    boolean[] first = new boolean[1];
    queues.compute(
        event.phone(),
        (phone, queue) -> {
          if (queue == null) {
            queue = new ArrayDeque<>();
            first[0] = true;
          }
          queue.add(event);
          return queue;
        });
    if (first[0]) {
      schedule(event.phone());
    }
    return true;
  }

  private void schedule(String phone) {
    try {
      pool.execute(() -> drain(phone));
    } catch (RejectedExecutionException closed) {
      discard(phone);
    }
  }

  private void drain(String phone) {
    for (int i = 0; i < BATCH; i++) {
      SnomEvent event = next(phone);
      if (event == null) {
        return;
      }
      if (pool.isShutdown()) {
        drop(event, "closed");
      } else {
        deliver(event);
      }
    }
    schedule(phone);
  }

  /**
   * Takes the phone's next event, removing its queue once empty, in one step with {@link #offer}.
   */
  private SnomEvent next(String phone) {
    SnomEvent[] next = new SnomEvent[1];
    queues.computeIfPresent(
        phone,
        (p, queue) -> {
          next[0] = queue.poll();
          return next[0] == null ? null : queue;
        });
    if (next[0] != null) {
      pending.decrementAndGet();
    }
    return next[0];
  }

  private void deliver(SnomEvent event) {
    for (SnomEventListener listener : listeners) {
      try {
        listener.onEvent(event);
      } catch (Throwable t) { // even an Error: the phone's queue must keep moving
        failures.increment();
        failedLog.record("listener " + listener.getClass().getName() + " threw on " + event, t);
      }
    }
    delivered.increment();
  }

  private void drop(SnomEvent event, String why) {
    dropped.increment();
    droppedLog.record(event + " (" + why + ")", null);
  }

  private void discard(String phone) {
    for (SnomEvent e = next(phone); e != null; e = next(phone)) {
      drop(e, "closed");
    }
  }

  /** Events waiting in all queues. */
  int pending() {
    return pending.get();
  }

  long delivered() {
    return delivered.sum();
  }

  long dropped() {
    return dropped.sum();
  }

  long failures() {
    return failures.sum();
  }

  /**
   * Takes no more events, drops (and counts) those still waiting, interrupts running listeners and
   * waits up to {@code waitMillis} for them to return.
   */
  void close(long waitMillis) {
    pool.shutdownNow();
    for (String phone : queues.keySet()) {
      discard(phone);
    }
    try {
      pool.awaitTermination(waitMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
