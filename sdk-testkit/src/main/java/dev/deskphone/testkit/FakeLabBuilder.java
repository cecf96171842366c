package dev.deskphone.testkit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Configures and starts a {@link FakeLab}. Not thread-safe: configure it on one thread; each {@link
 * #start()} starts a new lab.
 */
public final class FakeLabBuilder {
  private final List<Consumer<FakeSnomPhoneBuilder>> snom = new ArrayList<>();
  private final List<Consumer<FakeUnifyPhoneBuilder>> unify = new ArrayList<>();
  private Clock clock;

  FakeLabBuilder() {}

  /** Adds {@code count} snom fakes with the builder's defaults. */
  public FakeLabBuilder snom(int count) {
    return snom(count, b -> {});
  }

  /**
   * Adds {@code count} snom fakes, each configured by {@code config} (called once per fake, on a
   * fresh builder, after the lab's {@linkplain #clock clock} was set on it).
   */
  public FakeLabBuilder snom(int count, Consumer<FakeSnomPhoneBuilder> config) {
    Objects.requireNonNull(config, "config");
    for (int i = 0; i < nonNegative(count); i++) {
      snom.add(config);
    }
    return this;
  }

  /**
   * Adds {@code count} Unify fakes, each configured by {@code config}, which must add at least one
   * key.
   */
  public FakeLabBuilder unify(int count, Consumer<FakeUnifyPhoneBuilder> config) {
    Objects.requireNonNull(config, "config");
    for (int i = 0; i < nonNegative(count); i++) {
      unify.add(config);
    }
    return this;
  }

  /** One clock for every fake, e.g. a {@link MutableClock} that moves the whole lab at once. */
  public FakeLabBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * Starts every fake, snom first, each on its own port of 127.0.0.1. If one fails to start, the
   * ones started are closed and the failure is thrown.
   */
  public FakeLab start() {
    List<FakeSnomPhone> snomPhones = new ArrayList<>(snom.size());
    List<FakeUnifyPhone> unifyPhones = new ArrayList<>(unify.size());
    try {
      for (Consumer<FakeSnomPhoneBuilder> config : snom) {
        FakeSnomPhoneBuilder b = FakeSnomPhone.builder();
        if (clock != null) {
          b.clock(clock);
        }
        config.accept(b);
        snomPhones.add(b.start());
      }
      for (Consumer<FakeUnifyPhoneBuilder> config : unify) {
        FakeUnifyPhoneBuilder b = FakeUnifyPhone.builder();
        if (clock != null) {
          b.clock(clock);
        }
        config.accept(b);
        unifyPhones.add(b.start());
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

  private static int nonNegative(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative, was " + count);
    }
    return count;
  }
}
