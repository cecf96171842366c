package dev.deskphone.snom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MinibrowserTextTest {

  /** The form of symcon's minibrowser.php, with a declaration and one element per line. */
  private static final String GOLDEN =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          + "<SnomIPPhoneText>\n"
          + "<Title>Door</Title>\n"
          + "<Text>Someone rang</Text>\n"
          + "<LED number=\"3\" color=\"green\">On</LED>\n"
          + "<LED number=\"4\">Off</LED>\n"
          + "<fetch mil=\"1\">snom://mb_exit</fetch>\n"
          + "</SnomIPPhoneText>\n";

  private static MinibrowserText example() {
    return MinibrowserText.builder()
        .title("Door")
        .text("Someone rang")
        .led(MinibrowserLed.of(3, MinibrowserLed.State.ON, MinibrowserLed.Color.GREEN))
        .led(MinibrowserLed.of(4, MinibrowserLed.State.OFF))
        .fetch(MinibrowserFetch.after(Duration.ofMillis(1), SnomFragment.exit().toUri()))
        .build();
  }

  @Test
  void writesTheProductionFormByteForByte() {
    assertThat(example().toBytes()).isEqualTo(GOLDEN.getBytes(StandardCharsets.UTF_8));
    assertThat(example().toXml()).isEqualTo(GOLDEN);
  }

  @Test
  void readsBackEqual() {
    MinibrowserText text = example();

    MinibrowserDocument back = MinibrowserDocument.read(text.toBytes());

    assertThat(back).isEqualTo(text).hasSameHashCodeAs(text);
    MinibrowserText t = (MinibrowserText) back;
    assertThat(t.title()).contains("Door");
    assertThat(t.text()).isEqualTo("Someone rang");
    assertThat(t.leds())
        .containsExactly(
            MinibrowserLed.of(3, MinibrowserLed.State.ON, MinibrowserLed.Color.GREEN),
            MinibrowserLed.of(4, MinibrowserLed.State.OFF));
    assertThat(t.fetch())
        .contains(new MinibrowserFetch(Duration.ofMillis(1), SnomFragment.exit().toUri()));
  }

  @Test
  void escapesEveryCharacterThatCouldEndOrBendTheElement() {
    MinibrowserText text = MinibrowserText.builder().text("a&b<c>d\"e'f]]>g\th\ni").build();

    assertThat(text.toXml())
        .contains("<Text>a&amp;b&lt;c&gt;d&quot;e&apos;f]]&gt;g&#9;h&#10;i</Text>");
    assertThat(((MinibrowserText) MinibrowserDocument.read(text.toBytes())).text())
        .isEqualTo("a&b<c>d\"e'f]]>g\th\ni");
  }

  @Test
  void bytesAreUtf8SoTheContentLengthCountsBytesNotCharacters() {
    MinibrowserText text = MinibrowserText.builder().title("Grüße").text("\uD83D\uDE00 ä").build();

    byte[] bytes = text.toBytes();

    // ü, ß, ä: 2 bytes for 1 char each; the emoji: 4 bytes for 2 chars
    assertThat(bytes.length).isEqualTo(text.toXml().length() + 5);
    assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(text.toXml());
    assertThat(MinibrowserDocument.read(bytes)).isEqualTo(text);
  }

  @Test
  void leavesOutAnAbsentTitleAndWritesAnEmptyText() {
    assertThat(MinibrowserText.builder().text("").build().toXml())
        .isEqualTo(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<SnomIPPhoneText>\n<Text></Text>\n</SnomIPPhoneText>\n");
  }

  @Test
  void readsTheVendorsLineBreakElementAsLf() {
    String xml = "<SnomIPPhoneText><Text>one<br/>two<BR></BR>three</Text></SnomIPPhoneText>";

    MinibrowserDocument doc = MinibrowserDocument.read(xml.getBytes(StandardCharsets.UTF_8));

    assertThat(((MinibrowserText) doc).text()).isEqualTo("one\ntwo\nthree");
  }

  @Test
  void aTextIsRequired() {
    assertThatThrownBy(() -> MinibrowserText.builder().title("T").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("text is required for SnomIPPhoneText; it may be empty");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\rb", "a\u0000b", "a\u0085b", "a\u007Fb"})
  void aControlCharacterOtherThanTabAndLfIsRefusedInTheText(String bad) {
    assertThatThrownBy(() -> MinibrowserText.builder().text(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("text must be")
        .hasMessageContaining("TAB and LF are allowed");
  }

  @Test
  void aTitleMustNotBreakALine() {
    assertThatThrownBy(() -> MinibrowserText.builder().title("one\ntwo"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "title must be text without control characters (U+0000 to U+001F, U+007F to U+009F;"
                + " no line breaks), was \"one<U+000A>two\" with U+000A at index 3");
  }

  @Test
  void anUnpairedSurrogateIsRefused() {
    assertThatThrownBy(() -> MinibrowserText.builder().text("a\uD800b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("U+D800 at index 1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"$(set:http_pass)", "pay $[var:x]", "x$(date)"})
  void aCallbackExpressionIsRefusedBecauseThePhoneWouldEvaluateIt(String bad) {
    assertThatThrownBy(() -> MinibrowserText.builder().text(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("text must not contain \"$(\" or \"$[\"");
    assertThat(MinibrowserText.builder().text("costs $5 (net)").build().text())
        .isEqualTo("costs $5 (net)");
  }

  @Test
  void lengthsAreCountedInCodePoints() {
    String emoji = "\uD83D\uDE00".repeat(MinibrowserDocument.MAX_LINE_LENGTH);
    assertThat(MinibrowserText.builder().title(emoji).text("").build().title()).contains(emoji);
    assertThatThrownBy(() -> MinibrowserText.builder().title(emoji + "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "title must be at most 256 characters (Unicode code points), was 257");
    assertThatThrownBy(
            () ->
                MinibrowserText.builder().text("x".repeat(MinibrowserDocument.MAX_TEXT_LENGTH + 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("text must be at most 4096 characters");
  }

  @Test
  void toStringShowsTheTextQuotedAndTheExtrasCounted() {
    assertThat(example().toString())
        .isEqualTo(
            "MinibrowserText[title=\"Door\", text=\"Someone rang\", 2 LEDs, fetch after PT0.001S]");
    assertThat(MinibrowserText.builder().text("a\nb").build().toString())
        .isEqualTo("MinibrowserText[text=\"a<U+000A>b\"]");
  }
}
