package dev.deskphone.testkit;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Many fake phones in one JVM, addressed as a fleet: for tests of code that drives hundreds of
 * phones at once.
 *
 * <pre>{@code
 * try (FakeLab lab = FakeLab.builder()
 *     .snom(200, b -> b.model(SnomModel.SNOM_870))
 *     .unify(50, b -> b.key(key))
 *     .start()) {
 *   // drive lab.uris() with the code under test, then assert on lab.snomPhones() ...
 * }
 * }</pre>
 *
 * <p>Each fake costs one listening socket and one accepting thread while idle. Thread-safe: the
 * lists are immutable and the fakes themselves thread-safe. {@link #close()} closes every fake,
 * every socket and every thread.
 */
public final class FakeLab implements AutoCloseable {
  private final List<FakeSnomPhone> snomPhones;
  private final List<FakeUnifyPhone> unifyPhones;

  FakeLab(List<FakeSnomPhone> snomPhones, List<FakeUnifyPhone> unifyPhones) {
    this.snomPhones = List.copyOf(snomPhones);
    this.unifyPhones = List.copyOf(unifyPhones);
  }

  /** A builder for an empty lab. */
  public static Builder builder() {
    return new Builder();
  }

  /** The snom fakes, in the order added. */
  public List<FakeSnomPhone> snomPhones() {
    return snomPhones;
  }

  /** The Unify fakes, in the order added. */
  public List<FakeUnifyPhone> unifyPhones() {
    return unifyPhones;
  }

  /** Every fake's URI: the snom fakes' web servers, then the Unify fakes' push servers. */
  public List<URI> uris() {
    return Stream.concat(
            snomPhones.stream().map(FakeSnomPhone::uri),
            unifyPhones.stream().map(FakeUnifyPhone::uri))
        .toList();
  }

  /** How many fakes it holds. */
  public int size() {
    return snomPhones.size() + unifyPhones.size();
  }

  /**
   * Closes every fake, even when some fail their strict check.
   *
   * @throws AssertionError after closing them all, naming every strict fake that got requests it
   *     did not understand
   */
  @Override
  public void close() {
    List<AssertionError> failures = new ArrayList<>();
    List<Runnable> closes = new ArrayList<>();
    snomPhones.forEach(f -> closes.add(f::close));
    unifyPhones.forEach(f -> closes.add(f::close));
    for (Runnable close : closes) {
      try {
        close.run();
      } catch (AssertionError e) {
        failures.add(e);
      }
    }
    if (!failures.isEmpty()) {
      AssertionError all =
          new AssertionError(
              failures.size()
                  + " of "
                  + size()
                  + " fake phones got requests they did not understand:\n"
                  + failures.stream().map(Throwable::getMessage).collect(Collectors.joining("\n")));
      failures.forEach(all::addSuppressed);
      throw all;
    }
  }

  @Override
  public String toString() {
    return "FakeLab[" + snomPhones.size() + " snom, " + unifyPhones.size() + " Unify]";
  }

  /**
   * Configures and starts a {@link FakeLab}; at least one fake is required. Not thread-safe:
   * configure it on one thread; each {@link #start()} starts a new lab.
   */
  public static final class Builder {
    private final List<Consumer<FakeSnomPhone.Builder>> snom = new ArrayList<>();
    private final List<Consumer<FakeUnifyPhone.Builder>> unify = new ArrayList<>();
    private Clock clock;

    private Builder() {}

    /** Adds {@code count} snom fakes with the builder's defaults. */
    public Builder snom(int count) {
      return snom(count, b -> {});
    }

    /**
     * Adds {@code count} snom fakes, each configured by {@code config} (called once per fake, on a
     * fresh builder, after the lab's {@linkplain #clock clock} was set on it).
     */
    public Builder snom(int count, Consumer<FakeSnomPhone.Builder> config) {
      Objects.requireNonNull(config, "config");
      for (int i = 0; i < nonNegative(count); i++) {
        snom.add(config);
      }
      return this;
    }

    /**
     * Adds {@code count} Unify fakes, each configured by {@code config}, which must add at least
     * one key.
     */
    public Builder unify(int count, Consumer<FakeUnifyPhone.Builder> config) {
      Objects.requireNonNull(config, "config");
      for (int i = 0; i < nonNegative(count); i++) {
        unify.add(config);
      }
      return this;
    }

    /** One clock for every fake, e.g. a {@link MutableClock} that moves the whole lab at once. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Starts every fake, snom first, each on its own port of 127.0.0.1. If one fails to start, the
     * ones started are closed and the failure is thrown.
     *
     * @throws IllegalStateException if no fake was added, or a Unify fake's configuration added no
     *     key
     */
    public FakeLab start() {
      if (snom.isEmpty() && unify.isEmpty()) {
        throw new IllegalStateException(
            "a fake lab needs at least one fake; add some with snom(n) or unify(n, config)");
      }
      List<FakeSnomPhone> snomPhones = new ArrayList<>(snom.size());
      List<FakeUnifyPhone> unifyPhones = new ArrayList<>(unify.size());
      try {
        for (Consumer<FakeSnomPhone.Builder> config : snom) {
          snomPhones.add(configured(FakeSnomPhone.builder(), b -> b.clock(clock), config).start());
        }
        for (Consumer<FakeUnifyPhone.Builder> config : unify) {
          unifyPhones.add(
              configured(FakeUnifyPhone.builder(), b -> b.clock(clock), config).start());
        }
      } catch (RuntimeException e) {
        try {
          new FakeLab(snomPhones, unifyPhones).close();
        } catch (AssertionError ignored) {
          // nothing was asked of them yet
        }
        throw e;
      }
      return new FakeLab(snomPhones, unifyPhones);
    }

    /** A fresh builder with the lab's clock, if one was set, then the caller's configuration. */
    private <B> B configured(B builder, Consumer<B> labClock, Consumer<B> config) {
      if (clock != null) {
        labClock.accept(builder);
      }
      config.accept(builder);
      return builder;
    }

    private static int nonNegative(int count) {
      if (count < 0) {
        throw new IllegalArgumentException("count must not be negative, was " + count);
      }
      return count;
    }
  }
}
