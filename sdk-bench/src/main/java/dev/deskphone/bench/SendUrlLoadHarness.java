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
 * Item 4: {@link SendUrlServer} (credentials checked, request parsed, handler run on its pool,
 * reply written by {@link TurnledXml}) under a keep-alive load from many connections, against a
 * bare JDK {@link HttpServer} whose handler returns the same bytes. Options: {@code connections
 * seconds}.
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
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    byte[] body = TurnledXml.toBytes(reply());
    SendUrlServer sdk = sendUrlServer(0);
    ExecutorService pool = Executors.newFixedThreadPool(32);
    HttpServer bare = bareServer(0, body, null);
    HttpServer barePooled = bareServer(0, body, pool);
    try {
      int sdkPort = sdk.address().getPort();
      int barePort = bare.getAddress().getPort();
      int pooledPort = barePooled.getAddress().getPort();
      KeepAliveLoad.Result s = null;
      KeepAliveLoad.Result b = null;
      KeepAliveLoad.Result p = null;
      // Warm-up of each, then the measured runs, twice in turn; the better run of each counts.
      for (int round = 0; round < 3; round++) {
        long ms = round == 0 ? 3000 : seconds * 1000L;
        KeepAliveLoad.Result s1 =
            KeepAliveLoad.run(sdkPort, KeepAliveLoad.get(QUERY, sdkPort), connections, ms);
        KeepAliveLoad.Result b1 =
            KeepAliveLoad.run(barePort, KeepAliveLoad.get(QUERY, barePort), connections, ms);
        KeepAliveLoad.Result p1 =
            KeepAliveLoad.run(pooledPort, KeepAliveLoad.get(QUERY, pooledPort), connections, ms);
        if (round > 0) {
          s = better(s, s1);
          b = better(b, b1);
          p = better(p, p1);
          Report.note(
              String.format(
                  "round %d: SendUrlServer %.0f/s, bare %.0f/s, bare+pool %.0f/s",
                  round, s1.throughput(), b1.throughput(), p1.throughput()));
        }
      }
      Report.head(
          "4. SendUrlServer vs bare JDK HttpServer, same reply bytes, "
              + connections
              + " keep-alive connections, "
              + seconds
              + " s runs");
      Report.line("throughput (req/s)", s.throughput(), b.throughput(), "req/s", 0.85, true);
      Report.line("p50 latency (us)", s.p50Nanos() / 1e3, b.p50Nanos() / 1e3, "us", null, false);
      Report.line("p99 latency (us)", s.p99Nanos() / 1e3, b.p99Nanos() / 1e3, "us", null, false);
      Report.line(
          "throughput vs bare + 32-thread pool (req/s)",
          s.throughput(),
          p.throughput(),
          "req/s",
          0.85,
          true);
      Report.line(
          "p99 vs bare + 32-thread pool (us)",
          s.p99Nanos() / 1e3,
          p.p99Nanos() / 1e3,
          "us",
          null,
          false);
      Report.note(
          String.format(
              "non-200 answers: SendUrlServer %d of %d, bare %d of %d, bare+pool %d of %d",
              s.non200(), s.requests(), b.non200(), b.requests(), p.non200(), p.requests()));
    } finally {
      sdk.close();
      bare.stop(0);
      barePooled.stop(0);
      pool.shutdownNow();
    }
  }

  private static KeepAliveLoad.Result better(KeepAliveLoad.Result a, KeepAliveLoad.Result b) {
    return a == null || b.throughput() > a.throughput() ? b : a;
  }
}
