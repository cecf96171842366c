package dev.deskphone.testkit.assertj;

import dev.deskphone.testkit.FakeLab;
import dev.deskphone.testkit.FakeLed;
import dev.deskphone.testkit.FakeSnomPhone;
import dev.deskphone.testkit.FakeUnifyPhone;

/**
 * The entry point of the testkit's AssertJ assertions (AssertJ must be on the class path; nothing
 * else in the testkit needs it).
 *
 * <pre>{@code
 * import static dev.deskphone.testkit.assertj.DeskphoneAssertions.assertThat;
 *
 * assertThat(fake).pressedKeys().containsExactly("OFFHOOK", "1");
 * assertThat(fake).dialed("+4930123456").isOffHook();
 * assertThat(unify).led("Door").isFlashing().hasColour(LedColour.RED);
 * }</pre>
 *
 * <p>Stateless and thread-safe; each assertion reads the fake when it is made.
 */
public final class DeskphoneAssertions {
  private DeskphoneAssertions() {}

  /**
   * Assertions on a fake snom phone.
   *
   * @param actual the fake to check
   * @return assertions on {@code actual}
   */
  public static FakeSnomPhoneAssert assertThat(FakeSnomPhone actual) {
    return new FakeSnomPhoneAssert(actual);
  }

  /**
   * Assertions on a fake Unify phone.
   *
   * @param actual the fake to check
   * @return assertions on {@code actual}
   */
  public static FakeUnifyPhoneAssert assertThat(FakeUnifyPhone actual) {
    return new FakeUnifyPhoneAssert(actual);
  }

  /**
   * Assertions on an LED already read with {@link FakeUnifyPhone#led}.
   *
   * @param actual the LED to check
   * @return assertions on {@code actual}
   */
  public static FakeLedAssert assertThat(FakeLed actual) {
    return new FakeLedAssert(actual, "", "");
  }

  /**
   * Assertions on a whole lab.
   *
   * @param actual the lab to check
   * @return assertions on {@code actual}
   */
  public static FakeLabAssert assertThat(FakeLab actual) {
    return new FakeLabAssert(actual);
  }
}
