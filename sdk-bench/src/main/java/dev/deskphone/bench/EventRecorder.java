package dev.deskphone.bench;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one listener both sides of the {@code events} harness call, the SDK's listener with each
 * {@code SnomEvent} and the bare handler straight from its request: records the time from the
 * moment the client sent the event ({@link System#nanoTime()} in the fired URL's {@code t}, the
 * same process) to this call. Thread-safe; read the figures once {@link #count()} says every event
 * of a round arrived.
 */
final class EventRecorder {
  private final long[] latencies;
  private final AtomicInteger slots = new AtomicInteger();
  private final AtomicInteger done = new AtomicInteger();

  EventRecorder(int capacity) {
    this.latencies = new long[capacity];
  }

  /** An event sent at {@code sentNanos} arrived. */
  void arrived(long sentNanos) {
    long took = System.nanoTime() - sentNanos;
    int i = slots.getAndIncrement();
    if (i < latencies.length) {
      latencies[i] = took;
    }
    done.incrementAndGet(); // after the write: whoever sees the count sees the latency
  }

  /** Events arrived since the last {@link #reset()}. */
  int count() {
    return done.get();
  }

  /** The {@code p}-th percentile of the latencies recorded, in microseconds. */
  double percentileMicros(double p) {
    int n = Math.min(count(), latencies.length);
    return n == 0 ? Double.NaN : Stats.percentile(latencies, n, p) / 1e3;
  }

  /** Forgets every event; only between rounds, with no event on its way. */
  void reset() {
    slots.set(0);
    done.set(0);
  }
}
