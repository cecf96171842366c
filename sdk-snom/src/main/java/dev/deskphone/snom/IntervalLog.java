package dev.deskphone.snom;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;

/**
 * A WARN line for something that can come in floods (forged requests, dropped events, failing
 * listeners): the first occurrence is logged at once, later ones are counted and logged as one line
 * with their count when the next one comes after the interval, or at {@link #flush()}. So a flood
 * costs one line per interval, and nothing is ever dropped silently. Thread-safe.
 */
final class IntervalLog {
  private final Logger log;
  private final Clock clock;
  private final long intervalMillis;
  private final String what;
  private final String intervalText;

  private long nextLineAt = Long.MIN_VALUE; // guarded by this
  private long count; // guarded by this

  /**
   * @param what what happened, completed by a count: {@code "dropped %d events"}
   */
  IntervalLog(Logger log, Clock clock, Duration interval, String what) {
    this.log = log;
    this.clock = clock;
    this.intervalMillis = interval.toMillis();
    this.what = what;
    this.intervalText = seconds(interval);
  }

  private static String seconds(Duration interval) {
    long s = interval.toSeconds();
    return interval.equals(Duration.ofSeconds(s)) ? s + " s" : interval.toMillis() + " ms";
  }

  /**
   * Counts one occurrence and logs if the interval allows.
   *
   * @param detail about this occurrence, shown if it is the one logged; never a secret
   * @param failure a failure to show with the line, or null
   */
  void record(String detail, Throwable failure) {
    long n;
    synchronized (this) {
      count++;
      long now = clock.millis();
      if (now < nextLineAt) {
        return;
      }
      n = count;
      count = 0;
      nextLineAt = now + intervalMillis;
    }
    String line = String.format(what, n) + " in the last " + intervalText + "; last: " + detail;
    if (failure == null) {
      log.warn(line);
    } else {
      log.warn(line, failure);
    }
  }

  /** Logs what was counted and not yet logged, if anything. */
  void flush() {
    long n;
    synchronized (this) {
      n = count;
      count = 0;
    }
    if (n > 0) {
      log.warn(String.format(what, n) + " in the last " + intervalText);
    }
  }
}
