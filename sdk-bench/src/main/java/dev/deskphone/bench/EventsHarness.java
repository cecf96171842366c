package dev.deskphone.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.deskphone.core.PhoneHeaders;
import dev.deskphone.core.server.EndpointResponse;
import dev.deskphone.core.server.EndpointServer;
import dev.deskphone.core.server.PhoneEndpoint;
import dev.deskphone.snom.SnomEventEndpoint;
import dev.deskphone.snom.SnomEventType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ToDoubleFunction;

/**
 * Item 9: snom action-URL events on loopback. {@link SnomEventEndpoint} (query read, phone's secret
 * checked, typed event built and handed to its dispatcher, which calls the listener on a dispatch
 * thread) against a bare {@link PhoneEndpoint} that answers the same {@code 200} and calls the same
 * listener on the request's thread, reading only the timestamp; and, to show what handing the
 * listener off the answering thread costs by itself, against the same bare handler handing the call
 * to a plain 4-thread pool. All three on one {@link EndpointServer}, with the same requests but for
 * the path. Events per second delivered to the listener (counted until the last event of a round
 * arrived), the time from sending an event to the listener, and the process CPU per event; with a
 * new connection per event as phones send them, and with kept-alive connections; the sides take
 * turns in rounds, the order rotating every round; medians. Options: {@code clients seconds rounds}
 * (8, 3, 6).
 */
final class EventsHarness {
  static final String SDK_PATH = "/events/snom";
  private static final String BARE_PATH = "/events/bare";
  private static final String POOL_PATH = "/events/pool";
  private static final String HANDOFF_THREADS = "bare-handoff";
  private static final int PHONES = 64;
  private static final int WARMUP_ROUNDS = 1;
  private static final long DRAIN_NANOS = TimeUnit.SECONDS.toNanos(20);
  private static final EndpointResponse OK =
      EndpointResponse.of(
          200,
          PhoneHeaders.of("Content-Type", "text/plain; charset=UTF-8", "Cache-Control", "no-store"),
          new byte[0]);
  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private EventsHarness() {}

  /** One side of a comparison: where its requests go. */
  private record Side(String name, String[] targets, String listenerThreads) {}

  /** What one round of one side gave. */
  private record Round(
      double rate,
      double p50,
      double p99,
      double cpuMicros,
      double listenerThreadMicros,
      EventClients.Result load) {}

  static void run(String[] args) throws Exception {
    boolean ownWorkOnly = args.length > 0 && args[0].equals("own");
    int clients = args.length > 0 && !ownWorkOnly ? Integer.parseInt(args[0]) : 8;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 6;
    EventRecorder recorder = new EventRecorder(4_000_000);
    SnomEventEndpoint sdk =
        SnomEventEndpoint.builder()
            .listener(event -> recorder.arrived(Long.parseLong(event.parameters().get("t"))))
            .build();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, HANDOFF_THREADS);
              t.setDaemon(true);
              return t;
            });
    PhoneEndpoint bare =
        request -> {
          recorder.arrived(sentAt(request.rawQuery().orElseThrow()));
          return OK;
        };
    PhoneEndpoint handingOff =
        request -> {
          long sent = sentAt(request.rawQuery().orElseThrow());
          pool.execute(() -> recorder.arrived(sent));
          return OK;
        };
    EndpointServer server =
        EndpointServer.builder()
            .bind(new InetSocketAddress("127.0.0.1", 0))
            .endpoint(SDK_PATH, sdk)
            .endpoint(BARE_PATH, bare)
            .endpoint(POOL_PATH, handingOff)
            .start();
    try {
      String[][] targets = new String[3][PHONES];
      for (int n = 0; n < PHONES; n++) {
        String url = sdk.actionUrl(FiredUrl.ip(n), SnomEventType.CONNECTED, server.uri(SDK_PATH));
        targets[0][n] = FiredUrl.target(url, n, FiredUrl.callId(n, 1), 1);
        targets[1][n] = BARE_PATH + targets[0][n].substring(SDK_PATH.length());
        targets[2][n] = POOL_PATH + targets[0][n].substring(SDK_PATH.length());
      }
      Side[] sides = {
        new Side("SDK", targets[0], "deskphone-snom-events-"),
        new Side("bare", targets[1], null),
        new Side("bare+pool", targets[2], HANDOFF_THREADS)
      };
      int port = server.address().getPort();
      for (boolean keepAlive : ownWorkOnly ? new boolean[0] : new boolean[] {false, true}) {
        compare(port, sides, recorder, sdk, clients, keepAlive, seconds, rounds);
      }
      EventOwnWork.run(recorder, bare);
    } finally {
      server.close();
      sdk.close();
      pool.shutdownNow();
    }
  }

  /** The client's send time, the last parameter of the query. */
  private static long sentAt(String query) {
    return Long.parseLong(query.substring(query.lastIndexOf("&t=") + 3));
  }

  private static void compare(
      int port,
      Side[] sides,
      EventRecorder recorder,
      SnomEventEndpoint sdk,
      int clients,
      boolean keepAlive,
      int seconds,
      int rounds)
      throws InterruptedException {
    String load = Machine.loadAverage();
    SnomEventEndpoint.Counters before = sdk.counters();
    Round[][] results = new Round[sides.length][rounds];
    for (int r = -WARMUP_ROUNDS; r < rounds; r++) {
      for (int turn = 0; turn < sides.length; turn++) {
        int side = Math.floorMod(r + turn, sides.length);
        Round one = round(port, sides[side], recorder, clients, keepAlive, seconds);
        if (r >= 0) {
          results[side][r] = one;
        }
      }
    }
    SnomEventEndpoint.Counters after = sdk.counters();
    Report.head(
        String.format(
            Locale.ROOT,
            "9. snom events on one EndpointServer, %s, %d clients, %d rotating rounds of %d s,"
                + " medians",
            keepAlive ? "kept-alive connections" : "new connection per event (Connection: close)",
            clients,
            rounds,
            seconds));
    for (int base = 1; base < sides.length; base++) {
      String vs = " vs " + sides[base].name();
      Report.line(
          "events/s to the listener" + vs,
          median(results[0], Round::rate),
          median(results[base], Round::rate),
          "ev/s",
          base == 1 ? 0.9 : null,
          true);
      Report.line(
          "p50 sent -> listener" + vs,
          median(results[0], Round::p50),
          median(results[base], Round::p50),
          "us",
          null,
          false);
      Report.line(
          "p99 sent -> listener" + vs,
          median(results[0], Round::p99),
          median(results[base], Round::p99),
          "us",
          null,
          false);
      Report.line(
          "CPU per event, whole process" + vs,
          median(results[0], Round::cpuMicros),
          median(results[base], Round::cpuMicros),
          "us",
          null,
          false);
    }
    Report.line(
        "events/s, bare+pool vs bare",
        median(results[2], Round::rate),
        median(results[1], Round::rate),
        "ev/s",
        null,
        true);
    Report.note(
        String.format(
            Locale.ROOT,
            "per-round events/s ratios: SDK/bare %s (median %.3fx), SDK/bare+pool %s (median"
                + " %.3fx); CPU per event of the threads calling the listener: SDK dispatch %.1f"
                + " us, bare+pool pool %.1f us",
            Stats.range(ratios(results[0], results[1]), "%.2f"),
            Stats.median(ratios(results[0], results[1])),
            Stats.range(ratios(results[0], results[2]), "%.2f"),
            Stats.median(ratios(results[0], results[2])),
            median(results[0], Round::listenerThreadMicros),
            median(results[2], Round::listenerThreadMicros)));
    Report.note(
        String.format(
            Locale.ROOT,
            "answers in the measured rounds: SDK %s; bare %s; bare+pool %s",
            totals(results[0]),
            totals(results[1]),
            totals(results[2])));
    Report.note(
        String.format(
            Locale.ROOT,
            "SDK endpoint counters over this comparison, warm-up included: received %d, delivered"
                + " %d, dropped %d, forged %d, malformed %d",
            after.received() - before.received(),
            after.delivered() - before.delivered(),
            after.dropped() - before.dropped(),
            after.forged() - before.forged(),
            after.malformed() - before.malformed()));
    Report.note("load average before: " + load + "; after: " + Machine.loadAverage());
  }

  /** One timed round of one side: the load, then until the last answered event arrived. */
  private static Round round(
      int port, Side side, EventRecorder recorder, int clients, boolean keepAlive, int seconds)
      throws InterruptedException {
    recorder.reset();
    long cpu = OS.getProcessCpuTime();
    long listenerCpu = cpuNanos(side.listenerThreads());
    long start = System.nanoTime();
    EventClients.Result load =
        EventClients.run(port, side.targets(), clients, keepAlive, seconds * 1000L);
    long giveUp = System.nanoTime() + DRAIN_NANOS;
    while (recorder.count() < load.ok() && System.nanoTime() < giveUp) {
      LockSupport.parkNanos(50_000); // not a spin: the listener's threads need the CPU
    }
    long took = System.nanoTime() - start;
    if (recorder.count() < load.ok()) {
      Report.note(
          side.name() + ": only " + recorder.count() + " of " + load.ok() + " events arrived");
    }
    int events = Math.max(1, recorder.count());
    return new Round(
        recorder.count() / (took / 1e9),
        recorder.percentileMicros(50),
        recorder.percentileMicros(99),
        (OS.getProcessCpuTime() - cpu) / 1e3 / events,
        (cpuNanos(side.listenerThreads()) - listenerCpu) / 1e3 / events,
        load);
  }

  /** CPU time of the SDK's dispatch threads alive now. */
  static long dispatchCpuNanos() {
    return cpuNanos("deskphone-snom-events-");
  }

  /** CPU time of the threads alive now whose name starts with {@code prefix}. */
  private static long cpuNanos(String prefix) {
    if (prefix == null) {
      return 0;
    }
    long sum = 0;
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith(prefix)) {
        sum += Math.max(0, THREADS.getThreadCpuTime(t.getId()));
      }
    }
    return sum;
  }

  private static double[] ratios(Round[] sdk, Round[] base) {
    double[] out = new double[sdk.length];
    for (int i = 0; i < sdk.length; i++) {
      out[i] = sdk[i].rate() / base[i].rate();
    }
    return out;
  }

  private static double median(Round[] rounds, ToDoubleFunction<Round> f) {
    double[] v = new double[rounds.length];
    for (int i = 0; i < rounds.length; i++) {
      v[i] = f.applyAsDouble(rounds[i]);
    }
    return Stats.median(v);
  }

  private static String totals(Round[] rounds) {
    long ok = 0;
    long non200 = 0;
    long failed = 0;
    for (Round r : rounds) {
      ok += r.load().ok();
      non200 += r.load().non200();
      failed += r.load().failed();
    }
    return ok + " 200, " + non200 + " other, " + failed + " I/O failures";
  }
}
