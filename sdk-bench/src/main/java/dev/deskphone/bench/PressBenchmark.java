package dev.deskphone.bench;

import dev.deskphone.core.PhoneOutcomeUnknownException;
import dev.deskphone.snom.SnomPhone;
import dev.deskphone.testkit.FakeSnomPhone;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Item 1: {@code SnomPhone.press("ENTER")} against a raw {@code java.net.http} GET of the same URL
 * ({@code /command.htm?key=ENTER}) on the same {@link FakeSnomPhone}: latency on one thread, and
 * throughput from 4 threads.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PressBenchmark {
  private FakeSnomPhone fake;
  private SnomPhone phone;
  private HttpClient raw;
  private URI rawUri;
  private final LongAdder sdkCalls = new LongAdder();
  private final LongAdder rawCalls = new LongAdder();
  private final LongAdder outcomeUnknown = new LongAdder();

  /** Starts the fake, the SDK's client and the raw one. */
  @Setup
  public void start() {
    fake = FakeSnomPhone.builder().start();
    phone = SnomPhone.builder().uri(fake.uri()).build();
    raw = Loopback.rawClient();
    rawUri = fake.uri().resolve("/command.htm?key=ENTER");
  }

  /**
   * Prints what reached the fake, then stops it. Under 4 threads the JDK client now and then closes
   * a kept-alive connection under a request it has just written and tries to send it again: the raw
   * client then delivers it twice, the SDK refuses the second delivery and reports {@link
   * PhoneOutcomeUnknownException} (counted here, not a benchmark failure). See PERFORMANCE.md.
   */
  @TearDown
  public void stop() {
    System.out.printf(
        "%n[press] SDK %,d calls (%,d outcome unknown, not resent), raw %,d calls;"
            + " the fake read %,d requests%n",
        sdkCalls.sum(), outcomeUnknown.sum(), rawCalls.sum(), fake.requests().size());
    fake.close();
  }

  /** The SDK: parse, check, send, check the answer. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  public void sdkLatency() {
    sdkPress();
  }

  /** The baseline: a hand-written GET of the same URL. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  public int rawLatency() throws IOException, InterruptedException {
    return rawPress();
  }

  /** The SDK from 4 threads at once. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(4)
  public void sdkThroughput() {
    sdkPress();
  }

  private void sdkPress() {
    sdkCalls.increment();
    try {
      phone.press("ENTER");
    } catch (PhoneOutcomeUnknownException e) {
      outcomeUnknown.increment();
    }
  }

  /** The baseline from 4 threads at once. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(4)
  public int rawThroughput() throws IOException, InterruptedException {
    return rawPress();
  }

  private int rawPress() throws IOException, InterruptedException {
    rawCalls.increment();
    HttpResponse<byte[]> response =
        raw.send(
            HttpRequest.newBuilder(rawUri).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("the fake answered " + response.statusCode());
    }
    return response.body().length;
  }
}
