package dev.deskphone.testkit.assertj;

import dev.deskphone.testkit.FakeLab;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a whole {@link FakeLab}: one requirement checked on every phone, with a failure
 * that names every phone that missed it (the first few messages in full). Not thread-safe: use an
 * assertion object on one thread.
 */
public final class FakeLabAssert extends AbstractAssert<FakeLabAssert, FakeLab> {
  private static final int SHOWN = 3;

  FakeLabAssert(FakeLab actual) {
    super(actual, FakeLabAssert.class);
  }

  /**
   * Every snom fake satisfies {@code requirement}, e.g. {@code p -> p.dialed("+4930123")}.
   *
   * @param requirement what each snom fake must satisfy
   * @return this assertion
   */
  public FakeLabAssert everySnomPhone(Consumer<FakeSnomPhoneAssert> requirement) {
    Objects.requireNonNull(requirement, "requirement");
    isNotNull();
    return every(
        "snom",
        actual.snomPhones().stream()
            .<Runnable>map(p -> () -> requirement.accept(new FakeSnomPhoneAssert(p)))
            .toList());
  }

  /**
   * Every Unify fake satisfies {@code requirement}.
   *
   * @param requirement what each Unify fake must satisfy
   * @return this assertion
   */
  public FakeLabAssert everyUnifyPhone(Consumer<FakeUnifyPhoneAssert> requirement) {
    Objects.requireNonNull(requirement, "requirement");
    isNotNull();
    return every(
        "Unify",
        actual.unifyPhones().stream()
            .<Runnable>map(p -> () -> requirement.accept(new FakeUnifyPhoneAssert(p)))
            .toList());
  }

  /**
   * No fake got a request it did not understand.
   *
   * @return this assertion
   */
  public FakeLabAssert hasNoRejectedRequests() {
    everySnomPhone(FakeSnomPhoneAssert::hasNoRejectedRequests);
    return everyUnifyPhone(FakeUnifyPhoneAssert::hasNoRejectedRequests);
  }

  private FakeLabAssert every(String vendor, List<Runnable> checks) {
    List<String> failures = new ArrayList<>();
    for (Runnable check : checks) {
      try {
        check.run();
      } catch (AssertionError e) {
        failures.add(e.getMessage());
      }
    }
    if (!failures.isEmpty()) {
      failWithMessage(
          "%s",
          "\nExpecting every "
              + vendor
              + " phone of "
              + actual
              + " to pass\nbut "
              + failures.size()
              + " of "
              + checks.size()
              + " did not; the first:\n"
              + String.join("\n", failures.subList(0, Math.min(SHOWN, failures.size()))));
    }
    return this;
  }
}
