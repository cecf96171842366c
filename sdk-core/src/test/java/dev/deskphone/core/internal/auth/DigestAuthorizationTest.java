package dev.deskphone.core.internal.auth;

import static dev.deskphone.core.internal.auth.AuthorizationHeaderReader.names;
import static dev.deskphone.core.internal.auth.AuthorizationHeaderReader.value;
import static dev.deskphone.core.internal.auth.Hashes.h;
import static dev.deskphone.core.internal.auth.Hashes.javaName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deskphone.core.Credentials;
import dev.deskphone.core.PhoneRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DigestAuthorizationTest {
  private static final String NONCE_7616 = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
  private static final String OPAQUE_7616 = "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS";
  private static final String CNONCE_7616 = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";
  private static final Credentials MUFASA_7616 = Credentials.of("Mufasa", "Circle of Life");

  /** The two challenges of RFC 7616 §3.9.1, as one server sends them. */
  private static final List<String> RFC_7616_CHALLENGES =
      List.of(
          "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=SHA-256,"
              + " nonce=\""
              + NONCE_7616
              + "\", opaque=\""
              + OPAQUE_7616
              + "\"",
          "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=MD5,"
              + " nonce=\""
              + NONCE_7616
              + "\", opaque=\""
              + OPAQUE_7616
              + "\"");

  private static DigestAuthorization answer(Challenge challenge, Credentials credentials) {
    return DigestAnswer.builder(challenge, credentials)
        .method("GET")
        .target("/dir/index.html")
        .nonceCount(1)
        .cnonce("0a4f113b")
        .build();
  }

  private static Challenge digest(String... namesAndValues) {
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      params.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return Challenge.of("Digest", params);
  }

  private static Challenge rfc7616(String algorithm) {
    return ChallengeParser.parse(RFC_7616_CHALLENGES).stream()
        .filter(c -> c.param("algorithm").orElseThrow().equals(algorithm))
        .findFirst()
        .orElseThrow();
  }

  private static String rfc7616Header(String algorithm) {
    return DigestAnswer.builder(rfc7616(algorithm), MUFASA_7616)
        .method("GET")
        .target("/dir/index.html")
        .nonceCount(1)
        .cnonce(CNONCE_7616)
        .build()
        .headerValue();
  }

  @Test
  void answersRfc7616Md5Example() {
    assertThat(rfc7616Header("MD5"))
        .isEqualTo(
            "Digest username=\"Mufasa\", realm=\"http-auth@example.org\", nonce=\""
                + NONCE_7616
                + "\", uri=\"/dir/index.html\", algorithm=MD5,"
                + " response=\"8ca523f5e9506fed4657c9700eebdbec\", opaque=\""
                + OPAQUE_7616
                + "\", qop=auth, nc=00000001, cnonce=\""
                + CNONCE_7616
                + "\"");
  }

  @Test
  void answersRfc7616Sha256Example() {
    assertThat(rfc7616Header("SHA-256"))
        .isEqualTo(
            "Digest username=\"Mufasa\", realm=\"http-auth@example.org\", nonce=\""
                + NONCE_7616
                + "\", uri=\"/dir/index.html\", algorithm=SHA-256,"
                + " response=\"753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1\","
                + " opaque=\""
                + OPAQUE_7616
                + "\", qop=auth, nc=00000001, cnonce=\""
                + CNONCE_7616
                + "\"");
  }

  @Test
  void answersRfc2617Example() {
    Challenge challenge =
        ChallengeParser.parse(
                List.of(
                    "Digest realm=\"testrealm@host.com\", qop=\"auth,auth-int\","
                        + " nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\","
                        + " opaque=\"5ccc069c403ebaf9f0171e9517f40e41\""))
            .get(0);
    DigestAuthorization auth = answer(challenge, Credentials.of("Mufasa", "Circle Of Life"));
    assertThat(auth.headerValue())
        .isEqualTo(
            "Digest username=\"Mufasa\", realm=\"testrealm@host.com\","
                + " nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", uri=\"/dir/index.html\","
                + " response=\"6629fae49393a05397450978507c4ef1\","
                + " opaque=\"5ccc069c403ebaf9f0171e9517f40e41\", qop=auth, nc=00000001,"
                + " cnonce=\"0a4f113b\"");
    assertThat(auth.algorithm()).isEqualTo(DigestHash.MD5);
    assertThat(auth.qop()).contains("auth");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"MD5", "MD5-sess", "SHA-256", "SHA-256-sess", "SHA-512-256", "SHA-512-256-sess"})
  void everyAlgorithmMatchesAnIndependentComputation(String algorithm) {
    Challenge challenge =
        digest("realm", "phone@example", "nonce", "n-123", "qop", "auth", "algorithm", algorithm);
    String target = "/cgi/x?a=1&b=%20c";
    String header =
        DigestAnswer.builder(challenge, Credentials.of("admin", "0000"))
            .method("POST")
            .target(target)
            .nonceCount(0x1a)
            .cnonce("c-456")
            .build()
            .headerValue();

    assertThat(value(header, "response"))
        .isEqualTo(
            Hashes.response(
                algorithm,
                "admin",
                "phone@example",
                "0000",
                "n-123",
                "0000001a",
                "c-456",
                "auth",
                "POST",
                target,
                StandardCharsets.UTF_8));
    assertThat(value(header, "algorithm")).isEqualTo(algorithm);
    assertThat(value(header, "nc")).isEqualTo("0000001a");
    assertThat(value(header, "uri")).isEqualTo(target);
  }

  @ParameterizedTest
  @ValueSource(strings = {"MD5", "SHA-256", "SHA-512-256"})
  void withoutQopAnswersInRfc2069Mode(String algorithm) {
    Challenge challenge = digest("realm", "r", "nonce", "n", "algorithm", algorithm);
    DigestAuthorization auth = answer(challenge, Credentials.of("u", "p"));
    String alg = javaName(algorithm);
    String expected = h(alg, h(alg, "u:r:p") + ":n:" + h(alg, "GET:/dir/index.html"));

    assertThat(value(auth.headerValue(), "response")).isEqualTo(expected);
    assertThat(names(auth.headerValue()))
        .containsExactly("username", "realm", "nonce", "uri", "algorithm", "response");
    assertThat(auth.qop()).isEmpty();
  }

  @Test
  void withoutAlgorithmUsesMd5AndSendsNoAlgorithm() {
    DigestAuthorization auth = answer(digest("realm", "r", "nonce", "n"), Credentials.of("u", "p"));
    assertThat(auth.algorithm()).isEqualTo(DigestHash.MD5);
    assertThat(names(auth.headerValue()))
        .containsExactly("username", "realm", "nonce", "uri", "response");
  }

  @Test
  void echoesAlgorithmAndOpaqueAsSpelled() {
    Challenge challenge =
        digest(
            "realm",
            "r",
            "nonce",
            "n",
            "qop",
            "auth",
            "algorithm",
            "sha-256-SESS",
            "opaque",
            "o p,q=r;s");
    String header = answer(challenge, Credentials.of("u", "p")).headerValue();
    assertThat(header).contains(", algorithm=sha-256-SESS, ").contains(", opaque=\"o p,q=r;s\", ");
    assertThat(value(header, "response"))
        .isEqualTo(
            Hashes.response(
                "SHA-256-sess",
                "u",
                "r",
                "p",
                "n",
                "00000001",
                "0a4f113b",
                "auth",
                "GET",
                "/dir/index.html",
                StandardCharsets.UTF_8));
  }

  @Test
  void prefersAuthOverAuthInt() {
    Challenge challenge = digest("realm", "r", "nonce", "n", "qop", "auth-int, AUTH");
    DigestAuthorization auth =
        DigestAnswer.builder(challenge, Credentials.of("u", "p"))
            .method("POST")
            .target("/x")
            .body(new byte[] {1, 2, 3})
            .nonceCount(1)
            .cnonce("c")
            .build();
    assertThat(auth.qop()).contains("auth");
    assertThat(value(auth.headerValue(), "qop")).isEqualTo("auth");
  }

  @Test
  void answersAuthIntWithTheBodyHash() {
    Challenge challenge =
        digest("realm", "r", "nonce", "n", "qop", "auth-int", "algorithm", "SHA-256");
    byte[] body = "<xml>dial</xml>".getBytes(StandardCharsets.UTF_8);
    PhoneRequest request =
        PhoneRequest.builder("POST", URI.create("http://127.0.0.1:8080/a%20b?x=1&y=%2F"))
            .body(body)
            .build();
    DigestAuthorization auth =
        DigestAnswer.builder(challenge, Credentials.of("u", "p"))
            .request(request)
            .nonceCount(2)
            .cnonce("c")
            .build();

    String ha1 = h("SHA-256", "u:r:p");
    String ha2 = h("SHA-256", "POST:/a%20b?x=1&y=%2F:" + h("SHA-256", body));
    String expected = h("SHA-256", ha1 + ":n:00000002:c:auth-int:" + ha2);
    assertThat(value(auth.headerValue(), "response")).isEqualTo(expected);
    assertThat(value(auth.headerValue(), "qop")).isEqualTo("auth-int");
    assertThat(value(auth.headerValue(), "uri")).isEqualTo("/a%20b?x=1&y=%2F");
  }

  @Test
  void userhashSendsTheHashedUsernameAndHashesA1WithThePlainOne() {
    Challenge challenge =
        digest(
            "realm", "r", "nonce", "n", "qop", "auth", "algorithm", "SHA-256", "userhash", "TRUE");
    String header = answer(challenge, Credentials.of("Mufasa", "p")).headerValue();

    assertThat(value(header, "username")).isEqualTo(h("SHA-256", "Mufasa:r"));
    assertThat(header).endsWith(", userhash=true").doesNotContain("Mufasa");
    assertThat(value(header, "response"))
        .isEqualTo(
            Hashes.response(
                "SHA-256",
                "Mufasa",
                "r",
                "p",
                "n",
                "00000001",
                "0a4f113b",
                "auth",
                "GET",
                "/dir/index.html",
                StandardCharsets.UTF_8));
  }

  @Test
  void nonAsciiUsernameGoesAsUsernameStarWhenTheChallengeSaysUtf8() {
    Challenge challenge =
        digest(
            "realm", "r", "nonce", "n", "qop", "auth", "charset", "utf-8", "algorithm", "SHA-256");
    String header = answer(challenge, Credentials.of("Jäsøn Doe", "Grüße")).headerValue();

    assertThat(names(header)).contains("username*").doesNotContain("username");
    assertThat(value(header, "username*")).isEqualTo("UTF-8''J%C3%A4s%C3%B8n%20Doe");
    assertThat(value(header, "response"))
        .isEqualTo(
            Hashes.response(
                "SHA-256",
                "Jäsøn Doe",
                "r",
                "Grüße",
                "n",
                "00000001",
                "0a4f113b",
                "auth",
                "GET",
                "/dir/index.html",
                StandardCharsets.UTF_8));
  }

  @Test
  void asciiUsernameStaysQuotedUnderUtf8() {
    Challenge challenge = digest("realm", "r", "nonce", "n", "qop", "auth", "charset", "UTF-8");
    String header = answer(challenge, Credentials.of("admin", "Grüße")).headerValue();
    assertThat(value(header, "username")).isEqualTo("admin");
    assertThat(value(header, "response"))
        .isEqualTo(
            Hashes.response(
                "MD5",
                "admin",
                "r",
                "Grüße",
                "n",
                "00000001",
                "0a4f113b",
                "auth",
                "GET",
                "/dir/index.html",
                StandardCharsets.UTF_8));
  }

  @Test
  void withoutCharsetCredentialsAreHashedAsUtf8LikeHttpdCurlAndRequests() {
    Challenge challenge = digest("realm", "r", "nonce", "n", "qop", "auth");
    String header = answer(challenge, Credentials.of("Jürgen", "pä ss\"w")).headerValue();
    String utf8 =
        Hashes.response(
            "MD5",
            "Jürgen",
            "r",
            "pä ss\"w",
            "n",
            "00000001",
            "0a4f113b",
            "auth",
            "GET",
            "/dir/index.html",
            StandardCharsets.UTF_8);

    assertThat(value(header, "response"))
        .isEqualTo(utf8)
        .isNotEqualTo(
            Hashes.response(
                "MD5",
                "Jürgen",
                "r",
                "pä ss\"w",
                "n",
                "00000001",
                "0a4f113b",
                "auth",
                "GET",
                "/dir/index.html",
                StandardCharsets.ISO_8859_1));
    assertThat(value(header, "username*")).isEqualTo("UTF-8''J%C3%BCrgen");
  }

  @Test
  void aUsernameBeyondAsciiGoesAsUsernameStarWithOrWithoutCharset() {
    for (Challenge challenge :
        List.of(
            digest("realm", "r", "nonce", "n", "qop", "auth"),
            digest("realm", "r", "nonce", "n", "qop", "auth", "charset", "UTF-8"))) {
      String header = answer(challenge, Credentials.of("Иван", "пароль€")).headerValue();
      assertThat(value(header, "username*")).isEqualTo("UTF-8''%D0%98%D0%B2%D0%B0%D0%BD");
      assertThat(header).doesNotContain("username=").matches("\\p{ASCII}*");
      assertThat(value(header, "response"))
          .isEqualTo(
              Hashes.response(
                  "MD5",
                  "Иван",
                  "r",
                  "пароль€",
                  "n",
                  "00000001",
                  "0a4f113b",
                  "auth",
                  "GET",
                  "/dir/index.html",
                  StandardCharsets.UTF_8));
    }
  }

  @Test
  void aRealmBeyondAsciiIsRefusedSinceItCannotBeEchoed() {
    Challenge challenge = digest("realm", "Büro", "nonce", "n", "qop", "auth");
    assertThatThrownBy(() -> answer(challenge, Credentials.of("u", "p")))
        .isInstanceOf(UnusableChallengeException.class)
        .hasMessage(
            "the challenge's realm holds U+00FC at index 1: header values go as US-ASCII, so it"
                + " cannot be echoed as the phone sent it");
  }

  @Test
  void escapesQuotesAndBackslashesInQuotedStrings() {
    Challenge challenge = digest("realm", "a\"b\\c", "nonce", "n\"", "opaque", "\\");
    String header = answer(challenge, Credentials.of("x\"y\\z", "p")).headerValue();

    assertThat(header)
        .startsWith("Digest username=\"x\\\"y\\\\z\", realm=\"a\\\"b\\\\c\", nonce=\"n\\\"\", ")
        .endsWith(", opaque=\"\\\\\"");
    assertThat(value(header, "realm")).isEqualTo("a\"b\\c");
    assertThat(value(header, "username")).isEqualTo("x\"y\\z");
  }

  @Test
  void rendersTheNonceCountAsEightLowerCaseHexDigits() {
    Challenge challenge = digest("realm", "r", "nonce", "n", "qop", "auth");
    for (int nc : new int[] {1, 255, 0xabcdef, Integer.MAX_VALUE}) {
      String header =
          DigestAnswer.builder(challenge, Credentials.of("u", "p"))
              .method("GET")
              .target("/")
              .nonceCount(nc)
              .cnonce("c")
              .build()
              .headerValue();
      assertThat(value(header, "nc")).isEqualTo(String.format("%08x", nc)).hasSize(8);
    }
  }

  @Test
  void newCnonceIsSixteenRandomBytesAsHex() {
    SecureRandom fixed =
        new SecureRandom() {
          private static final long serialVersionUID = 1L;

          @Override
          public void nextBytes(byte[] bytes) {
            java.util.Arrays.fill(bytes, (byte) 0xAB);
          }
        };
    assertThat(DigestAuthorization.newCnonce(fixed)).isEqualTo("ab".repeat(16));
    SecureRandom random = new SecureRandom();
    String a = DigestAuthorization.newCnonce(random);
    assertThat(a).matches("[0-9a-f]{32}").isNotEqualTo(DigestAuthorization.newCnonce(random));
  }
}
