package dev.deskphone.core.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DigestHashTest {

  @Test
  void hasTheRfc7616WireNames() {
    assertThat(Arrays.stream(DigestHash.values()).map(DigestHash::wireName))
        .containsExactly(
            "MD5", "MD5-sess", "SHA-256", "SHA-256-sess", "SHA-512-256", "SHA-512-256-sess");
  }

  @Test
  void findsWireNamesInAnyCase() {
    assertThat(DigestHash.fromWireName("md5")).contains(DigestHash.MD5);
    assertThat(DigestHash.fromWireName("MD5-SESS")).contains(DigestHash.MD5_SESS);
    assertThat(DigestHash.fromWireName("sha-256")).contains(DigestHash.SHA_256);
    assertThat(DigestHash.fromWireName("Sha-256-Sess")).contains(DigestHash.SHA_256_SESS);
    assertThat(DigestHash.fromWireName("sha-512-256")).contains(DigestHash.SHA_512_256);
    assertThat(DigestHash.fromWireName("SHA-512-256-sess")).contains(DigestHash.SHA_512_256_SESS);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "SHA-1",
        "SHA256",
        "SHA-512",
        "MD5 ",
        "md5-\u017Fess",
        "SHA-512/256",
        "MD5_SESS"
      })
  void unknownNamesAreEmpty(String name) {
    assertThat(DigestHash.fromWireName(name)).isEmpty();
  }

  @Test
  void aChallengeWithoutAlgorithmMeansMd5AndAnUnknownOneMeansNone() {
    assertThat(DigestHash.of(Challenge.of("Digest", Map.of("realm", "r"))))
        .contains(DigestHash.MD5);
    assertThat(DigestHash.of(Challenge.of("Digest", Map.of("algorithm", "SHA-256"))))
        .contains(DigestHash.SHA_256);
    assertThat(DigestHash.of(Challenge.of("Digest", Map.of("algorithm", "SHA-1")))).isEmpty();
  }

  @Test
  void strengthOrdersSha512256AboveSha256AboveMd5() {
    assertThat(DigestHash.SHA_512_256.strength()).isGreaterThan(DigestHash.SHA_256.strength());
    assertThat(DigestHash.SHA_256.strength()).isGreaterThan(DigestHash.MD5.strength());
    assertThat(DigestHash.SHA_256_SESS.strength()).isEqualTo(DigestHash.SHA_256.strength());
    assertThat(DigestHash.MD5_SESS.strength()).isEqualTo(DigestHash.MD5.strength());
    assertThat(DigestHash.SHA_512_256_SESS.strength()).isEqualTo(DigestHash.SHA_512_256.strength());
  }

  @Test
  void sessionVariantsAreMarked() {
    assertThat(Arrays.stream(DigestHash.values()).filter(DigestHash::isSession))
        .containsExactly(DigestHash.MD5_SESS, DigestHash.SHA_256_SESS, DigestHash.SHA_512_256_SESS);
  }

  @Test
  void hashesMatchPublishedTestVectors() {
    byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
    String md5 = "900150983cd24fb0d6963f7d28e17f72";
    String sha256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    // FIPS 180-4 example for SHA-512/256.
    String sha512256 = "53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23";
    assertThat(DigestHash.MD5.hash(abc)).isEqualTo(md5);
    assertThat(DigestHash.MD5_SESS.hash(abc)).isEqualTo(md5);
    assertThat(DigestHash.SHA_256.hash(abc)).isEqualTo(sha256);
    assertThat(DigestHash.SHA_256_SESS.hash(abc)).isEqualTo(sha256);
    assertThat(DigestHash.SHA_512_256.hash(abc)).isEqualTo(sha512256);
    assertThat(DigestHash.SHA_512_256_SESS.hash(abc)).isEqualTo(sha512256);
  }
}
