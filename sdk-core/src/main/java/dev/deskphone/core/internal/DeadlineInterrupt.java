package dev.deskphone.core.internal;

/**
 * Interrupts a thread when its deadline passes, and never once the thread has moved on: the thread
 * disarms it on the way out, which clears the interrupt if it came, so the thread never keeps an
 * interrupt it did not cause (a pooled thread would carry it into its next task). Thread-safe.
 */
public final class DeadlineInterrupt {
  private final Thread thread;
  private boolean disarmed;
  private boolean fired;

  /** For the calling thread. */
  public DeadlineInterrupt() {
    this.thread = Thread.currentThread();
  }

  /**
   * At the deadline: interrupts the thread unless it disarmed this first.
   *
   * @return whether it interrupted, and so the deadline won
   */
  public synchronized boolean fire() {
    if (!disarmed) {
      fired = true;
      thread.interrupt();
    }
    return fired;
  }

  /**
   * Called by the thread itself when it is done: no interrupt comes after this, and one that came
   * is cleared.
   *
   * @return whether the deadline fired first
   */
  public synchronized boolean disarm() {
    disarmed = true;
    if (fired) {
      Thread.interrupted();
    }
    return fired;
  }
}
