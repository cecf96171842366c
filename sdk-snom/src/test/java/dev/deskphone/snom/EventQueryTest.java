package dev.deskphone.snom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventQueryTest {

  @Test
  void decodesPercentEscapesAsUtf8AndKeepsTheOrder() {
    Map<String, String> p = EventQuery.parse("e=incoming&dr=J%C3%BCrgen%20M%C3%BCller&l=101%40pbx");

    assertThat(p)
        .containsExactly(
            Map.entry("e", "incoming"),
            Map.entry("dr", "Jürgen Müller"),
            Map.entry("l", "101@pbx"));
  }

  @Test
  void aPlusStaysAPlusBecausePhonesPutNumbersInRaw() {
    assertThat(EventQuery.parse("r=sip:+4930123@pbx&x=a+b%2Bc"))
        .containsEntry("r", "sip:+4930123@pbx")
        .containsEntry("x", "a+b+c");
  }

  @Test
  void emptySegmentsAreSkippedAndASegmentWithoutEqualsHasAnEmptyValue() {
    assertThat(EventQuery.parse("&a=1&&flag&b=&"))
        .containsExactly(Map.entry("a", "1"), Map.entry("flag", ""), Map.entry("b", ""));
    assertThat(EventQuery.parse("")).isEmpty();
  }

  @Test
  void bytesThatAreNotUtf8BecomeReplacementCharacters() {
    assertThat(EventQuery.parse("dr=M%FCller")).containsEntry("dr", "M\uFFFDller");
  }

  @Test
  void encodedNamesAreDecodedAndAnEncodedDollarStaysADollar() {
    assertThat(EventQuery.parse("%72=%24remote")).containsEntry("r", "$remote");
  }

  @ParameterizedTest
  @ValueSource(strings = {"r=%zz", "r=%4", "r=abc%", "%g1=x", "dr=100%"})
  void malformedPercentEncodingIsRefusedWithoutShowingTheValue(String query) {
    assertThatThrownBy(() -> EventQuery.parse(query))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("malformed percent-encoding")
        .message()
        .doesNotContain("zz", "abc", "100");
  }

  @Test
  void aParameterGivenTwiceIsRefusedWithoutShowingEitherValue() {
    assertThatThrownBy(() -> EventQuery.parse("sig=first-secret&e=x&sig=second-secret"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("parameter \"sig\" appears more than once")
        .message()
        .doesNotContain("first-secret", "second-secret");
  }

  @Test
  void anEmptyNameIsRefused() {
    assertThatThrownBy(() -> EventQuery.parse("=x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty name");
  }

  @Test
  void oversizedQueriesNamesValuesAndCountsAreRefused() {
    String longValue = "r=" + "a".repeat(EventQuery.MAX_VALUE_LENGTH + 1);
    StringBuilder many = new StringBuilder();
    for (int i = 0; i <= EventQuery.MAX_PARAMETERS; i++) {
      many.append("a").append(i).append("=1&");
    }

    assertThat(EventQuery.parse("r=" + "a".repeat(EventQuery.MAX_VALUE_LENGTH))).hasSize(1);
    assertThatThrownBy(() -> EventQuery.parse(longValue))
        .hasMessageContaining("at most " + EventQuery.MAX_VALUE_LENGTH)
        .message()
        .doesNotContain("aaaa");
    assertThatThrownBy(() -> EventQuery.parse("x".repeat(EventQuery.MAX_NAME_LENGTH + 1) + "=1"))
        .hasMessageContaining("name must be at most");
    assertThatThrownBy(() -> EventQuery.parse(many.toString()))
        .hasMessageContaining("too many parameters");
    assertThatThrownBy(() -> EventQuery.parse("a=" + "b".repeat(EventQuery.MAX_QUERY_LENGTH)))
        .hasMessageContaining("the query must be at most " + EventQuery.MAX_QUERY_LENGTH);
  }
}
