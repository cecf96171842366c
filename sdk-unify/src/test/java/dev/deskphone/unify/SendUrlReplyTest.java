package dev.deskphone.unify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deskphone.core.LedState;
import dev.deskphone.core.Turnled;
import dev.deskphone.core.TurnledResponse;
import org.junit.jupiter.api.Test;

class SendUrlReplyTest {
  private static final TurnledResponse OFF =
      TurnledResponse.of(Turnled.builder("Door").state(LedState.OFF).build());

  @Test
  void theThreeAnswersAreDistinctAndEqualByWhatTheyAnswer() {
    assertThat(SendUrlReply.leds(OFF))
        .isEqualTo(SendUrlReply.leds(OFF))
        .hasSameHashCodeAs(SendUrlReply.leds(OFF));
    assertThat(SendUrlReply.acknowledge()).isSameAs(SendUrlReply.acknowledge());
    assertThat(SendUrlReply.acknowledge())
        .isNotEqualTo(SendUrlReply.unknownKey())
        .isNotEqualTo(SendUrlReply.leds(OFF));
    assertThat(SendUrlReply.acknowledge().status()).isEqualTo(200);
    assertThat(SendUrlReply.unknownKey().status()).isEqualTo(404);
    assertThat(SendUrlReply.leds(OFF).turnleds()).isSameAs(OFF);
    assertThat(SendUrlReply.acknowledge()).hasToString("SendUrlReply[acknowledge]");
    assertThat(SendUrlReply.unknownKey()).hasToString("SendUrlReply[unknown key]");
    assertThat(SendUrlReply.leds(OFF).toString()).startsWith("SendUrlReply[leds ");
  }

  @Test
  void ledsAreRequired() {
    assertThatThrownBy(() -> SendUrlReply.leds(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("leds");
  }
}
