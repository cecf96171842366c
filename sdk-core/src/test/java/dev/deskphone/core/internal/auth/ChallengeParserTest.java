package dev.deskphone.core.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChallengeParserTest {

  private static List<Challenge> parse(String... values) {
    return ChallengeParser.parse(List.of(values));
  }

  private static List<String> schemes(List<Challenge> challenges) {
    return challenges.stream().map(Challenge::scheme).toList();
  }

  @Test
  void readsADigestChallengeInOrder() {
    List<Challenge> challenges =
        parse("Digest realm=\"phone\", nonce=\"abc\", qop=\"auth,auth-int\", algorithm=SHA-256");
    assertThat(challenges).hasSize(1);
    assertThat(challenges.get(0).scheme()).isEqualTo("Digest");
    assertThat(challenges.get(0).params())
        .containsExactly(
            entry("realm", "phone"),
            entry("nonce", "abc"),
            entry("qop", "auth,auth-int"),
            entry("algorithm", "SHA-256"));
  }

  @Test
  void lowerCasesParamNamesAndKeepsTheSchemeAsGiven() {
    Challenge challenge = parse("dIgEsT REALM=\"r\", NoNcE=n").get(0);
    assertThat(challenge.scheme()).isEqualTo("dIgEsT");
    assertThat(challenge.isScheme("Digest")).isTrue();
    assertThat(challenge.params().keySet()).containsExactly("realm", "nonce");
    assertThat(challenge.param("Nonce")).contains("n");
  }

  @Test
  void readsSeveralHeaderValuesInOrder() {
    List<Challenge> challenges = parse("Basic realm=\"a\"", "Digest realm=\"b\", nonce=\"n\"");
    assertThat(schemes(challenges)).containsExactly("Basic", "Digest");
    assertThat(challenges.get(1).param("nonce")).contains("n");
  }

  @Test
  void readsSeveralChallengesInOneValue() {
    // The example of RFC 9110 §11.6.1.
    List<Challenge> challenges =
        parse(
            "Newauth realm=\"apps\", type=1, title=\"Login to \\\"apps\\\"\", Basic"
                + " realm=\"simple\"");
    assertThat(schemes(challenges)).containsExactly("Newauth", "Basic");
    assertThat(challenges.get(0).params())
        .containsExactly(
            entry("realm", "apps"), entry("type", "1"), entry("title", "Login to \"apps\""));
    assertThat(challenges.get(1).params()).containsExactly(entry("realm", "simple"));
  }

  @Test
  void allowsWhitespaceAroundEqualsAndCommas() {
    Challenge challenge = parse("Digest  realm = \"x\" ,\tnonce=\ty ,qop =\"auth\"  ").get(0);
    assertThat(challenge.params())
        .containsExactly(entry("realm", "x"), entry("nonce", "y"), entry("qop", "auth"));
  }

  @Test
  void skipsEmptyListElements() {
    List<Challenge> challenges =
        parse(", , Basic realm=\"a\" , , , Digest realm=\"b\",,nonce=\"n\" ,", ",");
    assertThat(schemes(challenges)).containsExactly("Basic", "Digest");
    assertThat(challenges.get(1).params())
        .containsExactly(entry("realm", "b"), entry("nonce", "n"));
  }

  @Test
  void readsToken68() {
    List<Challenge> challenges = parse("Negotiate abc+/d==, Basic realm=\"x\"", "NTLM", "Bearer");
    assertThat(schemes(challenges)).containsExactly("Negotiate", "Basic", "NTLM", "Bearer");
    assertThat(challenges.get(0).token68()).contains("abc+/d==");
    assertThat(challenges.get(0).params()).isEmpty();
    assertThat(challenges.get(1).token68()).isEmpty();
    assertThat(challenges.get(2).token68()).isEmpty();
    assertThat(challenges.get(2).params()).isEmpty();
  }

  @Test
  void aValueWithEqualsSignsIsAParamNotAToken68() {
    Challenge challenge = parse("Digest nonce=abc==, realm=r").get(0);
    assertThat(challenge.token68()).isEmpty();
    assertThat(challenge.params()).containsExactly(entry("nonce", "abc=="), entry("realm", "r"));
  }

  @Test
  void unescapesQuotedStrings() {
    Challenge challenge = parse("Digest realm=\"a\\\\b\\\"c\\d, e\"").get(0);
    assertThat(challenge.param("realm")).contains("a\\b\"cd, e");
  }

  @Test
  void toleratesUnquotedValuesThatAreNotTokens() {
    Challenge challenge = parse("Digest nonce=ab/cd==, algorithm=MD5-sess, realm=a@b").get(0);
    assertThat(challenge.params())
        .containsExactly(
            entry("nonce", "ab/cd=="), entry("algorithm", "MD5-sess"), entry("realm", "a@b"));
  }

  @Test
  void keepsLatin1CharactersInQuotedStrings() {
    assertThat(parse("Digest realm=\"Büro\"").get(0).param("realm")).contains("Büro");
  }

  @Test
  void keepsATabInsideAQuotedString() {
    assertThat(parse("Digest realm=\"a\tb\"").get(0).param("realm")).contains("a\tb");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\r", "\n", "\0", "\r\n", "\u0001", "\u007f"})
  void dropsAChallengeWithAControlCharacterInAValue(String bad) {
    List<Challenge> raw = parse("Digest realm=\"a" + bad + "b\", nonce=\"n\", Basic realm=\"ok\"");
    List<Challenge> escaped =
        parse("Digest realm=\"a\\" + bad + "b\", nonce=\"n\", Basic realm=\"ok\"");
    List<Challenge> bare = parse("Digest realm=a" + bad + "b, nonce=n, Basic realm=\"ok\"");
    for (List<Challenge> challenges : List.of(raw, escaped, bare)) {
      assertThat(schemes(challenges)).containsExactly("Basic");
      assertThat(challenges.get(0).param("realm")).contains("ok");
    }
  }

  @Test
  void dropsAChallengeWithARepeatedParam() {
    List<Challenge> challenges =
        parse(
            "Digest realm=\"a\", nonce=\"n\", Realm=\"b\", Basic realm=\"ok\"",
            "Digest realm=\"c\", nonce=\"m\"");
    assertThat(schemes(challenges)).containsExactly("Basic", "Digest");
    assertThat(challenges.get(1).param("realm")).contains("c");
  }

  @Test
  void anUnterminatedQuotedStringDropsItsChallengeAndTheRestOfTheValue() {
    assertThat(schemes(parse("Basic realm=\"ok\", Digest realm=\"abc, Negotiate x")))
        .containsExactly("Basic");
    assertThat(parse("Digest realm=\"abc\\")).isEmpty();
    assertThat(schemes(parse("Digest realm=\"abc", "Basic realm=\"next value\"")))
        .containsExactly("Basic");
  }

  @Test
  void resumesAtTheNextChallengeAfterASyntaxError() {
    assertThat(schemes(parse("Digest realm=\"a\" nonce=\"b\", qop=auth, Basic realm=\"ok\"")))
        .containsExactly("Basic");
    assertThat(schemes(parse("Digest realm \"a\", Basic realm=\"ok\""))).containsExactly("Basic");
    assertThat(schemes(parse("Digest\"x\", Basic realm=\"ok\""))).containsExactly("Basic");
    assertThat(schemes(parse("Digest realm=\"a, b\" x, nonce=\"c, d\", Basic")))
        .containsExactly("Basic");
    assertThat(schemes(parse("=\"x, y\", Basic"))).containsExactly("Basic");
    assertThat(schemes(parse("Digest realm=\"a\"x, Basic"))).containsExactly("Basic");
  }

  @Test
  void aNameWithAnEmptyValueIsAToken68AsTheGrammarSays() {
    Challenge challenge = parse("Digest realm=, Basic").get(0);
    assertThat(challenge.token68()).contains("realm=");
    assertThat(challenge.params()).isEmpty();
  }

  @Test
  void aStrayElementAfterParamsEndsTheChallengeAndIsSkipped() {
    List<Challenge> challenges = parse("Digest realm=\"a\", =x, Basic");
    assertThat(schemes(challenges)).containsExactly("Digest", "Basic");
    assertThat(challenges.get(0).params()).containsExactly(entry("realm", "a"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", ",,,", "\"just a string\"", "===", "=", "\\", "\"", "\r\n"})
  void garbageGivesNoChallenge(String value) {
    assertThat(parse(value)).isEmpty();
  }

  @Test
  void ignoresAValueLongerThan8KiB() {
    String prefix = "Digest realm=\"";
    String fits =
        prefix + "x".repeat(ChallengeParser.MAX_VALUE_LENGTH - prefix.length() - 1) + "\"";
    String tooLong = prefix + "x".repeat(ChallengeParser.MAX_VALUE_LENGTH - prefix.length()) + "\"";
    assertThat(fits).hasSize(8192);
    assertThat(parse(fits)).hasSize(1);
    assertThat(schemes(parse(tooLong, "Basic realm=\"ok\""))).containsExactly("Basic");
  }

  @Test
  void returnsAtMost32Challenges() {
    String forty = String.join(", ", java.util.Collections.nCopies(40, "Basic realm=\"r\""));
    assertThat(parse(forty)).hasSize(ChallengeParser.MAX_CHALLENGES).hasSize(32);

    List<String> values = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      values.add("S" + i);
    }
    List<Challenge> challenges = ChallengeParser.parse(values);
    assertThat(challenges).hasSize(32);
    assertThat(challenges.get(31).scheme()).isEqualTo("S31");
  }

  @Test
  void returnsAnImmutableList() {
    List<Challenge> challenges = parse("Basic");
    assertThatThrownBy(() -> challenges.add(challenges.get(0)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void throwsOnlyOnNull() {
    assertThatThrownBy(() -> ChallengeParser.parse(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("wwwAuthenticateValues");
    assertThatThrownBy(() -> ChallengeParser.parse(Arrays.asList("Basic", null)))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("WWW-Authenticate value");
  }

  @Test
  void randomHostileInputNeverThrowsAndYieldsOnlySafeChallenges() {
    String alphabet = "Digest realm=\"\\,\t \r\n\0=abc;/+~é\u0001";
    Random random = new Random(7616);
    Assertions.assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () -> {
          for (int i = 0; i < 5_000; i++) {
            List<String> values = new ArrayList<>();
            for (int v = random.nextInt(3); v >= 0; v--) {
              StringBuilder s = new StringBuilder();
              for (int n = random.nextInt(200); n > 0; n--) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
              }
              values.add(s.toString());
            }
            List<Challenge> challenges = ChallengeParser.parse(values);
            assertThat(challenges).hasSizeLessThanOrEqualTo(32);
            for (Challenge c : challenges) {
              assertThat(c.params().values()).noneMatch(ChallengeParserTest::hasUnsafe);
            }
          }
        });
  }

  @Test
  void aMaximalHostileValueParsesQuickly() {
    String[] pieces = {"a=\"\\\"", ",", "\"", "=,", "Digest x=\"", "\\"};
    Random random = new Random(1);
    StringBuilder s = new StringBuilder();
    while (s.length() < ChallengeParser.MAX_VALUE_LENGTH - 16) {
      s.append(pieces[random.nextInt(pieces.length)]);
    }
    List<String> values = java.util.Collections.nCopies(1_000, s.toString());
    Assertions.assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () -> assertThat(ChallengeParser.parse(values)).hasSizeLessThanOrEqualTo(32));
  }

  private static boolean hasUnsafe(String value) {
    return value.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f);
  }
}
