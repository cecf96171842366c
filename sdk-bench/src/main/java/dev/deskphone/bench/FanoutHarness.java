package dev.deskphone.bench;

import dev.deskphone.core.BatchResult;
import dev.deskphone.core.JdkHttpTransport;
import dev.deskphone.core.PhoneBatch;
import dev.deskphone.snom.SnomCommand;
import dev.deskphone.snom.SnomPhone;
import dev.deskphone.testkit.FakeSnomPhone;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Item 3: one key press on 1,000 fake snom phones with at most 64 in flight, {@link PhoneBatch} and
 * {@code SnomPhone.pressAsync} on one shared transport against a raw {@code sendAsync} fan-out
 * capped by a {@link Semaphore} of 64, on the same fakes. Rounds alternate which goes first; the
 * first rounds (connections opened) are warm-up. Options: {@code phones rounds}.
 */
final class FanoutHarness {
  private FanoutHarness() {}

  static void run(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    int warmup = 3;
    int cap = 64;
    long t0 = System.nanoTime();
    List<FakeSnomPhone> fakes = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        fakes.add(FakeSnomPhone.builder().start());
      }
      Report.note(count + " fakes started in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
      JdkHttpTransport transport = JdkHttpTransport.create();
      List<SnomPhone> phones = new ArrayList<>();
      List<URI> uris = new ArrayList<>();
      for (FakeSnomPhone f : fakes) {
        phones.add(SnomPhone.builder().uri(f.uri()).transport(transport).build());
        uris.add(f.uri().resolve("/command.htm?key=ENTER"));
      }
      PhoneBatch batch =
          PhoneBatch.builder().concurrency(cap).deadline(Duration.ofMinutes(2)).build();
      HttpClient raw = Loopback.rawClient();
      double[] sdk = new double[rounds];
      double[] base = new double[rounds];
      for (int r = -warmup; r < rounds; r++) {
        boolean sdkFirst = (r & 1) == 0;
        double a = sdkFirst ? sdkRound(batch, phones) : rawRound(raw, uris, cap);
        double b = sdkFirst ? rawRound(raw, uris, cap) : sdkRound(batch, phones);
        if (r >= 0) {
          sdk[r] = sdkFirst ? a : b;
          base[r] = sdkFirst ? b : a;
        }
      }
      Report.head(
          "3. one press on "
              + count
              + " fakes, "
              + cap
              + " in flight: PhoneBatch vs raw sendAsync");
      Report.line(
          "wall time, median of " + rounds + " rounds (ms)",
          Stats.median(sdk),
          Stats.median(base),
          "ms",
          1.15,
          false);
      Report.note(
          "SDK rounds "
              + Stats.range(sdk, "%.0f")
              + " ms, raw rounds "
              + Stats.range(base, "%.0f")
              + " ms; "
              + warmup
              + " warm-up rounds each first (they open the connections)");
      int requests = fakes.stream().mapToInt(f -> f.requests().size()).sum();
      Report.note(
          "requests at the fakes: "
              + requests
              + " = "
              + count
              + " x "
              + (rounds + warmup)
              + " rounds x 2 (SDK and raw), each press exactly once");
    } finally {
      fakes.forEach(FakeSnomPhone::close);
    }
  }

  private static final SnomCommand PRESS = SnomCommand.press("ENTER");

  private static double sdkRound(PhoneBatch batch, List<SnomPhone> phones) {
    long start = System.nanoTime();
    BatchResult<SnomPhone, Void> result = batch.run(phones, p -> p.sendAsync(PRESS));
    double ms = (System.nanoTime() - start) / 1e6;
    if (!result.allSucceeded()) {
      throw new IllegalStateException(
          result.failed().size() + " phones failed: " + result.failed().get(0).error());
    }
    return ms;
  }

  private static double rawRound(HttpClient raw, List<URI> uris, int cap)
      throws InterruptedException {
    Semaphore slots = new Semaphore(cap);
    AtomicInteger failed = new AtomicInteger();
    List<CompletableFuture<?>> all = new ArrayList<>(uris.size());
    long start = System.nanoTime();
    for (URI uri : uris) {
      slots.acquire();
      all.add(
          raw.sendAsync(
                  HttpRequest.newBuilder(uri).GET().build(),
                  HttpResponse.BodyHandlers.ofByteArray())
              .whenComplete(
                  (response, error) -> {
                    slots.release();
                    if (error != null || response.statusCode() != 200) {
                      failed.incrementAndGet();
                    }
                  }));
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
    double ms = (System.nanoTime() - start) / 1e6;
    if (failed.get() > 0) {
      throw new IllegalStateException(failed.get() + " raw requests failed");
    }
    return ms;
  }
}
