package dev.deskphone.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskphone.core.BatchOutcome;
import dev.deskphone.core.BatchResult;
import dev.deskphone.core.JdkHttpTransport;
import dev.deskphone.core.PhoneBatch;
import dev.deskphone.core.PhoneException;
import dev.deskphone.core.PhoneOutcomeUnknownException;
import dev.deskphone.core.PhoneTransport;
import dev.deskphone.snom.SnomCommand;
import dev.deskphone.snom.SnomPhone;
import dev.deskphone.testkit.Dialed;
import dev.deskphone.testkit.FakeSnomPhone;
import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The soak (not part of {@code ./mvnw verify}; see docs/RELIABILITY.md for its command): 200 fake
 * phones, one command on each per round from many threads, a fixed-seed mix of faults, for {@code
 * -Dsoak.minutes} (default 3). Checks that no side effect is ever duplicated, that every failure is
 * typed, and that threads and file descriptors stay flat.
 */
@Tag("soak")
class SoakTest {
  private static final int PHONES = 200;
  private static final long SEED = 20261201L;
  private static final Duration TIMEOUT = Duration.ofMillis(500);

  @Test
  void twoHundredPhonesUnderAFaultMixNeverDuplicateACommand() throws Exception {
    double minutes = Double.parseDouble(System.getProperty("soak.minutes", "3"));
    long end = System.nanoTime() + (long) (minutes * 60e9);
    Random random = new Random(SEED);
    List<FakeSnomPhone> fakes = new ArrayList<>();
    Map<String, Integer> outcomes = new ConcurrentHashMap<>();
    Map<String, FakeSnomPhone> sentTo = new HashMap<>();
    int rounds = 0;
    long commands = 0;
    try {
      for (int i = 0; i < PHONES; i++) {
        fakes.add(FakeSnomPhone.builder().rebootDowntime(Duration.ZERO).lenient().start());
      }
      PhoneTransport transport = JdkHttpTransport.builder().timeout(TIMEOUT).build();
      List<SnomPhone> phones =
          fakes.stream()
              .map(f -> SnomPhone.builder().uri(f.uri()).transport(transport).build())
              .toList();
      Map<SnomPhone, FakeSnomPhone> fakeOf = new HashMap<>();
      for (int i = 0; i < PHONES; i++) {
        fakeOf.put(phones.get(i), fakes.get(i));
      }
      PhoneBatch batch = PhoneBatch.builder().concurrency(64).build();
      round(batch, phones, p -> "warm", outcomes); // connections and threads at their working size
      List<Integer> threads = new ArrayList<>();
      List<Long> fds = new ArrayList<>();

      while (System.nanoTime() < end) {
        rounds++;
        for (FakeSnomPhone f : fakes) {
          f.faults().clear();
          f.remoteControl(true);
          int dice = random.nextInt(100);
          if (dice < 5) {
            f.faults().always(dev.deskphone.testkit.Fault.closeWithoutAnswer());
          } else if (dice < 8) {
            f.faults().always(dev.deskphone.testkit.Fault.delay(TIMEOUT.multipliedBy(2)));
          } else if (dice < 10) {
            f.remoteControl(false);
          }
        }
        int r = rounds;
        Map<SnomPhone, String> numbers = new HashMap<>();
        for (SnomPhone p : phones) {
          String number = String.valueOf(1_000_000L * r + phones.indexOf(p));
          numbers.put(p, number);
          sentTo.put(number, fakeOf.get(p));
        }
        commands += PHONES;
        round(batch, phones, numbers::get, outcomes);
        threads.add(Thread.activeCount());
        fds.add(openFileDescriptors());
      }
      for (FakeSnomPhone f : fakes) {
        f.faults().clear();
      }

      // No number was ever dialed twice, and every success was dialed exactly once.
      Map<String, Integer> dialedCount = new HashMap<>();
      for (FakeSnomPhone f : fakes) {
        for (Dialed d : f.dialed()) {
          if (!d.number().equals(WARM_NUMBER)) {
            dialedCount.merge(d.number(), 1, Integer::sum);
          }
        }
      }
      assertThat(dialedCount.values()).as("duplicated side effects").allMatch(n -> n == 1);
      outcomes.forEach(
          (number, kind) -> {
            if (kind == OK) {
              assertThat(dialedCount.getOrDefault(number, 0)).as("dials of " + number).isEqualTo(1);
            } else if (kind == NOT_SENT) {
              assertThat(dialedCount.getOrDefault(number, 0)).as("dials of " + number).isZero();
            }
          });
      assertThat(outcomes).doesNotContainValue(UNTYPED);
      // Flat: the last third of the rounds uses no more threads or descriptors than the first.
      assertThat(rounds).as("rounds").isGreaterThanOrEqualTo(6);
      assertThat(lastThird(threads))
          .as("threads, last third vs first")
          .isLessThanOrEqualTo(firstThird(threads) * 1.1 + 16);
      assertThat(lastThird(fds))
          .as("fds, last third vs first")
          .isLessThanOrEqualTo(firstThird(fds) * 1.1 + 32);
      System.out.printf(
          "soak: %d rounds, %d commands, %d ok, %d outcome unknown, %d refused/failed typed;"
              + " threads %.0f -> %.0f, fds %.0f -> %.0f (mean of first and last third of rounds)%n",
          rounds,
          commands,
          outcomes.values().stream().filter(k -> k == OK).count(),
          outcomes.values().stream().filter(k -> k == UNKNOWN).count(),
          outcomes.values().stream().filter(k -> k == NOT_SENT || k == FAILED).count(),
          firstThird(threads),
          lastThird(threads),
          firstThird(fds),
          lastThird(fds));
    } finally {
      fakes.forEach(FakeSnomPhone::close);
    }
  }

  private static final String WARM_NUMBER = "1";
  private static final int OK = 0;
  private static final int UNKNOWN = 1;
  private static final int NOT_SENT = 2;
  private static final int FAILED = 3;
  private static final int UNTYPED = 4;

  private static void round(
      PhoneBatch batch,
      List<SnomPhone> phones,
      Function<SnomPhone, String> number,
      Map<String, Integer> outcomes) {
    BatchResult<SnomPhone, Void> result =
        batch.run(
            phones,
            p ->
                p.sendAsync(
                    SnomCommand.dial(number.apply(p).equals("warm") ? "1" : number.apply(p))));
    for (BatchOutcome<SnomPhone, Void> o : result.outcomes()) {
      String n = number.apply(o.phone());
      if (n.equals("warm")) {
        continue;
      }
      if (o instanceof BatchOutcome.Succeeded<SnomPhone, Void>) {
        outcomes.put(n, OK);
      } else if (o instanceof BatchOutcome.Failed<SnomPhone, Void> f) {
        Throwable e = f.error();
        outcomes.put(
            n,
            e instanceof PhoneOutcomeUnknownException
                ? UNKNOWN
                : e instanceof dev.deskphone.core.PhoneConnectException
                    ? NOT_SENT
                    : e instanceof PhoneException ? FAILED : UNTYPED);
      } else {
        outcomes.put(n, NOT_SENT);
      }
    }
  }

  private static double firstThird(List<? extends Number> samples) {
    return samples.subList(0, samples.size() / 3).stream()
        .mapToDouble(Number::doubleValue)
        .average()
        .orElse(0);
  }

  private static double lastThird(List<? extends Number> samples) {
    return samples.subList(samples.size() - samples.size() / 3, samples.size()).stream()
        .mapToDouble(Number::doubleValue)
        .average()
        .orElse(0);
  }

  private static long openFileDescriptors() {
    String[] fds = new File("/proc/self/fd").list();
    return fds == null ? -1 : fds.length;
  }
}
