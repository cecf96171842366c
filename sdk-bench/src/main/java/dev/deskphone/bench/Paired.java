package dev.deskphone.bench;

/**
 * An interleaved comparison that a drifting background load cannot tilt: blocks of the SDK and the
 * baseline alternate (the first of each pair switching every block), and the figure is the median
 * of the per-block times and of the per-pair ratios.
 */
final class Paired {
  /** Median microseconds per operation of each side, and the median of the pair ratios. */
  record Result(double sdkMicros, double baselineMicros, double ratio, int blocks) {}

  @FunctionalInterface
  interface Op {
    void run() throws Exception;
  }

  private Paired() {}

  static Result run(Op sdk, Op baseline, int warmupBlocks, int blocks, int perBlock)
      throws Exception {
    double[] s = new double[blocks];
    double[] b = new double[blocks];
    double[] ratios = new double[blocks];
    for (int i = -warmupBlocks; i < blocks; i++) {
      boolean sdkFirst = (i & 1) == 0;
      double first = time(sdkFirst ? sdk : baseline, perBlock);
      double second = time(sdkFirst ? baseline : sdk, perBlock);
      if (i >= 0) {
        s[i] = sdkFirst ? first : second;
        b[i] = sdkFirst ? second : first;
        ratios[i] = s[i] / b[i];
      }
    }
    return new Result(Stats.median(s), Stats.median(b), Stats.median(ratios), blocks);
  }

  private static double time(Op op, int n) throws Exception {
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      op.run();
    }
    return (System.nanoTime() - start) / 1e3 / n;
  }
}
