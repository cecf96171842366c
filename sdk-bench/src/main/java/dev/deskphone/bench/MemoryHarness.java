package dev.deskphone.bench;

import dev.deskphone.core.JdkHttpTransport;
import dev.deskphone.snom.SnomCommand;
import dev.deskphone.snom.SnomPhone;
import dev.deskphone.testkit.FakeSnomPhone;
import dev.deskphone.testkit.FakeUnifyPhone;
import dev.deskphone.testkit.Fault;
import dev.deskphone.unify.SendUrlKey;
import java.io.IOException;
import java.lang.ref.Reference;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Item 7: retained heap per idle {@link SnomPhone} sharing one transport (vs the {@link URI} a
 * hand-written client keeps per phone), per idle fake phone (vs a bare loopback {@link
 * ServerSocket} with its accepting thread), and per pending request (the SDK's {@code pressAsync}
 * vs a raw {@code sendAsync}, both to a fake that holds every answer). Method: see {@link Heap}.
 * Run it with a fixed heap for steadier figures: {@code java -Xms1g -Xmx1g -cp ...}.
 */
final class MemoryHarness {
  private MemoryHarness() {}

  static void run(String[] args) throws Exception {
    int phones = 20_000;
    int fakes = 200;
    int pending = 500;
    Report.head(
        "7. retained heap (bytes per instance; System.gc() x3, MemoryMXBean used heap delta / N)");

    JdkHttpTransport transport = JdkHttpTransport.create();
    double raw = perInstance(phones, i -> phoneUri(i));
    double sdk =
        perInstance(phones, i -> SnomPhone.builder().uri(phoneUri(i)).transport(transport).build());
    Report.absolute(
        "idle SnomPhone, shared transport (N=" + phones + ")", sdk, raw, "B", 2048, "< 2 KB");

    double bare = perInstance(fakes, i -> bareListener());
    double snom = perInstance(fakes, i -> FakeSnomPhone.builder().start());
    Report.line("idle FakeSnomPhone (N=" + fakes + ")", snom, bare, "B", null, false);
    double unify =
        perInstance(
            fakes,
            i ->
                FakeUnifyPhone.builder()
                    .key(
                        SendUrlKey.builder()
                            .symbolicName("Door")
                            .server(URI.create("http://127.0.0.1:9/"))
                            .build())
                    .start());
    Report.line("idle FakeUnifyPhone (N=" + fakes + ")", unify, bare, "B", null, false);
    Report.note("baseline of both fakes: a bare 127.0.0.1 ServerSocket and its accept thread");

    double sdkPending = pendingRequests(pending, true);
    double rawPending = pendingRequests(pending, false);
    Report.line(
        "pending request, fake holding the answer (N=" + pending + ")",
        sdkPending,
        rawPending,
        "B",
        null,
        false);
    Report.note(
        "both pending figures include the fake's side (its thread's buffers, the recorded request);"
            + " the SDK's own share is the difference: "
            + Report.format(sdkPending - rawPending)
            + " B");
  }

  private static URI phoneUri(int i) {
    return URI.create("http://10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255));
  }

  @FunctionalInterface
  interface Maker {
    Object make(int i) throws Exception;
  }

  /** Bytes retained per instance that {@code maker} makes, closing them afterwards. */
  private static double perInstance(int n, Maker maker) throws Exception {
    // A first, discarded batch loads the classes and any shared state.
    closeAll(makeAll(Math.min(n, 50), maker));
    long before = Heap.settledUsed();
    Object[] kept = makeAll(n, maker);
    long after = Heap.settledUsed();
    Reference.reachabilityFence(kept);
    closeAll(kept);
    return (after - before) / (double) n;
  }

  private static Object[] makeAll(int n, Maker maker) throws Exception {
    Object[] kept = new Object[n];
    for (int i = 0; i < n; i++) {
      kept[i] = maker.make(i);
    }
    return kept;
  }

  private static void closeAll(Object[] all) throws Exception {
    for (Object o : all) {
      if (o instanceof AutoCloseable c) {
        c.close();
      }
    }
  }

  /** Bytes per request in flight to a fake that does not answer within the measurement. */
  private static double pendingRequests(int n, boolean viaSdk) throws Exception {
    try (FakeSnomPhone fake = FakeSnomPhone.builder().start()) {
      fake.faults().always(Fault.delay(Duration.ofMinutes(2)));
      SnomPhone phone =
          SnomPhone.builder()
              .uri(fake.uri())
              .transport(
                  JdkHttpTransport.builder()
                      .timeout(Duration.ofMinutes(2))
                      .maxConcurrency(Math.max(1, n))
                      .build())
              .build();
      HttpClient raw = Loopback.rawClient();
      URI target = fake.uri().resolve("/command.htm?key=ENTER");
      // Warm both paths: one answered request each.
      fake.faults().clear();
      phone.press("ENTER");
      raw.send(
          HttpRequest.newBuilder(target).GET().build(), HttpResponse.BodyHandlers.discarding());
      fake.faults().always(Fault.delay(Duration.ofMinutes(2)));
      int already = fake.requests().size();
      long before = Heap.settledUsed();
      List<CompletableFuture<?>> inFlight = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        inFlight.add(
            viaSdk
                ? phone.sendAsync(SnomCommand.press("ENTER"))
                : raw.sendAsync(
                    HttpRequest.newBuilder(target).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray()));
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (fake.requests().size() < already + n && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      if (fake.requests().size() < already + n) {
        throw new IllegalStateException("only " + (fake.requests().size() - already) + " arrived");
      }
      long after = Heap.settledUsed();
      inFlight.forEach(f -> f.cancel(true));
      return (after - before) / (double) n;
    }
  }

  /** A bare listener: the least a loopback fake is. */
  static AutoCloseable bareListener() throws IOException {
    return BareListener.start();
  }

  /** The least a loopback fake is: a bound socket and a thread accepting on it. */
  private static final class BareListener implements AutoCloseable {
    private final ServerSocket socket;
    private final Thread acceptor;

    private BareListener(ServerSocket socket) {
      this.socket = socket;
      this.acceptor =
          new Thread(
              () -> {
                while (!socket.isClosed()) {
                  try (Socket s = socket.accept()) {
                    s.getOutputStream().flush();
                  } catch (IOException e) {
                    return;
                  }
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
    }

    static BareListener start() throws IOException {
      ServerSocket s = new ServerSocket();
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
      return new BareListener(s);
    }

    @Override
    public void close() throws IOException {
      socket.close();
      try {
        acceptor.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
