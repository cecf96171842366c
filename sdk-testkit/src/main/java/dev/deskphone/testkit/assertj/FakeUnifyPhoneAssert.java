package dev.deskphone.testkit.assertj;

import dev.deskphone.testkit.FakeUnifyPhone;
import dev.deskphone.testkit.RejectedRequest;
import java.util.List;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ListAssert;

/**
 * Assertions on a {@link FakeUnifyPhone}: its keys' LEDs, its pushes and key requests. A failure
 * names the phone, what was expected, what it actually saw, and the end of its journals. Each
 * assertion reads the fake once, when called, by the fake's clock. Not thread-safe: use an
 * assertion object on one thread.
 */
public final class FakeUnifyPhoneAssert
    extends AbstractAssert<FakeUnifyPhoneAssert, FakeUnifyPhone> {

  FakeUnifyPhoneAssert(FakeUnifyPhone actual) {
    super(actual, FakeUnifyPhoneAssert.class);
  }

  /**
   * Assertions on the LED of key {@code symbolicName} now.
   *
   * @param symbolicName the key's symbolic name
   * @return assertions on the LED
   */
  public FakeLedAssert led(String symbolicName) {
    Objects.requireNonNull(symbolicName, "symbolicName");
    isNotNull();
    return new FakeLedAssert(
        actual.led(symbolicName), symbolicName, "on " + actual + "\n" + journal());
  }

  /**
   * It sent exactly {@code count} key requests (pressed or pushed).
   *
   * @param count the expected number of key requests
   * @return this assertion
   */
  public FakeUnifyPhoneAssert sentKeyRequests(int count) {
    isNotNull();
    return counted(actual.requests().size(), count, "sent", "key request(s)");
  }

  /**
   * It received exactly {@code count} pushes, refused ones included.
   *
   * @param count the expected number of pushes
   * @return this assertion
   */
  public FakeUnifyPhoneAssert receivedPushes(int count) {
    isNotNull();
    return counted(actual.pushes().size(), count, "received", "push(es)");
  }

  /**
   * It refused no push; reading the rejections satisfies a strict fake's close.
   *
   * @return this assertion
   */
  public FakeUnifyPhoneAssert hasNoRejectedRequests() {
    isNotNull();
    List<RejectedRequest> rejected = actual.rejected();
    if (!rejected.isEmpty()) {
      fail("to have accepted every push", "it refused " + Rejections.list(rejected));
    }
    return this;
  }

  /** {@return the pushes it refused, for list assertions (the test has then seen them)} */
  public ListAssert<RejectedRequest> rejectedRequests() {
    isNotNull();
    return Assertions.assertThat(actual.rejected())
        .as(() -> "pushes refused by " + actual + "\n" + journal());
  }

  private FakeUnifyPhoneAssert counted(int got, int count, String verb, String what) {
    if (got != count) {
      fail("to have " + verb + " " + count + " " + what, "it " + verb + " " + got);
    }
    return this;
  }

  private void fail(String expected, String actually) {
    failWithMessage(
        "%s",
        "\nExpecting " + actual + "\n  " + expected + "\nbut " + actually + ".\n" + journal());
  }

  private String journal() {
    return Journal.ofUnify(actual.pushes(), actual.requests());
  }
}
