package dev.deskphone.core.internal.auth;

import static dev.deskphone.core.internal.auth.AuthorizationHeaderReader.names;
import static dev.deskphone.core.internal.auth.AuthorizationHeaderReader.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.deskphone.core.Credentials;
import dev.deskphone.core.internal.auth.UnusableChallengeException.Reason;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DigestAuthorizationSafetyTest {
  private static final String PASSWORD = "s3cr3t-Pa55";
  private static final Credentials CREDENTIALS = Credentials.of("admin", PASSWORD);

  private static Challenge digest(String... namesAndValues) {
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      params.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return Challenge.of("Digest", params);
  }

  private static DigestAnswer.Builder builder(Challenge challenge) {
    return DigestAnswer.builder(challenge, CREDENTIALS)
        .method("GET")
        .target("/command.htm?key=F1")
        .nonceCount(1)
        .cnonce("abc");
  }

  private static UnusableChallengeException refusal(Challenge challenge) {
    UnusableChallengeException e =
        catchThrowableOfType(UnusableChallengeException.class, () -> builder(challenge).build());
    assertThat(e).as("refused").isNotNull();
    assertThat(e.getMessage()).doesNotContain(PASSWORD);
    return e;
  }

  @Test
  void aHostileChallengeCannotAddParamsOrLines() {
    List<Challenge> parsed =
        ChallengeParser.parse(
            List.of(
                "Digest realm=\"x\\\", realm=\\\"evil\", nonce=\"n\\\", uri=\\\"/evil\","
                    + " opaque=\"o\\\"\\\\, response=\\\"0\", qop=\"auth\""));
    assertThat(parsed).hasSize(1);
    String header = builder(parsed.get(0)).build().headerValue();

    assertThat(names(header))
        .containsExactly(
            "username", "realm", "nonce", "uri", "response", "opaque", "qop", "nc", "cnonce");
    assertThat(value(header, "realm")).isEqualTo("x\", realm=\"evil");
    assertThat(value(header, "nonce")).isEqualTo("n\", uri=\"/evil");
    assertThat(value(header, "opaque")).isEqualTo("o\"\\, response=\"0");
    assertThat(value(header, "uri")).isEqualTo("/command.htm?key=F1");
    assertThat(header).doesNotContain("\r").doesNotContain("\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"realm", "nonce", "opaque"})
  void refusesToEchoLineBreaksNulAndControlCharacters(String param) {
    for (String bad :
        new String[] {"a\r\nX-Evil: 1", "a\nb", "a\rb", "a\0b", "a\u0001b", "a\u007fb"}) {
      Map<String, String> params = new LinkedHashMap<>(Map.of("realm", "r", "nonce", "n"));
      params.put(param, bad);
      UnusableChallengeException e = refusal(Challenge.of("Digest", params));
      assertThat(e.reason()).isEqualTo(Reason.UNSAFE_VALUE);
      assertThat(e.getMessage()).contains(param).doesNotContain("\r").doesNotContain("\n");
    }
  }

  @Test
  void aTabIsEchoedInsideTheQuotedString() {
    String header = builder(digest("realm", "a\tb", "nonce", "n")).build().headerValue();
    assertThat(value(header, "realm")).isEqualTo("a\tb");
  }

  @ParameterizedTest
  @ValueSource(strings = {"SHA-1", "MD5 ", "", "SHA512-256", "md5-\u017Fess", "token"})
  void refusesAnUnknownAlgorithmInsteadOfFallingBackToMd5(String algorithm) {
    UnusableChallengeException e =
        refusal(digest("realm", "r", "nonce", "n", "qop", "auth", "algorithm", algorithm));
    assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_ALGORITHM);
    assertThat(e.getMessage()).contains("algorithm").contains("not supported");
  }

  @Test
  void refusesUnknownQop() {
    UnusableChallengeException e =
        refusal(digest("realm", "r", "nonce", "n", "qop", "auth-conf, token"));
    assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_QOP);
    assertThat(e.getMessage()).contains("\"auth-conf, token\"");
    assertThat(refusal(digest("realm", "r", "nonce", "n", "qop", "")).reason())
        .isEqualTo(Reason.UNSUPPORTED_QOP);
  }

  @Test
  void refusesAuthIntOnlyWithoutTheBody() {
    UnusableChallengeException e = refusal(digest("realm", "r", "nonce", "n", "qop", "auth-int"));
    assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_QOP);
    assertThat(e.getMessage()).contains("auth-int").contains("body");
  }

  @Test
  void refusesASessionAlgorithmWithoutQop() {
    UnusableChallengeException e =
        refusal(digest("realm", "r", "nonce", "n", "algorithm", "SHA-256-sess"));
    assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_QOP);
    assertThat(e.getMessage()).contains("SHA-256-sess");
  }

  @Test
  void refusesAChallengeWithoutRealmOrNonce() {
    UnusableChallengeException noRealm = refusal(digest("nonce", "n"));
    assertThat(noRealm.reason()).isEqualTo(Reason.MISSING_PARAMETER);
    assertThat(noRealm.getMessage()).contains("realm");
    UnusableChallengeException noNonce = refusal(digest("realm", "r"));
    assertThat(noNonce.reason()).isEqualTo(Reason.MISSING_PARAMETER);
    assertThat(noNonce.getMessage()).contains("nonce");
  }

  @Test
  void refusesAnotherScheme() {
    UnusableChallengeException e =
        refusal(Challenge.of("Basic", Map.of("realm", "r", "nonce", "n")));
    assertThat(e.reason()).isEqualTo(Reason.WRONG_SCHEME);
    assertThat(e.getMessage()).contains("\"Basic\"");
  }

  @Test
  void acceptsTheSchemeInAnyCase() {
    Challenge lower = Challenge.of("dIGEST", Map.of("realm", "r", "nonce", "n"));
    assertThat(builder(lower).build().headerValue()).startsWith("Digest username=\"admin\", ");
  }

  @Test
  void toStringShowsNeitherPasswordNorHeader() {
    DigestAuthorization auth = builder(digest("realm", "r", "nonce", "n", "qop", "auth")).build();
    String response = value(auth.headerValue(), "response");
    assertThat(auth.toString())
        .isEqualTo("DigestAuthorization[algorithm=MD5, qop=auth, header=***]")
        .doesNotContain(response);
    DigestAuthorization rfc2069 = builder(digest("realm", "r", "nonce", "n")).build();
    assertThat(rfc2069.toString()).contains("qop=none");
    assertThat(builder(digest("realm", "r", "nonce", "n")).toString()).doesNotContain(PASSWORD);
  }

  @Test
  void buildNeedsMethodTargetNonceCountAndCnonce() {
    Challenge challenge = digest("realm", "r", "nonce", "n");
    assertThatThrownBy(() -> DigestAnswer.builder(challenge, CREDENTIALS).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("method");
    assertThatThrownBy(() -> DigestAnswer.builder(challenge, CREDENTIALS).method("GET").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("target");
    assertThatThrownBy(
            () -> DigestAnswer.builder(challenge, CREDENTIALS).method("GET").target("/").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("nonceCount");
    assertThatThrownBy(
            () ->
                DigestAnswer.builder(challenge, CREDENTIALS)
                    .method("GET")
                    .target("/")
                    .nonceCount(1)
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cnonce");
  }

  @Test
  void rejectsBadArguments() {
    DigestAnswer.Builder b = DigestAnswer.builder(digest("realm", "r", "nonce", "n"), CREDENTIALS);
    assertThatThrownBy(() -> b.method("GE T"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("method");
    assertThatThrownBy(() -> b.target(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> b.target("/a?secret=1\r\nX: y"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("U+000D at index 11")
        .hasMessageNotContaining("secret");
    assertThatThrownBy(() -> b.target("/a b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("U+0020");
    assertThatThrownBy(() -> b.nonceCount(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1");
    assertThatThrownBy(() -> b.nonceCount(-1)).isInstanceOf(IllegalArgumentException.class);
    for (String cnonce : new String[] {"", "a\"b", "a\\b", "a b", "a\nb", "é", "x".repeat(257)}) {
      assertThatThrownBy(() -> b.cnonce(cnonce))
          .as(cnonce)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("cnonce must be 1 to 256");
    }
    assertThat(b.cnonce("x".repeat(256))).isSameAs(b);
    assertThatThrownBy(() -> DigestAnswer.builder(null, CREDENTIALS))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> b.body(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void theBodyIsCopied() {
    byte[] body = {1, 2, 3};
    Challenge challenge = digest("realm", "r", "nonce", "n", "qop", "auth-int");
    DigestAnswer.Builder b = builder(challenge).body(body);
    String before = b.build().headerValue();
    body[0] = 9;
    assertThat(b.build().headerValue()).isEqualTo(before);
  }
}
