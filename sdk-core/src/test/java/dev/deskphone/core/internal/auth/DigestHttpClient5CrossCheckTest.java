package dev.deskphone.core.internal.auth;

import static dev.deskphone.core.internal.auth.AuthorizationHeaderReader.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deskphone.core.Credentials;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hc.client5.http.auth.AuthChallenge;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.ChallengeType;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.AuthChallengeParser;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.auth.DigestScheme;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.apache.hc.core5.http.message.ParserCursor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks our Digest answers against Apache httpclient5's {@code DigestScheme}, an independent
 * implementation: both parse the same challenge text, and for the nonce count and cnonce that
 * httpclient5 picked, our response must equal its response.
 */
class DigestHttpClient5CrossCheckTest {
  private static final HttpHost HOST = new HttpHost("http", "127.0.0.1", 8080);

  static Stream<Arguments> cases() {
    List<String> targets =
        List.of(
            "/dir/index.html",
            "/",
            "/command.htm?key=F1&x=%20y",
            "/cgi-bin/a%2Fb?q=%C3%A4&r=a+b",
            "/path;p=1?x=a%22b&empty=");
    List<Arguments> cases = new ArrayList<>();
    for (String algorithm : List.of("MD5", "SHA-256", "MD5-sess")) {
      for (String target : targets) {
        cases.add(Arguments.of(algorithm, "qop=\"auth\", ", "GET", target));
      }
      cases.add(Arguments.of(algorithm, "qop=\"auth,auth-int\", ", "POST", "/push?a=b%26c"));
    }
    for (String algorithm : List.of("MD5", "SHA-256")) {
      cases.add(Arguments.of(algorithm, "", "GET", "/no/qop?x=1")); // RFC 2069 mode
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1}{2} {3}")
  @MethodSource("cases")
  void ourResponseEqualsHttpClient5s(String algorithm, String qop, String method, String target)
      throws Exception {
    String www =
        "Digest realm=\"phone@127.0.0.1\", "
            + qop
            + "nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", algorithm="
            + algorithm
            + ", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"";
    String theirs = httpClient5Answer(www, "Mufasa", "Circle Of Life", method, target);

    DigestAnswer.Builder ours =
        DigestAnswer.builder(
                ChallengeParser.parse(List.of(www)).get(0),
                Credentials.of("Mufasa", "Circle Of Life"))
            .method(method)
            .target(target);
    if (qop.isEmpty()) {
      ours.nonceCount(1).cnonce("unused");
    } else {
      ours.nonceCount(Integer.parseInt(value(theirs, "nc"), 16)).cnonce(value(theirs, "cnonce"));
    }
    String header = ours.build().headerValue();

    assertThat(value(header, "response")).isEqualTo(value(theirs, "response"));
    for (String name : List.of("username", "realm", "nonce", "uri", "algorithm", "opaque")) {
      assertThat(value(header, name)).as(name).isEqualTo(value(theirs, name));
    }
    if (!qop.isEmpty()) {
      assertThat(value(header, "qop")).isEqualTo(value(theirs, "qop")).isEqualTo("auth");
    }
  }

  private static String httpClient5Answer(
      String www, String user, String password, String method, String target) throws Exception {
    List<AuthChallenge> challenges =
        AuthChallengeParser.INSTANCE.parse(
            ChallengeType.TARGET, www, new ParserCursor(0, www.length()));
    DigestScheme scheme = new DigestScheme();
    HttpClientContext context = HttpClientContext.create();
    scheme.processChallenge(challenges.get(0), context);
    BasicCredentialsProvider provider = new BasicCredentialsProvider();
    provider.setCredentials(
        new AuthScope(HOST), new UsernamePasswordCredentials(user, password.toCharArray()));
    assertThat(scheme.isResponseReady(HOST, provider, context)).isTrue();
    return scheme.generateAuthResponse(HOST, new BasicHttpRequest(method, target), context);
  }
}
