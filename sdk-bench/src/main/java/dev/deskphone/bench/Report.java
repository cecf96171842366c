package dev.deskphone.bench;

import java.util.Locale;

/**
 * Prints one figure beside its baseline from the same run, their ratio and the goal, as one line of
 * a table that docs/PERFORMANCE.md copies.
 */
final class Report {
  private Report() {}

  /** Prints the table head. */
  static void head(String title) {
    System.out.println();
    System.out.println("== " + title);
    System.out.printf(
        Locale.ROOT, "%-44s %16s %16s %8s  %s%n", "figure", "SDK", "baseline", "ratio", "goal");
  }

  /**
   * Prints a line: {@code sdk} and {@code baseline} in {@code unit}, the ratio sdk/baseline, and
   * whether it meets {@code goal} (a ratio bound, or null for none).
   *
   * @param higherIsBetter whether the goal is a floor (throughput) rather than a ceiling (time)
   */
  static void line(
      String figure,
      double sdk,
      double baseline,
      String unit,
      Double goal,
      boolean higherIsBetter) {
    print(
        figure, sdk, baseline, unit, sdk / baseline, verdict(sdk / baseline, goal, higherIsBetter));
  }

  /**
   * Prints a paired comparison: the median per-operation times of each side in microseconds, and as
   * the ratio the median of the per-pair ratios, the paired design's own figure, which a load
   * drifting between blocks cannot tilt. As throughput ({@code asRate}) the times become operations
   * per second and the ratio its inverse.
   */
  static void paired(String figure, Paired.Result p, Double goal, boolean asRate) {
    if (asRate) {
      double ratio = 1 / p.ratio();
      print(
          figure,
          1e6 / p.sdkMicros(),
          1e6 / p.baselineMicros(),
          "op/s",
          ratio,
          verdict(ratio, goal, true));
    } else {
      print(
          figure,
          p.sdkMicros(),
          p.baselineMicros(),
          "us",
          p.ratio(),
          verdict(p.ratio(), goal, false));
    }
  }

  /**
   * Prints a paired comparison of short operations in nanoseconds: the median per-operation times
   * of each side, and the median of the per-pair ratios.
   */
  static void pairedNanos(String figure, Paired.Result p) {
    print(figure, p.sdkMicros() * 1e3, p.baselineMicros() * 1e3, "ns", p.ratio(), "(no goal)");
  }

  private static String verdict(double ratio, Double goal, boolean higherIsBetter) {
    if (goal == null) {
      return "(no goal)";
    } else if (higherIsBetter) {
      return String.format(Locale.ROOT, ">= %.2fx %s", goal, ratio >= goal ? "MET" : "MISSED");
    }
    return String.format(Locale.ROOT, "<= %.2fx %s", goal, ratio <= goal ? "MET" : "MISSED");
  }

  /** Prints a line with an absolute goal: {@code sdk} must stay under {@code limit}. */
  static void absolute(
      String figure, double sdk, double baseline, String unit, double limit, String goalText) {
    print(
        figure, sdk, baseline, unit, sdk / baseline, goalText + (sdk < limit ? " MET" : " MISSED"));
  }

  private static void print(
      String figure, double sdk, double baseline, String unit, double ratio, String verdict) {
    System.out.printf(
        Locale.ROOT,
        "%-44s %16s %16s %7.3fx  %s%n",
        figure,
        format(sdk) + " " + unit,
        format(baseline) + " " + unit,
        ratio,
        verdict);
  }

  /** Prints a free-form note under the table. */
  static void note(String text) {
    System.out.println("   " + text);
  }

  static String format(double v) {
    double a = Math.abs(v);
    if (a >= 100) {
      return String.format(Locale.ROOT, "%.0f", v);
    } else if (a >= 10) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
