package dev.deskphone.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PercentDecoderTest {

  @Test
  void escapesAreBytesAndPlusIsASpace() throws Exception {
    assertThat(PercentDecoder.decode("%2B49+30%20%23%2a")).isEqualTo("+49 30 #*");
    assertThat(PercentDecoder.decode("%C3%A9")).isEqualTo("é");
    assertThat(PercentDecoder.decode("")).isEmpty();
  }

  @Test
  void brokenInputIsABadRequest() {
    for (String raw : new String[] {"%", "%2", "%zz", "%C3", "a#b", "a b"}) {
      assertThatThrownBy(() -> PercentDecoder.decode(raw))
          .as(raw)
          .isInstanceOfSatisfying(Unintelligible.class, e -> assertThat(e.status()).isEqualTo(400));
    }
  }
}
