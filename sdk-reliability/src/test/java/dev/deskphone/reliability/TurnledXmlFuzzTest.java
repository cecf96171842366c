package dev.deskphone.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.deskphone.core.TurnledResponse;
import dev.deskphone.unify.TurnledXml;

/** The Turnled XML reader: only IllegalArgumentException, and what it reads writes back. */
class TurnledXmlFuzzTest {

  @FuzzTest(maxDuration = "30s")
  void readsOrRefusesAndRoundTrips(byte[] xml) {
    TurnledResponse reply;
    try {
      reply = TurnledXml.read(xml);
    } catch (IllegalArgumentException refused) {
      assertThat(refused.getMessage()).isNotBlank();
      return;
    }
    assertThat(TurnledXml.read(TurnledXml.write(reply))).isEqualTo(reply);
  }
}
