package dev.deskphone.snom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MinibrowserFetchTest {

  private static final URI NEXT = URI.create("https://apps.example/next.xml");

  @Test
  void writesTheDelayInMilliseconds() {
    MinibrowserText text =
        MinibrowserText.builder()
            .text("")
            .fetch(MinibrowserFetch.after(Duration.ofSeconds(4), NEXT))
            .build();
    assertThat(text.toXml())
        .contains("<fetch mil=\"4000\">https://apps.example/next.xml</fetch>\n");
    assertThat(MinibrowserDocument.read(text.toBytes()).fetch())
        .contains(MinibrowserFetch.after(Duration.ofMillis(4000), NEXT));
  }

  @Test
  void acceptsOneMillisecondToOneDay() {
    assertThat(MinibrowserFetch.after(Duration.ofMillis(1), NEXT).delay()).hasMillis(1);
    assertThat(MinibrowserFetch.after(Duration.ofDays(1), NEXT).delay())
        .isEqualTo(Duration.ofDays(1));
  }

  @ParameterizedTest
  @ValueSource(longs = {0, -1, 86_400_001})
  void refusesADelayOutOfRange(long millis) {
    assertThatThrownBy(() -> MinibrowserFetch.after(Duration.ofMillis(millis), NEXT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("fetch delay must be whole milliseconds from 1 ms to 86400000 ms");
  }

  @Test
  void refusesAFractionOfAMillisecond() {
    assertThatThrownBy(() -> MinibrowserFetch.after(Duration.ofNanos(1_500_000), NEXT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "fetch delay must be whole milliseconds from 1 ms to 86400000 ms (one day), was"
                + " PT0.0015S");
  }

  @Test
  void refusesAUrlTheDocumentsDoNotAllow() {
    assertThatThrownBy(() -> MinibrowserFetch.after(Duration.ofMillis(1), URI.create("file:///x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("fetch url must be an absolute http or https URL");
  }
}
