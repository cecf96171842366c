package dev.deskphone.snom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MinibrowserBatchTest {

  @Test
  void writesLedsAndAFetchAndNothingElse() {
    MinibrowserBatch batch =
        MinibrowserBatch.builder()
            .led(MinibrowserLed.of(5, MinibrowserLed.State.ON, MinibrowserLed.Color.RED))
            .led(MinibrowserLed.of(6, MinibrowserLed.State.BLINK_FAST))
            .fetch(MinibrowserFetch.after(Duration.ofMillis(1), SnomFragment.exit().toUri()))
            .build();

    assertThat(batch.toXml())
        .isEqualTo(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<SnomIPPhoneBatch>\n"
                + "<LED number=\"5\" color=\"red\">On</LED>\n"
                + "<LED number=\"6\">blinkfast</LED>\n"
                + "<fetch mil=\"1\">snom://mb_exit</fetch>\n"
                + "</SnomIPPhoneBatch>\n");
    assertThat(MinibrowserDocument.read(batch.toBytes())).isEqualTo(batch);
    assertThat(batch.toString()).isEqualTo("MinibrowserBatch[2 LEDs, fetch after PT0.001S]");
  }

  @Test
  void aFetchAloneIsABatchToo() {
    MinibrowserBatch batch =
        MinibrowserBatch.builder()
            .fetch(MinibrowserFetch.after(Duration.ofSeconds(2), URI.create("https://h/next.xml")))
            .build();
    assertThat(batch.leds()).isEmpty();
    assertThat(MinibrowserDocument.read(batch.toBytes())).isEqualTo(batch);
  }

  @Test
  void takesATitleAsEveryDocumentMay() {
    MinibrowserBatch batch =
        MinibrowserBatch.builder()
            .title("LEDs")
            .led(MinibrowserLed.of(1, MinibrowserLed.State.ON))
            .build();
    assertThat(batch.toXml())
        .contains("<SnomIPPhoneBatch>\n<Title>LEDs</Title>\n<LED number=\"1\">");
    assertThat(MinibrowserDocument.read(batch.toBytes())).isEqualTo(batch);
    assertThat(batch.title()).contains("LEDs");
    assertThat(batch.toString()).isEqualTo("MinibrowserBatch[title=\"LEDs\", 1 LED]");
  }

  @Test
  void anEmptyBatchIsRefused() {
    assertThatThrownBy(() -> MinibrowserBatch.builder().build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a SnomIPPhoneBatch needs at least one LED or a fetch");
  }

  @Test
  void theSameLedTwiceIsRefused() {
    MinibrowserBatch.Builder b =
        MinibrowserBatch.builder().led(MinibrowserLed.of(5, MinibrowserLed.State.ON));
    assertThatThrownBy(() -> b.led(MinibrowserLed.of(5, MinibrowserLed.State.OFF)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("LED 5 is set twice in one document; set each LED once");
  }

  @Test
  void aLaterFetchReplacesAnEarlierOne() {
    MinibrowserFetch second =
        MinibrowserFetch.after(Duration.ofSeconds(2), URI.create("http://h/2"));
    MinibrowserBatch batch =
        MinibrowserBatch.builder()
            .fetch(MinibrowserFetch.after(Duration.ofSeconds(1), URI.create("http://h/1")))
            .fetch(second)
            .build();
    assertThat(batch.fetch()).contains(second);
  }
}
