package dev.deskphone.core.internal.auth;

import static dev.deskphone.core.internal.auth.AuthorizationHeaderReader.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deskphone.core.Credentials;
import dev.deskphone.core.internal.auth.PhoneAuthState.DigestSession;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The per-request answers of a {@link DigestSession}, which works out the challenge's shared part
 * once: each answer must still be the one RFC 7616 gives for its own request, nonce count and
 * cnonce, whatever was answered before and with whichever credentials.
 */
class DigestSessionTest {
  private static final Credentials ADMIN = Credentials.of("admin", "secret");
  private final SecureRandom random = new SecureRandom();

  private static Challenge challenge(String algorithm, String qop) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("realm", "snom");
    params.put("nonce", "abc123");
    if (qop != null) {
      params.put("qop", qop);
    }
    params.put("algorithm", algorithm);
    params.put("opaque", "op");
    return Challenge.of("Digest", params);
  }

  private String answer(DigestSession session, String target) {
    return session.authorization(
        "GET", target, new byte[0], ADMIN.username(), ADMIN.password(), random);
  }

  /** Checks the header against a response computed from scratch for its own nc and cnonce. */
  private static void assertAnswers(
      String header, String algorithm, Credentials creds, String target) {
    assertThat(value(header, "username")).isEqualTo(creds.username());
    assertThat(value(header, "uri")).isEqualTo(target);
    String expected =
        Hashes.response(
            algorithm,
            creds.username(),
            "snom",
            creds.password(),
            "abc123",
            value(header, "nc"),
            value(header, "cnonce"),
            "auth",
            "GET",
            target,
            StandardCharsets.UTF_8);
    assertThat(value(header, "response")).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"MD5", "MD5-sess", "SHA-256", "SHA-256-sess", "SHA-512-256"})
  void everyAnswerIsTheOneForItsOwnRequestCountAndCnonce(String algorithm) {
    DigestSession session = DigestSession.of(challenge(algorithm, "auth"));
    String[] targets = {"/command.htm?key=ENTER", "/command.htm?number=123", "/index.htm"};
    for (int i = 0; i < 6; i++) {
      String target = targets[i % targets.length];
      String header = answer(session, target);
      assertThat(value(header, "nc")).isEqualTo(String.format("%08x", i + 1));
      assertAnswers(header, algorithm, ADMIN, target);
    }
  }

  @Test
  void aChallengeOfferingOnlyAuthIntIsAnsweredForARequestWithItsBody() {
    DigestSession session = DigestSession.of(challenge("MD5", "auth-int"));
    String header = answer(session, "/index.htm");

    assertThat(value(header, "qop")).isEqualTo("auth-int");
  }

  @Test
  void anUnusableChallengeIsRefusedOnEveryAnswerNotJustTheFirst() {
    DigestSession session = DigestSession.of(challenge("MD5-sess", null));
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> answer(session, "/index.htm"))
          .isInstanceOf(UnusableChallengeException.class)
          .hasMessageContaining("MD5-sess needs a qop");
    }
  }

  @Test
  void toStringShowsNoSecretOrAnswer() {
    DigestSession session = DigestSession.of(challenge("MD5", "auth"));
    String header = answer(session, "/index.htm");
    PreparedDigest prepared =
        PreparedDigest.of(challenge("MD5", "auth"), ADMIN.username(), ADMIN.password());

    assertThat(session.toString()).isEqualTo("DigestSession[nc=1]");
    assertThat(prepared.toString())
        .doesNotContain("secret")
        .doesNotContain(value(header, "response"))
        .isEqualTo("PreparedDigest[algorithm=MD5, ha1=***]");
  }
}
