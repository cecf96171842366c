package dev.deskphone.testkit.junit;

import dev.deskphone.testkit.FakeUnifyPhone;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A {@link FakeUnifyPhone} that {@link FakePhoneExtension} starts and closes, with the same
 * lifecycle rules as {@link SnomFake}. Registers the extension itself.
 *
 * <pre>{@code
 * @UnifyFake(keys = "Door=http://127.0.0.1:8080/door") FakeUnifyPhone phone;
 * }</pre>
 *
 * <p>For keys whose server is only known at run time, initialise the field with {@code
 * FakeUnifyPhone.builder()...start()} instead; the extension then only closes it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER})
@ExtendWith(FakePhoneExtension.class)
public @interface UnifyFake {
  /**
   * Its Send URL keys as {@code SymbolicName=URL}, the URL being the server the key sends to (GET,
   * no credentials). A fake the extension starts needs at least one.
   *
   * @return the keys, or none
   */
  String[] keys() default {};

  /** {@return the model (default CP600)} */
  FakeUnifyPhone.Model model() default FakeUnifyPhone.Model.CP600;

  /** {@return whether it takes pushes over https with a certificate made for the run} */
  boolean https() default false;

  /** {@return whether refused pushes may pass without failing the test} */
  boolean lenient() default false;
}
