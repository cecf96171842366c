package dev.deskphone.snom;

import java.util.Arrays;

/**
 * The ids of a phone's calls that recently ended, so that a late event for one cannot start it
 * again: at most {@value #CAPACITY}, each for {@value #KEEP_MILLIS} ms, the oldest forgotten first.
 * Arrays grown one slot at a time keep an idle phone with one ended call small. Not thread-safe:
 * {@link SnomCallTracker} guards it.
 */
final class EndedCalls {
  static final int CAPACITY = 8;
  static final long KEEP_MILLIS = 5 * 60_000L;

  /** Stands for the call without an id. */
  static final String NO_ID = "";

  private String[] ids = new String[1];
  private long[] endedAt = new long[1];
  private int size;

  boolean contains(String id, long now) {
    for (int i = 0; i < size; i++) {
      if (ids[i].equals(id)) {
        return now - endedAt[i] < KEEP_MILLIS;
      }
    }
    return false;
  }

  void add(String id, long now) {
    remove(id);
    if (size == CAPACITY) {
      removeAt(0);
    }
    if (size == ids.length) {
      ids = Arrays.copyOf(ids, size + 1);
      endedAt = Arrays.copyOf(endedAt, size + 1);
    }
    ids[size] = id;
    endedAt[size++] = now;
  }

  void remove(String id) {
    for (int i = 0; i < size; i++) {
      if (ids[i].equals(id)) {
        removeAt(i);
        return;
      }
    }
  }

  /** Forgets the ids kept long enough. */
  void prune(long now) {
    while (size > 0 && now - endedAt[0] >= KEEP_MILLIS) {
      removeAt(0);
    }
  }

  int size() {
    return size;
  }

  private void removeAt(int i) {
    System.arraycopy(ids, i + 1, ids, i, size - i - 1);
    System.arraycopy(endedAt, i + 1, endedAt, i, size - i - 1);
    ids[--size] = null;
  }
}
