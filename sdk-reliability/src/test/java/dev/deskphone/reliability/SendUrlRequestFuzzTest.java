package dev.deskphone.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.deskphone.unify.SendUrlRequest;

/** Send URL request parsing, GET query and POST body: only IllegalArgumentException. */
class SendUrlRequestFuzzTest {
  private static final String SENTINEL = "S3ntinel-Pw";

  @FuzzTest(maxDuration = "30s")
  void parsesOrRefusesNeverShowingThePassword(FuzzedDataProvider data) {
    boolean post = data.consumeBoolean();
    String query = data.consumeString(2048);
    byte[] body = data.consumeRemainingAsBytes();
    SendUrlRequest request;
    try {
      request =
          post
              ? SendUrlRequest.parse("POST", null, body)
              : SendUrlRequest.parse("GET", "password=" + SENTINEL + "&" + query, new byte[0]);
    } catch (IllegalArgumentException refused) {
      assertThat(refused.getMessage()).isNotBlank().doesNotContain(SENTINEL);
      return;
    }
    assertThat(request.symbolicName()).isNotNull();
    assertThat(request.toString()).doesNotContain(SENTINEL);
    assertThat(request.parameters().size()).isLessThanOrEqualTo(SendUrlRequest.MAX_PARAMETERS);
  }
}
