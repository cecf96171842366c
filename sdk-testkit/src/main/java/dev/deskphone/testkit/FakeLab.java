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
 * Many fake phones in one JVM, addressed as a fleet and connected by one {@link Switchboard}: for
 * tests of code that drives hundreds of phones at once, and of calls between them. The fakes get
 * extensions in the order added, from 101: the snom fakes first, then the Unify fakes.
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
  private static final int FIRST_EXTENSION = 101;

  private final List<FakeSnomPhone> snomPhones;
  private final List<FakeUnifyPhone> unifyPhones;
  private final Switchboard board;

  FakeLab(List<FakeSnomPhone> snomPhones, List<FakeUnifyPhone> unifyPhones, Switchboard board) {
    this.snomPhones = List.copyOf(snomPhones);
    this.unifyPhones = List.copyOf(unifyPhones);
    this.board = board;
  }

  /** {@return a builder for an empty lab} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the snom fakes, in the order added} */
  public List<FakeSnomPhone> snomPhones() {
    return snomPhones;
  }

  /** {@return the Unify fakes, in the order added} */
  public List<FakeUnifyPhone> unifyPhones() {
    return unifyPhones;
  }

  /** {@return the switchboard connecting its fakes: far ends are set here} */
  public Switchboard switchboard() {
    return board;
  }

  /**
   * The snom fake with {@code extension}.
   *
   * @param extension the fake's extension
   * @return the fake
   * @throws IllegalArgumentException if no snom fake of the lab has it, naming the extensions
   */
  public FakeSnomPhone snomPhone(String extension) {
    Objects.requireNonNull(extension, "extension");
    return snomPhones.stream()
        .filter(f -> f.extension().equals(extension))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no snom fake has extension '"
                        + extension
                        + "'; the lab's snom extensions are "
                        + snomPhones.stream().map(FakeSnomPhone::extension).toList()));
  }

  /** {@return every fake's URI: the snom fakes' web servers, then the Unify fakes' push servers} */
  public List<URI> uris() {
    return Stream.concat(
            snomPhones.stream().map(FakeSnomPhone::uri),
            unifyPhones.stream().map(FakeUnifyPhone::uri))
        .toList();
  }

  /** {@return how many fakes it holds} */
  public int size() {
    return snomPhones.size() + unifyPhones.size();
  }

  /**
   * Closes every fake and the switchboard, even when some fail their strict check.
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
    board.close();
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
    return "FakeLab["
        + snomPhones.size()
        + " snom, "
        + unifyPhones.size()
        + " Unify, extensions "
        + board.extensions()
        + "]";
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

    /**
     * Adds {@code count} snom fakes with the builder's defaults.
     *
     * @param count how many to add
     * @return this builder
     */
    public Builder snom(int count) {
      return snom(count, b -> {});
    }

    /**
     * Adds {@code count} snom fakes, each configured by {@code config} (called once per fake, on a
     * fresh builder, after the lab's {@linkplain #clock clock} was set on it).
     *
     * @param count how many to add
     * @param config configures each fake's builder
     * @return this builder
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
     *
     * @param count how many to add
     * @param config configures each fake's builder
     * @return this builder
     */
    public Builder unify(int count, Consumer<FakeUnifyPhone.Builder> config) {
      Objects.requireNonNull(config, "config");
      for (int i = 0; i < nonNegative(count); i++) {
        unify.add(config);
      }
      return this;
    }

    /**
     * One clock for every fake, e.g. a {@link MutableClock} that moves the whole lab at once.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Starts every fake, snom first, each on its own port of 127.0.0.1. If one fails to start, the
     * ones started are closed and the failure is thrown.
     *
     * @return the lab, every fake started
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
      Switchboard board = Switchboard.create();
      int extension = FIRST_EXTENSION;
      try {
        for (Consumer<FakeSnomPhone.Builder> config : snom) {
          String ext = Integer.toString(extension++);
          snomPhones.add(
              configured(FakeSnomPhone.builder(), b -> b.switchboard(board, ext), config).start());
        }
        for (Consumer<FakeUnifyPhone.Builder> config : unify) {
          String ext = Integer.toString(extension++);
          unifyPhones.add(
              configured(FakeUnifyPhone.builder(), b -> b.switchboard(board, ext), config).start());
        }
      } catch (RuntimeException e) {
        try {
          new FakeLab(snomPhones, unifyPhones, board).close();
        } catch (AssertionError ignored) {
          // nothing was asked of them yet
        }
        throw e;
      }
      return new FakeLab(snomPhones, unifyPhones, board);
    }

    /**
     * A fresh builder on the lab's switchboard, with the lab's clock if one was set, then the
     * caller's configuration.
     */
    private <B> B configured(B builder, Consumer<B> onBoard, Consumer<B> config) {
      onBoard.accept(builder);
      if (clock != null) {
        if (builder instanceof FakeSnomPhone.Builder b) {
          b.clock(clock);
        } else if (builder instanceof FakeUnifyPhone.Builder b) {
          b.clock(clock);
        }
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
