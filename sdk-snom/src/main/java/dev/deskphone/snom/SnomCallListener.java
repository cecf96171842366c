package dev.deskphone.snom;

/**
 * Told of each change {@link SnomCallTracker} sees, once, in the order the changes happened, never
 * two calls at once. It runs on a thread that called into the tracker (the one delivering the
 * event, or one reading state when that read let a timed-out call go); keep it short and hand slow
 * work to an executor of your own. One that throws is logged and does not stop the others or the
 * tracking.
 */
@FunctionalInterface
public interface SnomCallListener {
  /**
   * Called with one change.
   *
   * @param change the change
   */
  void changed(SnomCallChange change);
}
