package dev.deskphone.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.deskphone.core.PhoneRequest;
import dev.deskphone.core.internal.auth.Challenge;
import dev.deskphone.core.internal.auth.ChallengeParser;
import dev.deskphone.core.internal.auth.PreparedDigest;
import dev.deskphone.core.internal.auth.UnusableChallengeException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The WWW-Authenticate parser never throws, and no challenge, however hostile, puts CR, LF or a
 * stray quote into the Authorization header we answer with.
 */
class ChallengeParserFuzzTest {
  private static final PhoneRequest REQUEST =
      PhoneRequest.get(URI.create("http://127.0.0.1:8080/command.htm?key=ENTER"));

  @FuzzTest(maxDuration = "30s")
  void parsesAnythingAndAnswersSafely(FuzzedDataProvider data) {
    List<String> values = new ArrayList<>();
    int n = data.consumeInt(1, 4);
    for (int i = 0; i < n; i++) {
      values.add(data.consumeString(1024));
    }
    List<Challenge> challenges = ChallengeParser.parse(values);
    assertThat(challenges.size()).isLessThanOrEqualTo(ChallengeParser.MAX_CHALLENGES);
    for (Challenge c : challenges) {
      if (!c.isScheme("Digest")) {
        continue;
      }
      String header;
      try {
        header =
            PreparedDigest.of(c, "admin", "secret")
                .answer(REQUEST.method(), REQUEST.target(), "00000001", "0a4f113b", REQUEST.body())
                .headerValue();
      } catch (UnusableChallengeException | IllegalArgumentException refused) {
        continue;
      }
      assertThat(header).startsWith("Digest ").doesNotContain("\r", "\n", "secret");
    }
  }
}
