package dev.deskphone.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneHeadersTest {

  // --- validation ---

  @ParameterizedTest
  @ValueSource(
      strings = {"", "X Header", "X-Header:", "Content(Type)", "Caf\u00e9", "a/b", "\"q\""})
  void nameThatIsNotATokenIsRejectedNamingIt(String name) {
    assertThatThrownBy(() -> PhoneHeaders.builder().add(name, "v"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "header name \"" + name + "\" is not allowed: use letters, digits and !#$%&'*+-.^_`|~");
  }

  @Test
  void everyTokenCharacterIsAcceptedInAName() {
    String name = "Az09!#$%&'*+-.^_`|~";

    assertThat(PhoneHeaders.of(name, "v").firstValue(name)).contains("v");
  }

  @Test
  void nameWithAControlCharacterIsShownAsCodePointNeverRaw() {
    assertThatThrownBy(() -> PhoneHeaders.builder().add("X-A\r\nInjected", "v"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"X-A<U+000D><U+000A>Injected\"")
        .hasMessageNotContaining("\r")
        .hasMessageNotContaining("\n");
  }

  @ParameterizedTest
  @ValueSource(ints = {0x0d, 0x0a, 0x00, 0x1b, 0x7f, 0x85, 0x9f, 0x263a})
  void valueWithAControlCharacterIsRejectedShowingItAsCodePoint(int control) {
    String value = "abc" + (char) control + "Injected: yes";

    assertThatThrownBy(() -> PhoneHeaders.builder().add("X-Test", value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "header X-Test has the character "
                + String.format("U+%04X", control)
                + " at index 3: header values may hold TAB and U+0020 to U+00FF except the"
                + " controls U+007F to U+009F; never CR, LF or NUL")
        .hasMessageNotContaining(String.valueOf((char) control))
        .hasMessageNotContaining("abc");
  }

  @Test
  void valueWithTabSpacesAndNonAsciiIsAccepted() {
    PhoneHeaders headers = PhoneHeaders.of("X-Test", "\ta b\tc \u00e9");

    assertThat(headers.firstValue("X-Test")).contains("\ta b\tc \u00e9");
    assertThat(PhoneHeaders.of("X-Empty", "").firstValue("x-empty")).contains("");
  }

  @Test
  void oddNumberOfStringsIsRejected() {
    assertThatThrownBy(() -> PhoneHeaders.of("A", "1", "B"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("headers come in name/value pairs; got 3 strings");
  }

  @Test
  void nullNamesAndValuesAreRejected() {
    assertThatThrownBy(() -> PhoneHeaders.builder().add(null, "v"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("name");
    assertThatThrownBy(() -> PhoneHeaders.builder().add("A", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("value");
    assertThatThrownBy(() -> PhoneHeaders.empty().firstValue(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("name");
    assertThatThrownBy(() -> PhoneHeaders.empty().allValues(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("name");
    assertThatThrownBy(() -> PhoneHeaders.builder().remove(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("name");
  }

  // --- lookup ---

  @Test
  void lookupIgnoresCaseAndKeepsTheGivenSpelling() {
    PhoneHeaders headers = PhoneHeaders.of("Content-Type", "text/xml", "X-Token", "t");

    assertThat(headers.firstValue("content-type")).contains("text/xml");
    assertThat(headers.firstValue("CONTENT-TYPE")).contains("text/xml");
    assertThat(headers.allValues("x-token")).containsExactly("t");
    assertThat(headers.firstValue("Accept")).isEmpty();
    assertThat(headers.allValues("Accept")).isEmpty();
    List<String> names = new ArrayList<>();
    headers.forEach((name, value) -> names.add(name));
    assertThat(names).containsExactly("Content-Type", "X-Token");
  }

  @Test
  void repeatedNamesKeepTheirValuesInOrder() {
    PhoneHeaders headers =
        PhoneHeaders.of("Accept", "a", "X-Other", "o", "ACCEPT", "b", "accept", "c");

    assertThat(headers.size()).isEqualTo(4);
    assertThat(headers.firstValue("Accept")).contains("a");
    assertThat(headers.allValues("accept")).containsExactly("a", "b", "c");
    assertThatThrownBy(() -> headers.allValues("Accept").add("d"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void setReplacesEveryFieldOfThatNameWithOne() {
    PhoneHeaders headers =
        PhoneHeaders.of("Accept", "a", "X-Other", "o", "accept", "b").toBuilder()
            .set("ACCEPT", "only")
            .build();

    assertThat(headers.allValues("Accept")).containsExactly("only");
    assertThat(headers.size()).isEqualTo(2);
    assertThat(headers.firstValue("X-Other")).contains("o");
  }

  @Test
  void removeDropsEveryFieldOfThatNameInAnyCase() {
    PhoneHeaders original = PhoneHeaders.of("A", "1", "b", "2", "a", "3", "C", "4");

    PhoneHeaders headers = original.toBuilder().remove("a").remove("missing").build();

    assertThat(headers.map()).containsOnlyKeys("b", "C");
    assertThat(original.size()).as("the original is unchanged").isEqualTo(4);
    assertThat(PhoneHeaders.of("A", "1").toBuilder().remove("A").build())
        .isSameAs(PhoneHeaders.empty());
  }

  @Test
  void mapHasCaseInsensitiveKeysAndOrderedUnmodifiableValues() {
    PhoneHeaders headers = PhoneHeaders.of("Set-Cookie", "a=1", "X-One", "1", "set-cookie", "b=2");

    Map<String, List<String>> map = headers.map();

    assertThat(map).hasSize(2);
    assertThat(map.get("SET-COOKIE")).containsExactly("a=1", "b=2");
    assertThat(map.get("x-one")).containsExactly("1");
    assertThatThrownBy(() -> map.put("Y", List.of()))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> map.get("x-one").add("2"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void emptyHeadersHaveNothing() {
    assertThat(PhoneHeaders.empty().size()).isZero();
    assertThat(PhoneHeaders.empty().map()).isEmpty();
    assertThat(PhoneHeaders.builder().build()).isSameAs(PhoneHeaders.empty());
    assertThat(PhoneHeaders.of()).isSameAs(PhoneHeaders.empty());
  }

  // --- values ---

  @Test
  void toStringShowsNamesButNoValues() {
    PhoneHeaders headers =
        PhoneHeaders.of("Authorization", "Basic YWRtaW46c2VudGluZWw=", "X-Trace", "trace-value");

    assertThat(headers)
        .hasToString("PhoneHeaders[Authorization, X-Trace]")
        .asString()
        .doesNotContain("YWRtaW46c2VudGluZWw", "trace-value");
  }

  @Test
  void equalHeadersIgnoreNameCaseAndHaveEqualHashCodes() {
    PhoneHeaders a = PhoneHeaders.of("Content-Type", "text/xml", "Accept", "x", "Accept", "y");
    PhoneHeaders b = PhoneHeaders.of("accept", "x", "CONTENT-TYPE", "text/xml", "ACCEPT", "y");

    assertThat(a).isEqualTo(b);
    assertThat(a.hashCode()).as("equal objects need equal hash codes").isEqualTo(b.hashCode());
    assertThat(a)
        .isNotEqualTo(PhoneHeaders.of("Content-Type", "text/xml", "Accept", "y", "Accept", "x"))
        .isNotEqualTo(PhoneHeaders.of("Content-Type", "TEXT/XML", "Accept", "x", "Accept", "y"))
        .isNotEqualTo("PhoneHeaders[Content-Type, Accept, Accept]");
  }
}
