package dev.deskphone.snom;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells {@link SnomCallTracker}'s listeners its changes in the order they were queued, one change
 * at a time. Changes are queued under the tracker's lock, so in the order they happened; any thread
 * that queued some then tells everything queued, one thread at a time, and a thread whose changes
 * another is telling waits for that: slow listeners slow the callers instead of piling changes up.
 */
final class ChangeTeller {
  private static final Logger LOG = LoggerFactory.getLogger(SnomCallTracker.class);

  private final SnomCallListener[] listeners;
  private final Queue<SnomCallChange> untold = new ConcurrentLinkedQueue<>();
  private final ReentrantLock telling = new ReentrantLock();

  ChangeTeller(List<SnomCallListener> listeners) {
    this.listeners = listeners.toArray(new SnomCallListener[0]);
  }

  /** Queues changes; whether the caller must {@link #tell()} once it let the tracker's lock go. */
  boolean queue(List<SnomCallChange> changes) {
    if (changes.isEmpty() || listeners.length == 0) {
      return false;
    }
    untold.addAll(changes);
    return true;
  }

  /** Tells every queued change. */
  void tell() {
    if (telling.isHeldByCurrentThread()) {
      return; // a listener's own call into the tracker: the loop below tells its changes next
    }
    telling.lock();
    try {
      for (SnomCallChange change; (change = untold.poll()) != null; ) {
        for (SnomCallListener listener : listeners) {
          try {
            listener.changed(change);
          } catch (Throwable e) {
            if (e instanceof VirtualMachineError fatal) {
              throw fatal;
            }
            LOG.warn("A call-state listener failed on {}; tracking goes on", change, e);
          }
        }
      }
    } finally {
      telling.unlock();
    }
  }
}
