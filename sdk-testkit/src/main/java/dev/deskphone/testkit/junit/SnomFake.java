package dev.deskphone.testkit.junit;

import dev.deskphone.snom.SnomModel;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A {@link dev.deskphone.testkit.FakeSnomPhone} that {@link FakePhoneExtension} starts and closes:
 * on a static field once for the test class, on an instance field for each test, on a test or
 * lifecycle method's parameter for that method. Registers the extension itself.
 *
 * <pre>{@code
 * @SnomFake(model = SNOM_870, digest = "admin:secret", https = true) FakeSnomPhone fake;
 * }</pre>
 *
 * <p>The attributes configure a fake the extension starts. A field the test initialised itself
 * (with {@code FakeSnomPhone.builder()...start()}) keeps its fake, which the extension only closes;
 * the attributes are then ignored.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER})
@ExtendWith(FakePhoneExtension.class)
public @interface SnomFake {
  /**
   * The model it plays; none (the default) lets every documented key pass. At most one.
   *
   * @return the model, or none
   */
  SnomModel[] model() default {};

  /** {@return {@code "user:password"} for Digest authentication; empty (the default) for none} */
  String digest() default "";

  /** {@return {@code "user:password"} for Basic authentication; empty (the default) for none} */
  String basic() default "";

  /** {@return whether it speaks https with a certificate made for the run} */
  boolean https() default false;

  /** {@return whether requests it does not understand may pass without failing the test} */
  boolean lenient() default false;
}
