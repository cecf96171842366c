package dev.deskphone.testkit;

import dev.deskphone.testkit.internal.Action;
import dev.deskphone.testkit.internal.Interceptor;
import dev.deskphone.testkit.internal.RebootCycle;
import dev.deskphone.testkit.internal.RecordedRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;

/**
 * The fault script of one fake phone, the same for {@link FakeSnomPhone} and {@link
 * FakeUnifyPhone}: which requests or connections get which {@link Fault}. Deterministic: rules are
 * tried in the order added, the first that strikes wins, and random rules draw from their own
 * seeded generator once per request, in arrival order.
 *
 * <pre>{@code
 * fake.faults().onRequest(2, Fault.closeWithoutAnswer());   // the 2nd request the fake reads
 * fake.faults().onRequestOfConnection(3, Fault.reset());    // the 3rd on every kept-alive connection
 * fake.faults().always(Fault.delay(Duration.ofSeconds(2)));  // every answer late (real time)
 * fake.faults().randomly(42, 0.1, Fault.reset(), Fault.neverAnswer());
 * fake.faults().refuseConnectionsFor(Duration.ofSeconds(30)); // on the fake's clock
 * fake.faults().clear();                                      // answer normally again
 * }</pre>
 *
 * <p>The fakes' journals ({@link FakeSnomPhone#requests()}, {@link FakeUnifyPhone#pushes()}) record
 * the requests and what the phone meant to answer; {@link #injected()} records which faults struck
 * where.
 *
 * <p>Thread-safe: a test may change the script while the fake serves; a change applies from the
 * next request or connection on. No method blocks.
 */
public final class Faults {
  private final boolean https;
  private final Clock clock;
  private final RebootCycle outages;
  private final List<FaultRule> rules = new ArrayList<>(); // guarded by this
  private final List<InjectedFault> injected = new ArrayList<>(); // guarded by this

  Faults(boolean https, Clock clock, RebootCycle outages) {
    this.https = https;
    this.clock = clock;
    this.outages = outages;
  }

  /**
   * Strikes the {@code n}-th request the fake reads (1-based, {@link FakeRequest#sequence()}).
   *
   * @param n the request's sequence number, 1-based
   * @param fault what to do to it
   * @return this, for chaining
   */
  public Faults onRequest(int n, Fault fault) {
    positive(n, "n");
    return add(FaultRule.of(checked(fault), true, s -> s.sequence() == n));
  }

  /**
   * Strikes every request on the {@code n}-th connection the fake accepts (1-based).
   *
   * @param n the connection's number, 1-based
   * @param fault what to do to its requests
   * @return this, for chaining
   */
  public Faults onConnection(int n, Fault fault) {
    positive(n, "n");
    return add(FaultRule.of(checked(fault), false, s -> s.connection() == n));
  }

  /**
   * Strikes the {@code n}-th request (1-based) of every connection: with {@code n > 1}, a
   * kept-alive connection fails after it served {@code n - 1} requests.
   *
   * @param n the request's place on its connection, 1-based
   * @param fault what to do to it
   * @return this, for chaining
   */
  public Faults onRequestOfConnection(int n, Fault fault) {
    positive(n, "n");
    return add(FaultRule.of(checked(fault), false, s -> s.index() == n));
  }

  /**
   * Strikes every request {@code which} matches.
   *
   * @param which the requests to strike
   * @param fault what to do to them
   * @return this, for chaining
   * @throws IllegalArgumentException for a {@linkplain Fault#beforeReading() connection fault},
   *     which strikes before there is a request to match
   */
  public Faults when(Predicate<FakeRequest> which, Fault fault) {
    Objects.requireNonNull(which, "which");
    return add(FaultRule.of(answerFault(fault), false, s -> which.test(s.request())));
  }

  /**
   * Strikes every request (or connection, for a connection fault).
   *
   * @param fault what to do to each
   * @return this, for chaining
   */
  public Faults always(Fault fault) {
    return add(FaultRule.of(checked(fault), false, s -> true));
  }

  /**
   * Strikes the next request (or connection, for a connection fault) only.
   *
   * @param fault what to do to it
   * @return this, for chaining
   */
  public Faults next(Fault fault) {
    return add(FaultRule.of(checked(fault), true, s -> true));
  }

  /**
   * Strikes each request with {@code probability}, with one of {@code faults} chosen at random: the
   * same seed and the same requests give the same faults.
   *
   * @param seed the random generator's seed
   * @param probability the chance of a fault per request, 0 to 1
   * @param faults the faults to choose from
   * @return this, for chaining
   * @throws IllegalArgumentException for a connection fault or a probability outside 0..1
   */
  public Faults randomly(long seed, double probability, Fault... faults) {
    if (!(probability >= 0 && probability <= 1) || faults.length == 0) {
      throw new IllegalArgumentException(
          "give a probability from 0 to 1 and at least one fault, got " + probability);
    }
    List<Fault> choice = List.of(faults).stream().map(this::answerFault).toList();
    Random random = new Random(seed);
    return add(
        new FaultRule() {
          @Override
          public Optional<Fault> pick(FaultRule.Slot slot) {
            if (slot.beforeReading()) {
              return Optional.empty();
            }
            boolean strike = random.nextDouble() < probability;
            Fault f = choice.get(random.nextInt(choice.size()));
            return strike ? Optional.of(f) : Optional.empty();
          }

          @Override
          public boolean once() {
            return false;
          }
        });
  }

  /**
   * Takes the fake off the network for {@code length} on its clock (a {@link MutableClock} needs
   * advancing): it stops listening, so connections are refused, and drops open connections. It
   * keeps its state, unlike a reboot. No-op while already offline.
   *
   * @param length how long it stays offline
   */
  public void refuseConnectionsFor(Duration length) {
    Objects.requireNonNull(length, "length");
    if (length.isNegative() || length.isZero()) {
      throw new IllegalArgumentException("length must be positive, got " + length);
    }
    outages.outage(length);
  }

  /** Ends {@link #refuseConnectionsFor} now. No-op when online. */
  public void acceptConnections() {
    outages.finish();
  }

  /**
   * Removes every rule, so that the fake answers normally again from the next request or connection
   * on; an outage from {@link #refuseConnectionsFor} goes on until {@link #acceptConnections()}.
   */
  public synchronized void clear() {
    rules.clear();
  }

  /** {@return every fault injected so far, in order} */
  public synchronized List<InjectedFault> injected() {
    return List.copyOf(injected);
  }

  Interceptor interceptor() {
    return new Interceptor() {
      @Override
      public Action beforeRead(int sequence, int connection, int index) {
        return strike(new FaultRule.Slot(sequence, connection, index, null))
            .map(f -> FaultActions.beforeReading(f))
            .orElse(null);
      }

      @Override
      public Action answer(int sequence, RecordedRequest request, Action planned) {
        FakeRequest r = request.toFake(sequence, clock.instant());
        return strike(new FaultRule.Slot(sequence, r.connection(), r.indexOnConnection(), r))
            .map(f -> FaultActions.answer(f, planned))
            .orElse(planned);
      }
    };
  }

  private synchronized Optional<Fault> strike(FaultRule.Slot slot) {
    for (FaultRule rule : List.copyOf(rules)) {
      Optional<Fault> f = rule.pick(slot);
      if (f.isPresent()) {
        if (rule.once()) {
          rules.remove(rule);
        }
        injected.add(new InjectedFault(f.get(), slot.sequence(), slot.connection(), slot.index()));
        return f;
      }
    }
    return Optional.empty();
  }

  private synchronized Faults add(FaultRule rule) {
    rules.add(rule);
    return this;
  }

  private Fault checked(Fault fault) {
    Objects.requireNonNull(fault, "fault");
    if (fault.kind() == Fault.Kind.TLS_HANDSHAKE_FAILURE && !https) {
      throw new IllegalArgumentException("a TLS handshake failure needs a fake built with https()");
    }
    return fault;
  }

  private Fault answerFault(Fault fault) {
    if (checked(fault).beforeReading()) {
      throw new IllegalArgumentException(
          fault + " strikes before a request is read; use onConnection, onRequest or next");
    }
    return fault;
  }

  private static void positive(int n, String what) {
    if (n < 1) {
      throw new IllegalArgumentException(what + " counts from 1, was " + n);
    }
  }
}
