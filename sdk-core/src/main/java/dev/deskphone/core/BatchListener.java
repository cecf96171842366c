package dev.deskphone.core;

/**
 * Hears each phone's outcome as a {@link PhoneBatch} runs, for example to draw a progress bar.
 * Calls come one at a time (never concurrently), in completion order, from the thread that
 * completed the operation; keep them short. An exception thrown here is logged and ignored.
 *
 * @param <P> the phone type
 * @param <R> the operation's result type
 */
@FunctionalInterface
public interface BatchListener<P, R> {

  /**
   * One more phone is done.
   *
   * @param outcome the phone's outcome
   * @param completed how many phones are done, this one included
   * @param total how many phones the batch has
   */
  void onOutcome(BatchOutcome<P, R> outcome, int completed, int total);
}
