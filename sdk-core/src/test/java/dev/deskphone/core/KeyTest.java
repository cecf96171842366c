package dev.deskphone.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class KeyTest {

  /** A vendor-style key set, as an enum. */
  private enum SampleKey implements Key {
    OFFHOOK,
    HASH {
      @Override
      public String wireName() {
        return "#";
      }
    };

    @Override
    public String wireName() {
      return name();
    }
  }

  @Test
  void hasWireNameAsItsOnlyAbstractMethod() {
    assertThat(Key.class.isInterface()).isTrue();
    assertThat(
            Arrays.stream(Key.class.getMethods())
                .filter(m -> Modifier.isAbstract(m.getModifiers()))
                .map(Method::getName))
        .containsExactly("wireName");
  }

  @Test
  void enumKeysCarryTheirWireNameIntoKeyEvents() {
    assertThat(KeyEvent.of(SampleKey.OFFHOOK).wireName()).isEqualTo("OFFHOOK");
    assertThat(KeyEvent.of(SampleKey.HASH).wireName()).isEqualTo("#");
  }

  @Test
  void lambdaKeysAreAccepted() {
    Key p12 = () -> "P12";
    assertThat(KeyEvent.of(p12).key()).isSameAs(p12);
  }
}
