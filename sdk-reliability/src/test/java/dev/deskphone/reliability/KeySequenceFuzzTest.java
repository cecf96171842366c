package dev.deskphone.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.deskphone.snom.SnomCommand;
import dev.deskphone.snom.SnomKeySequence;

/** The snom key-sequence grammar: only IllegalArgumentException, and a parse renders back. */
class KeySequenceFuzzTest {

  @FuzzTest(maxDuration = "30s")
  void parsesOrRefusesAndRoundTrips(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    SnomKeySequence parsed;
    try {
      parsed = SnomKeySequence.parse(text);
    } catch (IllegalArgumentException refused) {
      assertThat(refused.getMessage()).startsWith("invalid key sequence").contains("at position");
      return;
    }
    assertThat(parsed.toString()).isEqualTo(text);
    assertThat(SnomKeySequence.parse(parsed.toString())).isEqualTo(parsed);
    // Whatever was accepted can neither add a parameter nor end the query.
    String query = SnomCommand.press(parsed).target().substring("/command.htm?".length());
    assertThat(query).startsWith("key=");
    assertThat(query.substring(4)).doesNotContain("&", "#", " ", "+", "=", "%25");
  }
}
