package dev.deskphone.bench;

import dev.deskphone.core.server.EndpointResponse;
import dev.deskphone.core.server.EndpointServer;
import dev.deskphone.testkit.FakeCall;
import dev.deskphone.testkit.FakeLab;
import dev.deskphone.testkit.FakeSnomPhone;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Item 11: the fake lab at scale. A lab of N snom fakes (default 200) on one switchboard, half
 * calling the other half so that N/2 calls are in flight at the end of each round. Call setup: from
 * the dial request sent to a caller fake until the callee's incoming action URL reached a listener
 * on an {@code EndpointServer}. Baseline in the same run, the least such a setup can cost on
 * loopback: the same request to the fake that changes no call (a volume key), then a GET on a new
 * connection to the same listener. Also the lab's start time and retained heap per phone, against
 * bare loopback listeners, and the heap per call in flight. Options: {@code phones rounds}.
 */
final class LabHarness {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private LabHarness() {}

  static void run(String[] args) throws Exception {
    int phones = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
    int pairs = phones / 2;

    // start time and heap: bare listeners, then the lab
    long before = Heap.settledUsed();
    long start = System.nanoTime();
    List<AutoCloseable> bare = new ArrayList<>();
    for (int i = 0; i < phones; i++) {
      bare.add(MemoryHarness.bareListener());
    }
    double bareStartMs = (System.nanoTime() - start) / 1e6;
    double bareHeap = (Heap.settledUsed() - before) / (double) phones;
    for (AutoCloseable b : bare) {
      b.close();
    }
    bare.clear();

    Map<String, CountDownLatch> pending = new ConcurrentHashMap<>();
    EndpointServer server =
        EndpointServer.builder()
            .bind(new InetSocketAddress("127.0.0.1", 0))
            .endpoint(
                "/ev",
                r -> {
                  String q = r.rawQuery().orElse("");
                  String phone = q.substring(q.indexOf("p=") + 2);
                  CountDownLatch l = pending.remove(phone);
                  if (l != null) {
                    l.countDown();
                  }
                  return EndpointResponse.text(200, "ok");
                })
            .start();
    before = Heap.settledUsed();
    start = System.nanoTime();
    FakeLab lab = FakeLab.builder().snom(phones).start();
    double labStartMs = (System.nanoTime() - start) / 1e6;
    double labHeap = (Heap.settledUsed() - before) / (double) phones;

    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    try {
      String incoming = server.uri("/ev") + "?e=incoming&p=$local";
      for (FakeSnomPhone f : lab.snomPhones()) {
        get(
            client,
            f.uri()
                + "dummy.htm?settings=save&action_incoming_url="
                + URLEncoder.encode(incoming, StandardCharsets.UTF_8));
      }
      List<FakeSnomPhone> callers = lab.snomPhones().subList(0, pairs);
      List<FakeSnomPhone> callees = lab.snomPhones().subList(pairs, 2 * pairs);
      double[] setup = new double[rounds * pairs];
      double[] baseline = new double[rounds * pairs];
      int at = 0;
      long inFlightHeap = 0;
      int inFlight = 0;
      for (int round = 0; round < rounds; round++) {
        long idle = round == rounds - 1 ? Heap.settledUsed() : 0;
        for (int i = 0; i < pairs; i++) {
          FakeSnomPhone caller = callers.get(i);
          FakeSnomPhone callee = callees.get(i);
          // baseline: the same request to the caller that changes no call, then a new connection
          // to the listener, as the fake's own sender opens one
          CountDownLatch direct = new CountDownLatch(1);
          pending.put("x" + callee.extension(), direct);
          long t0 = System.nanoTime();
          get(client, caller.uri() + "command.htm?key=VOLUME_UP");
          rawGet(server.uri("/ev"), "e=incoming&p=x" + callee.extension());
          await(direct);
          baseline[at] = (System.nanoTime() - t0) / 1e6;

          CountDownLatch rang = new CountDownLatch(1);
          pending.put(callee.extension(), rang);
          t0 = System.nanoTime();
          get(client, caller.uri() + "command.htm?number=" + callee.extension());
          await(rang);
          setup[at++] = (System.nanoTime() - t0) / 1e6;
          get(client, callee.uri() + "command.htm?key=ENTER");
        }
        for (FakeSnomPhone caller : callers) {
          if (caller.awaitCall(FakeCall.State.CONNECTED, WAIT).isEmpty()) {
            throw new IllegalStateException(caller.extension() + " has no connected call");
          }
        }
        if (round == rounds - 1) {
          inFlight = pairs;
          inFlightHeap = Heap.settledUsed() - idle;
        }
        for (FakeSnomPhone caller : callers) {
          get(client, caller.uri() + "command.htm?RELEASE_ALL_CALLS");
        }
        for (FakeSnomPhone callee : callees) {
          if (!callee.awaitNoCall(WAIT)) {
            throw new IllegalStateException(callee.extension() + " still has a call");
          }
        }
      }
      Report.head(
          "11. fake lab: "
              + phones
              + " snom fakes on one switchboard, "
              + pairs
              + " calls in flight per round, "
              + rounds
              + " rounds");
      Report.absolute(
          "call setup, dial to incoming at the listener",
          Stats.median(setup),
          Stats.median(baseline),
          "ms",
          5,
          "median < 5 ms");
      Report.line(
          "call setup p90",
          Stats.percentile(setup, 90),
          Stats.percentile(baseline, 90),
          "ms",
          null,
          false);
      Report.line("start of " + phones + " phones", labStartMs, bareStartMs, "ms", null, false);
      Report.line("retained heap per phone, idle", labHeap, bareHeap, "B", null, false);
      Report.note(
          String.format(
              java.util.Locale.ROOT,
              "baseline: a request to the fake that changes no call, then a new-connection GET to"
                  + " the same listener; start and heap baseline: a bound ServerSocket with its"
                  + " accept thread per phone. Heap per call in flight (both sides, %d calls):"
                  + " %.0f B. Setups per round: %d, the round's earlier calls still up.",
              inFlight,
              inFlightHeap / (double) Math.max(1, inFlight),
              pairs));
    } finally {
      lab.close();
      server.close();
    }
  }

  private static void get(HttpClient client, String url) throws Exception {
    HttpResponse<Void> r =
        client.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(WAIT).build(),
            HttpResponse.BodyHandlers.discarding());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(url + " answered " + r.statusCode());
    }
  }

  /** A GET on a new connection, read until the server closes it. */
  private static void rawGet(URI endpoint, String query) throws Exception {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), 5000);
      s.setTcpNoDelay(true);
      s.setSoTimeout(5000);
      OutputStream out = s.getOutputStream();
      out.write(
          ("GET "
                  + endpoint.getRawPath()
                  + "?"
                  + query
                  + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      byte[] buffer = new byte[1024];
      while (in.read(buffer) >= 0) {
        // until closed
      }
    }
  }

  private static void await(CountDownLatch latch) throws InterruptedException {
    if (!latch.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException("no incoming event within " + WAIT);
    }
  }
}
