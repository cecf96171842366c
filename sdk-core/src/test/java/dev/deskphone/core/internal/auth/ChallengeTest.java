package dev.deskphone.core.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChallengeTest {

  @Test
  void keepsParamOrderAndIsImmutable() {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("realm", "r");
    params.put("nonce", "n");
    params.put("algorithm", "MD5");
    Challenge challenge = Challenge.of("Digest", params);
    params.put("opaque", "later");

    assertThat(challenge.params().keySet()).containsExactly("realm", "nonce", "algorithm");
    assertThatThrownBy(() -> challenge.params().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void comparesSchemeAndParamNamesCaseInsensitively() {
    Challenge challenge = Challenge.of("DiGeSt", Map.of("realm", "r"));
    assertThat(challenge.scheme()).isEqualTo("DiGeSt");
    assertThat(challenge.isScheme("digest")).isTrue();
    assertThat(challenge.isScheme("Basic")).isFalse();
    assertThat(challenge.param("REALM")).contains("r");
    assertThat(challenge.param("nonce")).isEmpty();
  }

  @Test
  void rejectsWhatNoParserWouldProduce() {
    assertThatThrownBy(() -> Challenge.of("Dig est", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("scheme");
    assertThatThrownBy(() -> Challenge.of("Digest", Map.of("Realm", "r")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lower-case");
    assertThatThrownBy(() -> Challenge.of("Digest", Map.of("re alm", "r")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Challenge("Negotiate", Optional.of("a b"), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("token68");
    assertThatThrownBy(() -> new Challenge("Negotiate", Optional.of("abc"), Map.of("a", "b")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not both");
    Map<String, String> nullValue = new LinkedHashMap<>();
    nullValue.put("realm", null);
    assertThatThrownBy(() -> Challenge.of("Digest", nullValue))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void acceptsToken68() {
    Challenge challenge = new Challenge("Negotiate", Optional.of("a+b/c=="), Map.of());
    assertThat(challenge.token68()).contains("a+b/c==");
    assertThat(challenge.params()).isEmpty();
  }

  @Test
  void toStringEscapesControlCharacters() {
    Challenge challenge = Challenge.of("Digest", Map.of("realm", "a\r\nb"));
    assertThat(challenge.toString())
        .isEqualTo("Challenge[Digest realm=\"a<U+000D><U+000A>b\"]")
        .doesNotContain("\n");
    assertThat(new Challenge("Negotiate", Optional.of("abc="), Map.of()).toString())
        .isEqualTo("Challenge[Negotiate abc=]");
  }
}
