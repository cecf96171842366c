package dev.deskphone.bench;

import dev.deskphone.core.Credentials;
import dev.deskphone.core.PhoneAuth;
import dev.deskphone.core.PhoneOutcomeUnknownException;
import dev.deskphone.snom.SnomPhone;
import dev.deskphone.testkit.FakeSnomPhone;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Item 2: {@code press} throughput on one thread with no authentication, Basic (over http, opted
 * in) and Digest (MD5, {@code qop=auth}, the nonce reused with the next {@code nc}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AuthBenchmark {
  /** Which authentication the fake asks for. */
  @Param({"none", "basic", "digest"})
  public String auth;

  private FakeSnomPhone fake;
  private SnomPhone phone;
  private final LongAdder calls = new LongAdder();
  private final LongAdder outcomeUnknown = new LongAdder();

  /** Starts a fake asking for {@link #auth} and a client that answers it. */
  @Setup
  public void start() {
    fake = fake(auth);
    phone = client(auth, fake);
  }

  /** A fake snom phone asking for {@code auth}: none, basic or digest. */
  static FakeSnomPhone fake(String auth) {
    FakeSnomPhone.Builder b = FakeSnomPhone.builder();
    switch (auth) {
      case "none" -> b.noAuth();
      case "basic" -> b.basicAuth("admin", "secret");
      case "digest" -> b.digestAuth("admin", "secret");
      default -> throw new IllegalArgumentException("auth must be none, basic or digest: " + auth);
    }
    return b.start();
  }

  /** A client of {@code fake} with the credentials {@code auth} needs. */
  static SnomPhone client(String auth, FakeSnomPhone fake) {
    SnomPhone.Builder b = SnomPhone.builder().uri(fake.uri());
    if (!auth.equals("none")) {
      b.auth(PhoneAuth.of(Credentials.of("admin", "secret")).allowingBasicOverHttp());
    }
    return b.build();
  }

  /** Prints how many presses ended outcome unknown (see {@link PressBenchmark}), stops the fake. */
  @TearDown
  public void stop() {
    System.out.printf(
        "%n[press:%s] %,d calls, %,d outcome unknown (not resent), the fake read %,d requests%n",
        auth, calls.sum(), outcomeUnknown.sum(), fake.requests().size());
    fake.close();
  }

  /** One key press. */
  @Benchmark
  public void press() {
    calls.increment();
    try {
      phone.press("ENTER");
    } catch (PhoneOutcomeUnknownException e) {
      outcomeUnknown.increment();
    }
  }
}
