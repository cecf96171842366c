package dev.deskphone.bench;

import dev.deskphone.snom.SnomPhone;
import dev.deskphone.testkit.FakeRequest;
import dev.deskphone.testkit.FakeSnomPhone;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmarks' one entry point: {@code java -jar sdk-bench/target/benchmarks.jar NAME [JMH
 * options]}, NAME one of {@code press auth fanout sendurl xml minibrowser coldstart memory testkit
 * events tracker lab}, or {@code jmh ...} for JMH's own command line. Each prints its figures
 * beside a baseline measured in the same run, the ratio and the goal. Every server is started here
 * on 127.0.0.1; every loop is bounded.
 */
public final class Bench {
  /**
   * The paired single-thread comparisons (items 1 and 2): many short blocks, so that each pair of
   * blocks runs under the same conditions, which on a shared VM change over seconds. The warm-up is
   * long because the JIT compilers go on working on a loopback press for many thousands of them.
   */
  private static final int PAIRED_BLOCKS = 300;

  private static final int PAIRED_SIZE = 50;
  private static final int PAIRED_WARMUP = 400;

  private Bench() {}

  private static String pairedNote(Paired.Result p) {
    return String.format(
        Locale.ROOT,
        "paired: %d alternating blocks of %d presses after %d warm-up blocks, the side going first"
            + " switching every block; SDK and baseline are the medians of the blocks, the ratio"
            + " the median of the per-pair ratios",
        p.blocks(),
        PAIRED_SIZE,
        PAIRED_WARMUP);
  }

  /** Runs the benchmark named by {@code args[0]}. */
  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.out.println(
          "usage: java -jar benchmarks.jar"
              + " press|auth|fanout|sendurl|xml|minibrowser|coldstart|memory|testkit|events|tracker"
              + "|lab"
              + " [options]  (or: jmh [JMH options])");
      System.exit(2);
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    // Before any logger exists: the access log and the plain-http Digest warning are not figures.
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
    System.out.println(Machine.describe());
    switch (args[0]) {
      case "press" -> press(rest);
      case "auth" -> auth(rest);
      case "xml" -> xml(rest);
      case "minibrowser" -> minibrowser(rest);
      case "fanout" -> FanoutHarness.run(rest);
      case "sendurl" -> SendUrlLoadHarness.run(rest);
      case "coldstart" -> ColdStartHarness.run(rest);
      case "memory" -> MemoryHarness.run(rest);
      case "testkit" -> TestkitHarness.run(rest);
      case "events" -> EventsHarness.run(rest);
      case "tracker" -> TrackerHarness.run(rest);
      case "lab" -> LabHarness.run(rest);
      case "jmh" -> org.openjdk.jmh.Main.main(rest);
      default -> {
        System.out.println("unknown benchmark " + args[0]);
        System.exit(2);
      }
    }
    // The JDK HttpServer's dispatcher thread is not a daemon.
    System.exit(0);
  }

  private static void press(String[] jmhArgs) throws Exception {
    Map<String, Jmh.Score> s = Jmh.run(PressBenchmark.class, jmhArgs);
    Report.head("1. SnomPhone.press vs raw java.net.http GET, same URL, same FakeSnomPhone");
    Report.line(
        "latency, 1 thread (us/op, lower is better)",
        s.get("sdkLatency").score(),
        s.get("rawLatency").score(),
        "us",
        1.10,
        false);
    Report.line(
        "throughput, 4 threads (ops/s)",
        s.get("sdkThroughput").score(),
        s.get("rawThroughput").score(),
        "op/s",
        1 / 1.10,
        true);
    s.forEach((k, v) -> Report.note(k + ": " + v));
    PressBenchmark state = new PressBenchmark();
    state.start();
    try {
      Paired.Result p =
          Paired.run(
              state::sdkLatency, state::rawLatency, PAIRED_WARMUP, PAIRED_BLOCKS, PAIRED_SIZE);
      Report.paired("latency, paired blocks (us/op, median)", p, 1.10, false);
      Report.note(pairedNote(p));
      PairedThroughput.Result t =
          PairedThroughput.run(state::sdkThroughput, state::rawThroughput, 4, 10, 2000);
      Report.line(
          "throughput, 4 threads, paired rounds (ops/s, median)",
          t.sdkRate(),
          t.baselineRate(),
          "op/s",
          1 / 1.10,
          true);
      Report.line(
          "CPU per press, 4 threads, paired rounds (us/op)",
          t.sdkCpuMicros(),
          t.baselineCpuMicros(),
          "us",
          null,
          false);
      Report.note(
          String.format(
              "paired throughput: %d alternating rounds of 2 s after 2 warm-up rounds; per-round"
                  + " ratios %s, median %.3fx; CPU is the whole process (fake included)",
              t.rounds(), t.rateRatioRange(), t.rateRatio()));
    } finally {
      state.stop();
    }
  }

  private static void auth(String[] jmhArgs) throws Exception {
    Map<String, Jmh.Score> s = Jmh.run(AuthBenchmark.class, jmhArgs);
    double none = s.get("press:none").score();
    double basic = s.get("press:basic").score();
    double digest = s.get("press:digest").score();
    Report.head("2. press throughput, 1 thread: Digest (nonce reused) vs Basic vs no auth");
    Report.line("Digest vs Basic (ops/s)", digest, basic, "op/s", 0.9, true);
    Report.line("Basic vs no auth (ops/s)", basic, none, "op/s", null, true);
    Report.line("Digest vs no auth (ops/s)", digest, none, "op/s", null, true);
    s.forEach((k, v) -> Report.note(k + ": " + v));
    try (FakeSnomPhone basicFake = AuthBenchmark.fake("basic");
        FakeSnomPhone digestFake = AuthBenchmark.fake("digest")) {
      SnomPhone basicPhone = AuthBenchmark.client("basic", basicFake);
      SnomPhone digestPhone = AuthBenchmark.client("digest", digestFake);
      Paired.Result p =
          Paired.run(
              () -> digestPhone.press("ENTER"),
              () -> basicPhone.press("ENTER"),
              PAIRED_WARMUP,
              PAIRED_BLOCKS,
              PAIRED_SIZE);
      Report.paired("Digest vs Basic, paired blocks (ops/s)", p, 0.9, true);
      Report.note(pairedNote(p));
    }
    for (String auth : List.of("none", "basic", "digest")) {
      roundTrips(auth, 100);
    }
    ownWork();
  }

  /** The SDK's own work per press, against a phone answered in memory (no socket, no fake). */
  private static void ownWork() throws Exception {
    SnomPhone none = InMemoryPhone.client("none");
    SnomPhone basic = InMemoryPhone.client("basic");
    SnomPhone digest = InMemoryPhone.client("digest");
    Paired.Result b =
        Paired.run(() -> basic.press("ENTER"), () -> none.press("ENTER"), 20, 40, 20_000);
    Paired.Result d =
        Paired.run(() -> digest.press("ENTER"), () -> basic.press("ENTER"), 20, 40, 20_000);
    Report.paired("SDK's own work, Basic vs no auth (us/press)", b, null, false);
    Report.paired("SDK's own work, Digest vs Basic (us/press)", d, null, false);
    Report.note(
        "own work: a transport answering in memory, so no socket and no fake; what Digest adds"
            + " to each press on the client side, to set beside a loopback round trip");
  }

  /** Counts the fake's requests for {@code commands} presses with a fresh client. */
  private static void roundTrips(String auth, int commands) {
    try (FakeSnomPhone fake = AuthBenchmark.fake(auth)) {
      SnomPhone phone = AuthBenchmark.client(auth, fake);
      phone.press("ENTER");
      int first = fake.requests().size();
      for (int i = 1; i < commands; i++) {
        phone.press("ENTER");
      }
      List<FakeRequest> all = fake.requests();
      int after = all.size() - first;
      long unauthenticated =
          all.stream().skip(first).filter(r -> r.header("Authorization").isEmpty()).count();
      Report.note(
          String.format(
              "%-6s: %d commands -> %d requests at the server: %d for the first, %d for the next"
                  + " %d (%s round trip each%s)",
              auth,
              commands,
              all.size(),
              first,
              after,
              commands - 1,
              after == commands - 1 ? "exactly one" : "NOT one",
              auth.equals("none") ? "" : ", " + unauthenticated + " without Authorization"));
    }
  }

  private static void xml(String[] jmhArgs) throws Exception {
    writeAndRead(
        TurnledXmlBenchmark.class,
        "5. TurnledXml, one LED reply, 1 thread (ops/s) vs JDK StAX on the same document",
        "write (TurnledXml.toBytes)",
        "read (TurnledXml.read(byte[]))",
        jmhArgs);
  }

  private static void minibrowser(String[] jmhArgs) throws Exception {
    writeAndRead(
        MinibrowserXmlBenchmark.class,
        "12. snom minibrowser menu (10 items, LED, fetch), 1 thread (ops/s) vs JDK StAX on the"
            + " same document",
        "write (builder, checks, toBytes)",
        "read (MinibrowserDocument.read(byte[]))",
        jmhArgs);
  }

  /** A benchmark with sdkWrite, staxWrite, sdkRead and staxRead: two lines and the scores. */
  private static void writeAndRead(
      Class<?> benchmark, String title, String write, String read, String[] jmhArgs)
      throws Exception {
    Map<String, Jmh.Score> s = Jmh.run(benchmark, jmhArgs);
    Report.head(title);
    Report.line(write, s.get("sdkWrite").score(), s.get("staxWrite").score(), "op/s", null, true);
    Report.line(read, s.get("sdkRead").score(), s.get("staxRead").score(), "op/s", null, true);
    s.forEach((k, v) -> Report.note(k + ": " + v));
  }
}
