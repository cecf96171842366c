package dev.deskphone.testkit.internal;

import dev.deskphone.testkit.RejectedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The requests a fake did not understand, and which of them the test has looked at: what a strict
 * fake reports at close. Thread-safe.
 */
public final class RejectionLog {
  private final boolean strict;
  private final List<RejectedRequest> all = new ArrayList<>(); // guarded by this
  private int seen; // guarded by this

  /** A log that {@link #check} enforces when {@code strict}. */
  public RejectionLog(boolean strict) {
    this.strict = strict;
  }

  /** Records one. */
  public synchronized void add(RejectedRequest rejected) {
    all.add(rejected);
  }

  /** Every one so far, which the test has now seen. */
  public synchronized List<RejectedRequest> all() {
    seen = all.size();
    return List.copyOf(all);
  }

  /** Every one so far, without marking them seen. */
  public synchronized List<RejectedRequest> peek() {
    return List.copyOf(all);
  }

  /**
   * Throws, once, if strict and some were never seen.
   *
   * @throws AssertionError listing the unseen ones
   */
  public void check(String fake) {
    List<RejectedRequest> unseen;
    synchronized (this) {
      unseen = List.copyOf(all.subList(seen, all.size()));
      seen = all.size();
    }
    if (strict && !unseen.isEmpty()) {
      throw new AssertionError(
          fake
              + " did not understand "
              + (unseen.size() == 1 ? "1 request" : unseen.size() + " requests")
              + ":\n"
              + unseen.stream().map(r -> "  " + r).collect(Collectors.joining("\n"))
              + "\n(a strict fake fails on requests it does not understand; assert on rejected()"
              + " to expect them, or build it lenient())");
    }
  }
}
