package dev.deskphone.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FakeSnomPhoneAuthTest {
  private static final String ENTER = "/command.htm?key=ENTER";
  private final MutableClock clock = MutableClock.at(Instant.parse("2026-12-01T10:00:00Z"));

  private FakeSnomPhone digest(DigestAlgorithm... algorithms) {
    return FakeSnomPhone.builder()
        .digestAuth("admin", "secret")
        .digestAlgorithms(algorithms)
        .nonceLifetime(Duration.ofMinutes(1))
        .clock(clock)
        .start();
  }

  private static Map<String, String> challengeOf(FakeSnomPhone fake) throws Exception {
    HttpResponse<String> r = RawHttp.get(fake, ENTER);
    assertThat(r.statusCode()).isEqualTo(401);
    return DigestByHand.challenge(r);
  }

  private static int withDigest(FakeSnomPhone fake, String password, Map<String, String> ch, int nc)
      throws Exception {
    return DigestByHand.get(fake, ENTER, password, ch, nc).statusCode();
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void basicWithTheRightCredentialsIsCarriedOut() throws Exception {
    try (FakeSnomPhone fake = FakeSnomPhone.builder().basicAuth("admin", "secret").start()) {
      HttpResponse<String> bare = RawHttp.get(fake, ENTER);
      int status = RawHttp.get(fake, ENTER, "Authorization", basic("admin", "secret")).statusCode();

      assertThat(bare.statusCode()).isEqualTo(401);
      assertThat(bare.headers().allValues("WWW-Authenticate"))
          .containsExactly("Basic realm=\"snom\"");
      assertThat(status).isEqualTo(200);
      assertThat(fake.pressedKeys()).containsExactly(PressedKey.of("ENTER"));
      assertThat(fake.rejected()).isEmpty();
    }
  }

  @Test
  void basicWithAWrongPasswordIsRefusedAndRecorded() throws Exception {
    try (FakeSnomPhone fake = FakeSnomPhone.builder().basicAuth("admin", "secret").start()) {
      int status = RawHttp.get(fake, ENTER, "Authorization", basic("admin", "wrong")).statusCode();

      assertThat(status).isEqualTo(401);
      assertThat(fake.pressedKeys()).isEmpty();
      assertThat(fake.rejected())
          .singleElement()
          .satisfies(r -> assertThat(r.reason()).contains("Basic"));
    }
  }

  @Test
  void digestMd5ComputedByHandIsCarriedOut() throws Exception {
    try (FakeSnomPhone fake = digest(DigestAlgorithm.MD5)) {
      Map<String, String> ch = challengeOf(fake);

      assertThat(ch)
          .containsEntry("algorithm", "MD5")
          .containsEntry("qop", "auth")
          .containsKey("opaque");
      assertThat(withDigest(fake, "secret", ch, 1)).isEqualTo(200);
      assertThat(fake.pressedKeys()).containsExactly(PressedKey.of("ENTER"));
    }
  }

  @Test
  void digestSha256ComputedByHandIsCarriedOutAndOfferedFirst() throws Exception {
    try (FakeSnomPhone fake = digest(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5)) {
      HttpResponse<String> bare = RawHttp.get(fake, ENTER);
      List<String> offers = bare.headers().allValues("WWW-Authenticate");
      Map<String, String> ch = DigestByHand.challenge(offers.get(0));

      assertThat(offers).hasSize(2);
      assertThat(ch).containsEntry("algorithm", "SHA-256");
      assertThat(DigestByHand.challenge(offers.get(1))).containsEntry("algorithm", "MD5");
      assertThat(withDigest(fake, "secret", ch, 1)).isEqualTo(200);
      assertThat(fake.pressedKeys()).hasSize(1);
    }
  }

  @Test
  void aNonceServesManyRequestsWhileNcGrows() throws Exception {
    try (FakeSnomPhone fake = digest(DigestAlgorithm.MD5)) {
      Map<String, String> ch = challengeOf(fake);

      assertThat(withDigest(fake, "secret", ch, 1)).isEqualTo(200);
      assertThat(withDigest(fake, "secret", ch, 2)).isEqualTo(200);
      assertThat(withDigest(fake, "secret", ch, 7)).isEqualTo(200);
      assertThat(fake.pressedKeys()).hasSize(3);
    }
  }

  @Test
  void aReplayedNcIsRefusedAndRecorded() throws Exception {
    try (FakeSnomPhone fake = digest(DigestAlgorithm.MD5)) {
      Map<String, String> ch = challengeOf(fake);

      assertThat(withDigest(fake, "secret", ch, 2)).isEqualTo(200);
      assertThat(withDigest(fake, "secret", ch, 2)).isEqualTo(401);
      assertThat(withDigest(fake, "secret", ch, 1)).isEqualTo(401);

      assertThat(fake.pressedKeys()).hasSize(1);
      assertThat(fake.rejected()).hasSize(2).allSatisfy(r -> assertThat(r.reason()).contains("nc"));
      assertThat(fake.state().lockedUntil()).isEmpty();
    }
  }

  @Test
  void anExpiredNonceIsAnsweredStaleAndDoesNotCountAsAFailedLogin() throws Exception {
    try (FakeSnomPhone fake = digest(DigestAlgorithm.MD5)) {
      Map<String, String> ch = challengeOf(fake);
      clock.advance(Duration.ofMinutes(2));

      for (int nc = 1; nc <= 4; nc++) {
        HttpResponse<String> r = DigestByHand.get(fake, ENTER, "secret", ch, nc);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("stale=true");
      }
      assertThat(fake.pressedKeys()).isEmpty();
      assertThat(fake.state().lockedUntil()).isEmpty();
      Map<String, String> fresh = challengeOf(fake);
      assertThat(fresh.get("nonce")).isNotEqualTo(ch.get("nonce"));
      assertThat(withDigest(fake, "secret", fresh, 1)).isEqualTo(200);
    }
  }

  @Test
  void aWrongPasswordIsRefusedWithoutStale() throws Exception {
    try (FakeSnomPhone fake = digest(DigestAlgorithm.SHA_256)) {
      Map<String, String> ch = challengeOf(fake);
      HttpResponse<String> r = DigestByHand.get(fake, ENTER, "guess", ch, 1);

      assertThat(r.statusCode()).isEqualTo(401);
      assertThat(r.headers().firstValue("WWW-Authenticate").orElseThrow()).doesNotContain("stale");
      assertThat(fake.rejected())
          .singleElement()
          .satisfies(x -> assertThat(x.reason()).contains("password"));
    }
  }

  @Test
  void aDigestUriOtherThanTheTargetIsABadRequest() throws Exception {
    try (FakeSnomPhone fake = digest(DigestAlgorithm.MD5)) {
      Map<String, String> ch = challengeOf(fake);
      String other = DigestByHand.authorization("admin", "secret", "/command.htm?key=1", ch, 1);

      assertThat(RawHttp.get(fake, ENTER, "Authorization", other).statusCode()).isEqualTo(400);
      assertThat(fake.pressedKeys()).isEmpty();
      assertThat(fake.rejected())
          .singleElement()
          .extracting(RejectedRequest::status)
          .isEqualTo(400);
    }
  }

  @Test
  void threeFailedLoginsLockForOneMinuteThenTwo() throws Exception {
    try (FakeSnomPhone fake = digest(DigestAlgorithm.MD5)) {
      Map<String, String> ch = challengeOf(fake);
      assertThat(withDigest(fake, "bad", ch, 1)).isEqualTo(401);
      assertThat(withDigest(fake, "bad", ch, 2)).isEqualTo(401);
      HttpResponse<String> third = DigestByHand.get(fake, ENTER, "bad", ch, 3);

      assertThat(third.statusCode()).isEqualTo(403);
      assertThat(third.headers().firstValue("Retry-After")).hasValue("60");
      assertThat(fake.state().lockedUntil()).hasValue(clock.instant().plus(Duration.ofMinutes(1)));
      assertThat(withDigest(fake, "secret", ch, 4)).isEqualTo(403);

      clock.advance(Duration.ofSeconds(61));
      Map<String, String> again = challengeOf(fake);
      assertThat(withDigest(fake, "secret", again, 1)).isEqualTo(200);
      for (int nc = 2; nc <= 4; nc++) {
        withDigest(fake, "bad", again, nc);
      }
      assertThat(fake.state().lockedUntil()).hasValue(clock.instant().plus(Duration.ofMinutes(2)));
      clock.advance(Duration.ofSeconds(61));
      assertThat(RawHttp.status(fake, ENTER)).isEqualTo(403);
      clock.advance(Duration.ofSeconds(60));
      assertThat(RawHttp.status(fake, ENTER)).isEqualTo(401);
      assertThat(fake.pressedKeys()).hasSize(1);
      assertThat(fake.rejected()).extracting(RejectedRequest::status).contains(401, 403);
    }
  }

  @Test
  void aGoodLoginEndsTheRunOfFailures() throws Exception {
    try (FakeSnomPhone fake = digest(DigestAlgorithm.MD5)) {
      Map<String, String> ch = challengeOf(fake);
      withDigest(fake, "bad", ch, 1);
      withDigest(fake, "bad", ch, 2);
      assertThat(withDigest(fake, "secret", ch, 3)).isEqualTo(200);
      withDigest(fake, "bad", ch, 4);
      withDigest(fake, "bad", ch, 5);

      assertThat(fake.state().lockedUntil()).isEmpty();
      assertThat(withDigest(fake, "secret", ch, 6)).isEqualTo(200);
      assertThat(fake.rejected()).hasSize(4).allSatisfy(r -> assertThat(r.status()).isEqualTo(401));
    }
  }

  @Test
  void basicCredentialsToADigestPhoneAreAFailedLogin() throws Exception {
    try (FakeSnomPhone fake = digest(DigestAlgorithm.MD5)) {
      int status = RawHttp.get(fake, ENTER, "Authorization", basic("admin", "secret")).statusCode();

      assertThat(status).isEqualTo(401);
      assertThat(fake.rejected())
          .singleElement()
          .satisfies(r -> assertThat(r.reason()).contains("Digest"));
    }
  }
}
