package dev.deskphone.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChecksTest {

  @Test
  void isAFinalClassThatCannotBeInstantiated() throws Exception {
    assertThat(Modifier.isFinal(Checks.class.getModifiers())).isTrue();
    assertThat(Checks.class.getDeclaredConstructors())
        .singleElement()
        .satisfies(c -> assertThat(Modifier.isPrivate(c.getModifiers())).isTrue());
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "MySymbolicName", "key_1-A.b", "0", "Z9"})
  void symbolicNameAcceptsTokens(String name) {
    assertThat(Checks.symbolicName(name)).isSameAs(name);
  }

  @Test
  void symbolicNameAcceptsSixtyFourCharacters() {
    String name = "n".repeat(64);
    assertThat(Checks.symbolicName(name)).isEqualTo(name);
  }

  @Test
  void symbolicNameRejectsSixtyFiveCharacters() {
    String name = "n".repeat(65);
    assertThatThrownBy(() -> Checks.symbolicName(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("symbolicName must be 1 to 64 characters")
        .hasMessageContaining("\"" + name + "\"");
  }

  @Test
  void symbolicNameRejectsEmpty() {
    assertThatThrownBy(() -> Checks.symbolicName(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "symbolicName must be 1 to 64 characters of ASCII letters, digits, '_', '-' and '.',"
                + " was \"\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a b", "a;b", "a,b", "a&b", "a=b", "a%b", "a/b", "ä", "a*", "a#", "<x>"})
  void symbolicNameRejectsOtherCharacters(String name) {
    assertThatThrownBy(() -> Checks.symbolicName(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ASCII letters, digits, '_', '-' and '.'")
        .hasMessageEndingWith("was \"" + name + "\"");
  }

  @Test
  void symbolicNameShowsControlCharactersEscaped() {
    assertThatThrownBy(() -> Checks.symbolicName("a\nb"))
        .hasMessageEndingWith("was \"a<U+000A>b\"")
        .hasMessageNotContaining("\n");
  }

  @Test
  void symbolicNameWithFieldNamesThatField() {
    assertThatThrownBy(() -> Checks.symbolicName("programName", "a b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("programName must be 1 to 64 characters");
  }

  @Test
  void symbolicNameRejectsNullNamingTheField() {
    assertThatThrownBy(() -> Checks.symbolicName(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("symbolicName");
  }

  @ParameterizedTest
  @ValueSource(strings = {"OFFHOOK", "P12", "*", "#", "VOLUME_UP", "F-1", "0"})
  void keyNameAcceptsKeyTokens(String name) {
    assertThat(Checks.keyName(name)).isSameAs(name);
  }

  @Test
  void keyNameAcceptsThirtyTwoCharactersAndRejectsThirtyThree() {
    assertThat(Checks.keyName("K".repeat(32))).hasSize(32);
    assertThatThrownBy(() -> Checks.keyName("K".repeat(33)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 to 32 characters");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "ENTER;REBOOT", "1,200", "a&b", "a=b", "%23", "A B", "A\tB", "A.B", "é"})
  void keyNameRejectsSeparatorsAndOtherCharacters(String name) {
    assertThatThrownBy(() -> Checks.keyName(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "key wireName must be 1 to 32 characters of ASCII letters, digits, '_', '-', '*' and"
                + " '#', was \"")
        .hasMessageEndingWith("\"" + Checks.escape(name) + "\"");
  }

  @Test
  void keyNameRejectsNull() {
    assertThatThrownBy(() -> Checks.keyName(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("wireName");
  }

  @Test
  void xmlTextAcceptsEveryAllowedRangeBoundary() {
    String text =
        "\t\n\r \uD7FF\uE000\uFFFD"
            + new String(Character.toChars(0x10000))
            + new String(Character.toChars(0x10FFFF));
    assertThat(Checks.xmlText("label", text)).isSameAs(text);
  }

  @Test
  void xmlTextAcceptsEmpty() {
    assertThat(Checks.xmlText("label", "")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {0x0, 0x8, 0xB, 0xC, 0x1F, 0xFFFE, 0xFFFF})
  void xmlTextRejectsCharactersOutsideXml(int c) {
    String hex = String.format("U+%04X", c);
    assertThatThrownBy(() -> Checks.xmlText("label", "ab" + (char) c + "c"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("label must contain only characters XML 1.0 allows")
        .hasMessageContaining("U+0020 to U+D7FF")
        .hasMessageEndingWith("was \"ab<" + hex + ">c\" with " + hex + " at index 2");
  }

  @Test
  void xmlTextRejectsUnpairedHighSurrogate() {
    assertThatThrownBy(() -> Checks.xmlText("label", "x\uD800y"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("with U+D800 at index 1");
  }

  @Test
  void xmlTextRejectsUnpairedLowSurrogateAtTheEnd() {
    assertThatThrownBy(() -> Checks.xmlText("label", "xy\uDFFF"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("with U+DFFF at index 2");
  }

  @Test
  void xmlTextCountsTheIndexInCodePoints() {
    String emoji = new String(Character.toChars(0x1F600));
    assertThatThrownBy(() -> Checks.xmlText("label", emoji + emoji + "\u0001"))
        .hasMessageEndingWith("with U+0001 at index 2");
  }

  @Test
  void xmlTextRejectsNullNamingTheField() {
    assertThatThrownBy(() -> Checks.xmlText("label", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("label");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "plain", "a b", "ü€", "a+b", "a%26b", "a;b"})
  void formValueAcceptsValuesWithoutSeparatorsOrControls(String value) {
    assertThat(Checks.formValue("Field", value)).isSameAs(value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\rb", "a\nb", "a&b", "a=b", "a\u0000b", "a\tb", "a\u007Fb", "a\u0085b"})
  void formValueRejectsSeparatorsAndControlsNamingTheField(String value) {
    assertThatThrownBy(() -> Checks.formValue("ServerContextValue", value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "ServerContextValue must be free of CR, LF, '&', '=' and other control characters,"
                + " was "
                + Checks.quote(value));
  }

  @Test
  void formValueRejectsNullNamingTheField() {
    assertThatThrownBy(() -> Checks.formValue("ServerAddr", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("ServerAddr");
  }

  @Test
  void quoteWrapsInDoubleQuotes() {
    assertThat(Checks.quote("abc")).isEqualTo("\"abc\"");
    assertThat(Checks.quote("")).isEqualTo("\"\"");
  }

  @Test
  void quoteShowsNullUnquoted() {
    assertThat(Checks.quote(null)).isEqualTo("null");
  }

  @Test
  void quoteEscapesControlsSeparatorsFormatCharactersAndLoneSurrogates() {
    assertThat(Checks.quote("a\r\n\t\u0000\u001B\u007F\u2028\u2029\u202E\uD800z"))
        .isEqualTo(
            "\"a<U+000D><U+000A><U+0009><U+0000><U+001B><U+007F><U+2028><U+2029><U+202E><U+D800>z\"");
  }

  @Test
  void quoteEscapesNonCharacters() {
    assertThat(Checks.quote("a\uFFFE\uFFFFb")).isEqualTo("\"a<U+FFFE><U+FFFF>b\"");
  }

  @Test
  void quoteKeepsPrintableUnicodeIncludingSupplementaryCharacters() {
    String emoji = new String(Character.toChars(0x1F600));
    assertThat(Checks.quote("Grüße " + emoji)).isEqualTo("\"Grüße " + emoji + "\"");
  }

  @Test
  void quoteShowsOneHundredCodePointsInFull() {
    String value = "x".repeat(100);
    assertThat(Checks.quote(value)).isEqualTo("\"" + value + "\"");
  }

  @Test
  void quoteCutsLongerValuesShortAndGivesTheirLength() {
    String value = "x".repeat(100) + "TAIL";
    assertThat(Checks.quote(value))
        .isEqualTo("\"" + "x".repeat(100) + "...\" (104 characters)")
        .doesNotContain("TAIL");
  }

  @Test
  void quoteCutsBetweenCodePointsNotInsideASurrogatePair() {
    String emoji = new String(Character.toChars(0x1F600));
    String value = emoji.repeat(101);
    assertThat(Checks.quote(value)).isEqualTo("\"" + emoji.repeat(100) + "...\" (101 characters)");
  }

  @Test
  void escapeDoesNotQuoteOrCut() {
    String value = "y".repeat(150) + "\n";
    assertThat(Checks.escape(value)).isEqualTo("y".repeat(150) + "<U+000A>");
  }

  @Test
  void codePointUsesAtLeastFourUpperCaseHexDigits() {
    assertThat(Checks.codePoint(0xA)).isEqualTo("U+000A");
    assertThat(Checks.codePoint(0xfffe)).isEqualTo("U+FFFE");
    assertThat(Checks.codePoint(0x10FFFF)).isEqualTo("U+10FFFF");
  }
}
