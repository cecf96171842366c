package dev.deskphone.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Retained heap by difference: {@link System#gc()} three times with short pauses, then {@link
 * MemoryMXBean} used heap; the figure is (after - before) / N with the N instances still strongly
 * reachable.
 */
final class Heap {
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  private Heap() {}

  /** The used heap in bytes after three full collections. */
  static long settledUsed() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return MEMORY.getHeapMemoryUsage().getUsed();
  }
}
