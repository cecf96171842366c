package dev.deskphone.bench;

import com.sun.net.httpserver.HttpServer;
import dev.deskphone.core.LedColour;
import dev.deskphone.core.LedState;
import dev.deskphone.core.Turnled;
import dev.deskphone.core.TurnledResponse;
import dev.deskphone.unify.SendUrlServer;
import dev.deskphone.unify.TurnledXml;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Item 4: {@link SendUrlServer} (request read, credentials checked, request parsed, handler run,
 * reply written by {@link TurnledXml}) under a keep-alive load from many connections, against a
 * bare JDK {@link HttpServer} whose handler returns the same bytes, on its dispatcher thread and on
 * a pool. The bare servers run with {@code TCP_NODELAY} ({@code sun.net.httpserver.nodelay}, set
 * here before the first one is made): without it the JDK server sends a head and a body in two
 * segments and every kept-alive answer waits for the client's delayed ACK, so the baseline would
 * measure that timer. {@code SendUrlServer} runs on the SDK's own {@code EndpointServer}, which
 * sets {@code TCP_NODELAY} on its sockets. Options: {@code connections seconds rounds} (32, 3, 8).
 */
final class SendUrlLoadHarness {
  static final String QUERY =
      "/?userid=MyUsername&password=MyPassword&ipaddress=10.0.0.7&phonenumber=100"
          + "&devicetype=OpenStage&symbn=MySymbolicName";

  private SendUrlLoadHarness() {}

  static TurnledResponse reply() {
    return TurnledResponse.of(
        Turnled.builder("MySymbolicName")
            .state(LedState.FLASH)
            .colour(LedColour.RED)
            .label("Busy")
            .build());
  }

  static SendUrlServer sendUrlServer(int port) {
    TurnledResponse reply = reply();
    return SendUrlServer.builder()
        .bind(new InetSocketAddress("127.0.0.1", port))
        .credentials("MyUsername", "MyPassword")
        .handler(request -> reply)
        .start();
  }

  /**
   * A bare JDK server answering every request with {@code body}; {@code pool} or its dispatcher.
   */
  static HttpServer bareServer(int port, byte[] body, ExecutorService pool) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
    server.createContext(
        "/",
        exchange -> {
          try (InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
          }
          exchange.getResponseHeaders().set("Content-Type", TurnledXml.CONTENT_TYPE);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.setExecutor(pool);
    server.start();
    return server;
  }

  static void run(String[] args) throws Exception {
    int connections = args.length > 0 ? Integer.parseInt(args[0]) : 32;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    // Read once, when the JDK server's configuration class loads: before any bare server exists.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    byte[] body = TurnledXml.toBytes(reply());
    SendUrlServer sdk = sendUrlServer(0);
    ExecutorService pool = Executors.newFixedThreadPool(32);
    HttpServer bare = bareServer(0, body, null);
    HttpServer barePooled = bareServer(0, body, pool);
    try {
      int[] ports = {
        sdk.address().getPort(), bare.getAddress().getPort(), barePooled.getAddress().getPort()
      };
      // results[server][round]; server 0 the SDK, 1 bare, 2 bare + pool.
      KeepAliveLoad.Result[][] results = new KeepAliveLoad.Result[3][rounds];
      // One warm-up round, then rounds in which the three take turns, the order rotating each
      // round, so that a drifting background load tilts no side; the figures are medians.
      for (int round = -1; round < rounds; round++) {
        long ms = round < 0 ? 3000 : seconds * 1000L;
        for (int turn = 0; turn < 3; turn++) {
          int server = Math.floorMod(round + turn, 3);
          int port = ports[server];
          KeepAliveLoad.Result r =
              KeepAliveLoad.run(port, KeepAliveLoad.get(QUERY, port), connections, ms);
          if (round >= 0) {
            results[server][round] = r;
          }
        }
      }
      double[] sdkRate = rates(results[0]);
      double[] bareRate = rates(results[1]);
      double[] pooledRate = rates(results[2]);
      double[] vsBare = new double[rounds];
      double[] vsPooled = new double[rounds];
      for (int i = 0; i < rounds; i++) {
        vsBare[i] = sdkRate[i] / bareRate[i];
        vsPooled[i] = sdkRate[i] / pooledRate[i];
      }
      Report.head(
          "4. SendUrlServer vs bare JDK HttpServer (TCP_NODELAY), same reply bytes, "
              + connections
              + " keep-alive connections, "
              + rounds
              + " interleaved rounds of "
              + seconds
              + " s, medians");
      Report.line(
          "throughput (req/s)", Stats.median(sdkRate), Stats.median(bareRate), "req/s", 0.85, true);
      Report.line("p50 latency (us)", p50(results[0]), p50(results[1]), "us", null, false);
      Report.line("p99 latency (us)", p99(results[0]), p99(results[1]), "us", null, false);
      Report.line(
          "throughput vs bare + 32-thread pool (req/s)",
          Stats.median(sdkRate),
          Stats.median(pooledRate),
          "req/s",
          0.85,
          true);
      Report.line(
          "p99 vs bare + 32-thread pool (us)", p99(results[0]), p99(results[2]), "us", null, false);
      Report.note(
          String.format(
              "per-round ratios: vs bare %s (median %.3fx), vs bare + pool %s (median %.3fx)",
              Stats.range(vsBare, "%.2f"),
              Stats.median(vsBare),
              Stats.range(vsPooled, "%.2f"),
              Stats.median(vsPooled)));
      Report.note(
          String.format(
              "non-200 answers: SendUrlServer %d of %d, bare %d of %d, bare+pool %d of %d",
              non200(results[0]),
              requests(results[0]),
              non200(results[1]),
              requests(results[1]),
              non200(results[2]),
              requests(results[2])));
    } finally {
      sdk.close();
      bare.stop(0);
      barePooled.stop(0);
      pool.shutdownNow();
    }
  }

  private static double[] rates(KeepAliveLoad.Result[] rs) {
    double[] out = new double[rs.length];
    for (int i = 0; i < rs.length; i++) {
      out[i] = rs[i].throughput();
    }
    return out;
  }

  private static double p50(KeepAliveLoad.Result[] rs) {
    double[] out = new double[rs.length];
    for (int i = 0; i < rs.length; i++) {
      out[i] = rs[i].p50Nanos() / 1e3;
    }
    return Stats.median(out);
  }

  private static double p99(KeepAliveLoad.Result[] rs) {
    double[] out = new double[rs.length];
    for (int i = 0; i < rs.length; i++) {
      out[i] = rs[i].p99Nanos() / 1e3;
    }
    return Stats.median(out);
  }

  private static long non200(KeepAliveLoad.Result[] rs) {
    long n = 0;
    for (KeepAliveLoad.Result r : rs) {
      n += r.non200();
    }
    return n;
  }

  private static long requests(KeepAliveLoad.Result[] rs) {
    long n = 0;
    for (KeepAliveLoad.Result r : rs) {
      n += r.requests();
    }
    return n;
  }
}
