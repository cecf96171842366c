package dev.deskphone.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class QueryPartsTest {

  @Test
  void segmentsAreSplitAtAmpersandsWithEmptyOnesLeftOut() {
    assertThat(QueryParts.segments("&a=1&&b&c=&", 10)).containsExactly("a=1", "b", "c=");
    assertThat(QueryParts.segments("", 10)).isEmpty();
  }

  @Test
  void moreSegmentsThanAllowedAreRefused() {
    assertThat(QueryParts.segments("a&b&c", 3)).hasSize(3);
    assertThatThrownBy(() -> QueryParts.segments("a&b&c&d", 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("too many parameters: at most 3 are allowed");
  }

  @Test
  void percentEscapesBecomeBytesAndPlusIsASpaceOnlyWhenAsked() {
    assertThat(QueryParts.decode("a+b%2Bc%C3%A4", true))
        .isEqualTo("a b+c\u00e4".getBytes(StandardCharsets.UTF_8));
    assertThat(QueryParts.decode("a+b", false)).isEqualTo("a+b".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void rawCharactersAreLatin1BytesUpToFfAndUtf8Beyond() {
    assertThat(QueryParts.decode("\u00e4\u20ac", false)).containsExactly(0xe4, 0xe2, 0x82, 0xac);
  }

  @Test
  void aPercentWithoutTwoHexDigitsNamesTheIndexButNotThePart() {
    assertThatThrownBy(() -> QueryParts.decode("Secret%zz", false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "malformed percent-encoding at index 6: '%' must be followed by two hex digits");
    assertThatThrownBy(() -> QueryParts.decode("ab%4", true)).hasMessageContaining("index 2");
    assertThatThrownBy(() -> QueryParts.decode("%", true)).hasMessageContaining("index 0");
  }
}
