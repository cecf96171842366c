package dev.deskphone.bench;

import dev.deskphone.testkit.FakeSnomPhone;
import dev.deskphone.testkit.FakeUnifyPhone;
import dev.deskphone.unify.SendUrlKey;
import java.net.URI;

/**
 * Item 8: start and stop of one fake phone after warm-up, against a bare loopback listener (a bound
 * {@code ServerSocket} with its accept thread, then closed and joined). Options: {@code warmups
 * runs}.
 */
final class TestkitHarness {
  private TestkitHarness() {}

  @FunctionalInterface
  interface Cycle {
    void run() throws Exception;
  }

  static void run(String[] args) throws Exception {
    int warmups = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    SendUrlKey key =
        SendUrlKey.builder().symbolicName("Door").server(URI.create("http://127.0.0.1:9/")).build();
    Cycle bare = () -> MemoryHarness.bareListener().close();
    Cycle snom = () -> FakeSnomPhone.builder().start().close();
    Cycle unify = () -> FakeUnifyPhone.builder().key(key).start().close();
    double[] b = times(bare, warmups, runs);
    double[] s = times(snom, warmups, runs);
    double[] u = times(unify, warmups, runs);
    Report.head("8. testkit: start+stop of one fake, median of " + runs + " after " + warmups);
    Report.absolute(
        "FakeSnomPhone start+stop", Stats.median(s), Stats.median(b), "ms", 5, "< 5 ms");
    Report.absolute(
        "FakeUnifyPhone start+stop", Stats.median(u), Stats.median(b), "ms", 5, "< 5 ms");
    Report.note(
        String.format(
            "p90: FakeSnomPhone %.2f ms, FakeUnifyPhone %.2f ms, bare listener %.2f ms",
            Stats.percentile(s, 90), Stats.percentile(u, 90), Stats.percentile(b, 90)));
  }

  private static double[] times(Cycle cycle, int warmups, int runs) throws Exception {
    for (int i = 0; i < warmups; i++) {
      cycle.run();
    }
    double[] ms = new double[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      cycle.run();
      ms[i] = (System.nanoTime() - start) / 1e6;
    }
    return ms;
  }
}
