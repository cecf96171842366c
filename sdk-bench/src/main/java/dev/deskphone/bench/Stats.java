package dev.deskphone.bench;

import java.util.Arrays;

/** Order statistics of a sample. */
final class Stats {
  private Stats() {}

  /** The median of {@code values}. */
  static double median(double[] values) {
    return percentile(values, 50);
  }

  /** The {@code p}-th percentile (nearest rank) of {@code values}. */
  static double percentile(double[] values, double p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  /** The {@code p}-th percentile (nearest rank) of {@code values}. */
  static long percentile(long[] values, int count, double p) {
    long[] sorted = Arrays.copyOf(values, count);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * count);
    return sorted[Math.max(0, Math.min(count - 1, rank - 1))];
  }

  /** The smallest and largest of {@code values}, as {@code "min-max"}. */
  static String range(double[] values, String format) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return String.format(format, sorted[0])
        + "-"
        + String.format(format, sorted[sorted.length - 1]);
  }
}
