package dev.deskphone.snom;

import java.util.ArrayList;
import java.util.List;

/** A listener that keeps every change it is told, and shows them briefly for assertions. */
final class Recorder implements SnomCallListener {
  private final List<SnomCallChange> changes = new ArrayList<>();

  @Override
  public synchronized void changed(SnomCallChange change) {
    changes.add(change);
  }

  /** What it was told so far, a copy. */
  synchronized List<SnomCallChange> changes() {
    return List.copyOf(changes);
  }

  /**
   * Each change as {@code "a: IDLE->RINGING"} for call a, {@code "-: ..."} for the call without id,
   * {@code "phone: ..."} for the phone's own state.
   */
  List<String> brief() {
    return changes().stream().map(Recorder::brief).toList();
  }

  /** Forgets what it was told so far. */
  synchronized void clear() {
    changes.clear();
  }

  static String brief(SnomCallChange c) {
    String who = c.call().map(call -> call.callId().orElse("-")).orElse("phone");
    return who + ": " + c.from() + "->" + c.to();
  }
}
