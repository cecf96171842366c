package dev.deskphone.unify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deskphone.core.PushRequest;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PushCorrelationTest {
  private static final PushRequest PUSH =
      PushRequest.builder().symbolicName("Key1").server(URI.create("https://10.0.0.1/")).build();

  @Test
  void eachAttachGetsItsOwnRandomContextAndKeepsThePush() {
    PushCorrelation correlation = PushCorrelation.create(Duration.ofMinutes(1));
    PendingPush a = correlation.attach(PUSH);
    PendingPush b = correlation.attach(PUSH);
    assertThat(a.push().contextValue()).isNotEqualTo(b.push().contextValue());
    assertThat(a.push().symbolicName()).isEqualTo("Key1");
    assertThat(a.push().server()).isEqualTo(PUSH.server());
    assertThat(correlation.pendingCount()).isEqualTo(2);
  }

  @Test
  void aRequestWithoutOrWithAnUnknownContextMatchesNothing() {
    PushCorrelation correlation = PushCorrelation.create(Duration.ofMinutes(1));
    PendingPush pending = correlation.attach(PUSH);
    assertThat(correlation.match(SendUrlRequest.parse("GET", "symbn=Key1", new byte[0]))).isFalse();
    assertThat(
            correlation.match(
                SendUrlRequest.parse("GET", "symbn=Key1&DeskphoneContext=00", new byte[0])))
        .isFalse();
    assertThat(pending.request()).isNotDone();
  }

  @Test
  void badInputIsRejected() {
    assertThatThrownBy(() -> PushCorrelation.create(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeToLive must be positive, was PT0S");
    PushRequest withContext =
        PushRequest.builder()
            .symbolicName("Key1")
            .server(URI.create("https://10.0.0.1/"))
            .context("mine", "1")
            .build();
    assertThatThrownBy(() -> PushCorrelation.create(Duration.ofSeconds(1)).attach(withContext))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the push already carries context \"mine\"");
  }
}
