package dev.deskphone.testkit;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
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
  public static FakeLabBuilder builder() {
    return new FakeLabBuilder();
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
}
