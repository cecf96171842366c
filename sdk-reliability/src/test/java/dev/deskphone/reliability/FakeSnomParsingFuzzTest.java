package dev.deskphone.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.deskphone.testkit.internal.FormQuery;
import dev.deskphone.testkit.internal.ModelProfile;
import dev.deskphone.testkit.internal.PhoneState;
import dev.deskphone.testkit.internal.SnomCommands;
import dev.deskphone.testkit.internal.Unintelligible;
import java.util.List;

/** The snom fake's own parsing of a command target: it carries it out or refuses with a status. */
class FakeSnomParsingFuzzTest {
  private static final List<String> PATHS =
      List.of(
          "/command.htm", "/line_login.htm", "/advanced_update.htm", "/index.htm", "/dummy.htm");

  @FuzzTest(maxDuration = "30s")
  void snomFakeCarriesOutOrRefusesWithAStatus(FuzzedDataProvider data) {
    String path = data.pickValue(PATHS);
    String query = data.consumeRemainingAsString();
    try {
      SnomCommands.run(path, FormQuery.parse(query), new PhoneState(), ModelProfile.ANY, true);
    } catch (Unintelligible refused) {
      assertThat(refused.getMessage()).isNotNull();
    }
  }
}
