package dev.deskphone.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.deskphone.testkit.internal.UnifyPushForm;
import dev.deskphone.testkit.internal.UnifyReplyParser;

/** The Unify fake's own parsers: any Send URL reply, any push form. */
class FakeUnifyParsingFuzzTest {

  @FuzzTest(maxDuration = "30s")
  void unifyFakeReadsAnyReplyOrPushForm(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    assertThat(UnifyReplyParser.turnleds(text)).isNotNull();
    try {
      UnifyPushForm.parse(text);
    } catch (IllegalArgumentException refused) {
      assertThat(refused.getMessage()).isNotNull();
    }
  }
}
