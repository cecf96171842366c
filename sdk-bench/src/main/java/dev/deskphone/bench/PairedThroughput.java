package dev.deskphone.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Throughput from several threads, the SDK and the baseline in alternating rounds (the first of
 * each pair switching every round), so that a drifting background load tilts neither side. Also
 * reports the process CPU time per operation, which the scheduling of a busy 2-CPU machine moves
 * far less than it moves throughput.
 */
final class PairedThroughput {
  /** Medians over the rounds: operations per second, CPU microseconds per operation, ratios. */
  record Result(
      double sdkRate,
      double baselineRate,
      double rateRatio,
      String rateRatioRange,
      double sdkCpuMicros,
      double baselineCpuMicros,
      int rounds) {}

  private PairedThroughput() {}

  static Result run(Paired.Op sdk, Paired.Op baseline, int threads, int rounds, long roundMillis)
      throws Exception {
    double[] sdkRate = new double[rounds];
    double[] baseRate = new double[rounds];
    double[] sdkCpu = new double[rounds];
    double[] baseCpu = new double[rounds];
    double[] ratio = new double[rounds];
    double[] one = new double[2];
    for (int r = -2; r < rounds; r++) {
      boolean sdkFirst = (r & 1) == 0;
      for (int turn = 0; turn < 2; turn++) {
        boolean isSdk = sdkFirst == (turn == 0);
        measure(isSdk ? sdk : baseline, threads, roundMillis, one);
        if (r >= 0) {
          (isSdk ? sdkRate : baseRate)[r] = one[0];
          (isSdk ? sdkCpu : baseCpu)[r] = one[1];
        }
      }
      if (r >= 0) {
        ratio[r] = sdkRate[r] / baseRate[r];
      }
    }
    return new Result(
        Stats.median(sdkRate),
        Stats.median(baseRate),
        Stats.median(ratio),
        Stats.range(ratio, "%.2f"),
        Stats.median(sdkCpu),
        Stats.median(baseCpu),
        rounds);
  }

  /** Runs {@code op} on {@code threads} threads for {@code millis}: out = {ops/s, CPU us/op}. */
  private static void measure(Paired.Op op, int threads, long millis, double[] out)
      throws Exception {
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    LongAdder done = new LongAdder();
    AtomicReference<Exception> failure = new AtomicReference<>();
    long start = System.nanoTime();
    long end = start + millis * 1_000_000;
    long cpu = os.getProcessCpuTime();
    List<Thread> running = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      Thread t =
          new Thread(
              () -> {
                try {
                  while (System.nanoTime() < end) {
                    op.run();
                    done.increment();
                  }
                } catch (Exception e) {
                  failure.compareAndSet(null, e);
                }
              },
              "paired-load-" + i);
      t.start();
      running.add(t);
    }
    for (Thread t : running) {
      t.join();
    }
    if (failure.get() != null) {
      throw failure.get();
    }
    long n = Math.max(1, done.sum());
    out[0] = n / ((System.nanoTime() - start) / 1e9);
    out[1] = (os.getProcessCpuTime() - cpu) / 1e3 / n;
  }
}
