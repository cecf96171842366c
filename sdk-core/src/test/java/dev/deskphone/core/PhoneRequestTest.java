package dev.deskphone.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneRequestTest {
  private static final URI PHONE = URI.create("http://10.0.0.5/command.htm");
  private static final String USER = "sentinelUser7";
  private static final String PASSWORD = "sentinelPass9";

  // --- the URI ---

  @ParameterizedTest
  @ValueSource(
      strings = {"ftp://10.0.0.5/", "ws://10.0.0.5/", "/relative/path", "10.0.0.5", "file:/etc"})
  void uriThatIsNotAbsoluteHttpOrHttpsIsRejected(String uri) {
    assertThatThrownBy(() -> PhoneRequest.get(URI.create(uri)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the phone URI must be an absolute http or https URI, was \"" + uri + "\"");
  }

  @Test
  void opaqueUriIsRejected() {
    assertThatThrownBy(() -> PhoneRequest.get(URI.create("http:10.0.0.5")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("absolute http or https URI")
        .hasMessageContaining("\"http:10.0.0.5\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http:///command.htm", "http://phone_1/", "https://:443/"})
  void uriWithoutAValidHostIsRejected(String uri) {
    assertThatThrownBy(() -> PhoneRequest.get(URI.create(uri)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the phone URI has no valid host name or address: \"" + uri + "\"");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://" + USER + ":" + PASSWORD + "@10.0.0.5/",
        "https://" + USER + "@phone.example:8443/x",
        // Not a valid server authority, so java.net.URI does not parse user-info out of it.
        "http://" + USER + ":" + PASSWORD + "@phone_1/",
        "http://" + USER + ":" + PASSWORD + "@/x",
        "ftp://" + USER + ":" + PASSWORD + "@phone_1/",
        "http:" + USER + ":" + PASSWORD + "@10.0.0.5"
      })
  void uriWithUserInfoIsRejectedWithoutShowingTheCredentials(String uri) {
    assertThatThrownBy(() -> PhoneRequest.get(URI.create(uri)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("user-info")
        .hasMessageNotContaining(USER)
        .hasMessageNotContaining(PASSWORD);
  }

  @Test
  void userInfoMessageNamesTheHostAndWhereCredentialsGo() {
    URI uri = URI.create("http://" + USER + ":" + PASSWORD + "@10.0.0.5/");

    assertThatThrownBy(() -> PhoneRequest.builder("POST", uri))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not carry user-info")
        .hasMessageContaining("client builder")
        .hasMessageContaining("\"10.0.0.5\"");
  }

  @Test
  void fragmentIsRejectedSuggestingPercentEncoding() {
    assertThatThrownBy(() -> PhoneRequest.get(URI.create("http://10.0.0.5/a#b")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the phone URI must not have a #fragment: encode '#' as %23; was"
                + " \"http://10.0.0.5/a#b\"");
    assertThat(PhoneRequest.get(URI.create("http://10.0.0.5/a%23b")).target()).isEqualTo("/a%23b");
  }

  @Test
  void nullUriIsRejected() {
    assertThatThrownBy(() -> PhoneRequest.get(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("uri");
  }

  @Test
  void uppercaseSchemeIsAccepted() {
    assertThat(PhoneRequest.get(URI.create("HTTPS://Phone.Example/")).phone())
        .isEqualTo("https://Phone.Example:443");
  }

  // --- the method ---

  @ParameterizedTest
  @ValueSource(strings = {"", "GET /", "G(E)T", "CONNECT", "GET\u00e9"})
  void methodThatIsNotAnHttpTokenOrIsConnectIsRejected(String method) {
    assertThatThrownBy(() -> PhoneRequest.builder(method, PHONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("method \"" + method + "\" is not allowed: use an HTTP method such as GET");
  }

  @Test
  void methodWithControlCharactersIsShownAsCodePoints() {
    assertThatThrownBy(() -> PhoneRequest.builder("GET\r\nX: y", PHONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"GET<U+000D><U+000A>X: y\"")
        .hasMessageNotContaining("\r")
        .hasMessageNotContaining("\n");
  }

  @Test
  void nullMethodIsRejected() {
    assertThatThrownBy(() -> PhoneRequest.builder(null, PHONE))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("method");
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH", "X-Vendor"})
  void tokenMethodsAreAccepted(String method) {
    assertThat(PhoneRequest.builder(method, PHONE).build().method()).isEqualTo(method);
  }

  // --- headers ---

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Host",
        "host",
        "Content-Length",
        "CONTENT-LENGTH",
        "Connection",
        "connection",
        "Expect",
        "eXpEcT",
        "Upgrade",
        "UPGRADE",
        "Transfer-Encoding",
        "transfer-encoding"
      })
  void headerOwnedByTheTransportIsRejectedInAnyCase(String name) {
    PhoneRequest.Builder builder = PhoneRequest.builder("POST", PHONE).header(name, "x");

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("header " + name + " is set by the transport and cannot be set on a request");
  }

  @Test
  void ownedHeaderIsRejectedWhenSetToo() {
    PhoneRequest.Builder builder = PhoneRequest.builder("GET", PHONE).setHeader("Host", "evil");

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("header Host is set by the transport");
  }

  @Test
  void headerValueWithCrLfIsRejectedAtOnce() {
    assertThatThrownBy(() -> PhoneRequest.builder("GET", PHONE).header("X-A", "1\r\nHost: evil"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("U+000D")
        .hasMessageNotContaining("\r");
  }

  @Test
  void headersAreKeptAndSetHeaderReplaces() {
    PhoneRequest request =
        PhoneRequest.builder("POST", PHONE)
            .header("Accept", "a")
            .header("accept", "b")
            .header("Content-Type", "text/plain")
            .setHeader("ACCEPT", "c")
            .build();

    assertThat(request.headers().allValues("Accept")).containsExactly("c");
    assertThat(request.headers().firstValue("content-type")).contains("text/plain");
  }

  // --- timeout and operation ---

  @Test
  void nonPositiveTimeoutIsRejected() {
    PhoneRequest.Builder builder = PhoneRequest.builder("GET", PHONE);

    assertThatThrownBy(() -> builder.timeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeout must be positive, was PT0S");
    assertThatThrownBy(() -> builder.timeout(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeout must be positive, was PT-0.001S");
    assertThatThrownBy(() -> builder.timeout(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("timeout");
  }

  @Test
  void timeoutIsAbsentUnlessSet() {
    assertThat(PhoneRequest.get(PHONE).timeout()).isEmpty();
    assertThat(PhoneRequest.builder("GET", PHONE).timeout(Duration.ofMillis(1)).build().timeout())
        .contains(Duration.ofMillis(1));
  }

  @Test
  void blankOrControlOrOverlongOperationIsRejected() {
    PhoneRequest.Builder builder = PhoneRequest.builder("GET", PHONE);

    assertThatThrownBy(() -> builder.operation(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("operation \"\" is not allowed: 1 to 100 characters, no control characters");
    assertThatThrownBy(() -> builder.operation("  \t"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("operation \"  <U+0009>\" is not allowed");
    assertThatThrownBy(() -> builder.operation("snom\npress"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"snom<U+000A>press\"")
        .hasMessageNotContaining("\n");
    assertThatThrownBy(() -> builder.operation("x".repeat(101)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("...\" (101 characters)");
    assertThatThrownBy(() -> builder.operation(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("operation");
  }

  @Test
  void operationOfUpToOneHundredCharactersIsKept() {
    String longest = "o".repeat(100);

    assertThat(PhoneRequest.builder("GET", PHONE).operation(longest).build().operation())
        .isEqualTo(longest);
    assertThat(PhoneRequest.builder("GET", PHONE).operation("snom press").build().operation())
        .isEqualTo("snom press");
  }

  @Test
  void defaultOperationIsMethodAndRawPathWithoutQuery() {
    assertThat(PhoneRequest.get(URI.create("http://10.0.0.5/a%20b/cmd.htm?pwd=x")).operation())
        .isEqualTo("GET /a%20b/cmd.htm");
    assertThat(PhoneRequest.builder("POST", URI.create("http://10.0.0.5")).build().operation())
        .isEqualTo("POST /");
  }

  // --- target, phone, body ---

  @Test
  void targetIsTheRawPathAndQueryAsSent() {
    PhoneRequest request =
        PhoneRequest.get(URI.create("http://10.0.0.5/dir%2Fx/a%20b?key=a%26b&name=caf%C3%A9&e="));

    assertThat(request.target()).isEqualTo("/dir%2Fx/a%20b?key=a%26b&name=caf%C3%A9&e=");
    assertThat(PhoneRequest.get(URI.create("http://10.0.0.5?x=1")).target()).isEqualTo("/?x=1");
    assertThat(PhoneRequest.get(URI.create("http://10.0.0.5")).target()).isEqualTo("/");
  }

  @Test
  void phoneFillsInTheDefaultPortOfTheScheme() {
    assertThat(PhoneRequest.get(URI.create("http://10.0.0.5/x")).phone())
        .isEqualTo("http://10.0.0.5:80");
    assertThat(PhoneRequest.get(URI.create("https://10.0.0.5/x")).phone())
        .isEqualTo("https://10.0.0.5:443");
    assertThat(PhoneRequest.get(URI.create("http://10.0.0.5:8080/x")).phone())
        .isEqualTo("http://10.0.0.5:8080");
    assertThat(PhoneRequest.get(URI.create("https://phone.example:80/")).phone())
        .isEqualTo("https://phone.example:80");
    assertThat(PhoneRequest.get(URI.create("http://[fe80::1]/")).phone())
        .isEqualTo("http://[fe80::1]:80");
  }

  @Test
  void bodyIsCopiedOnTheWayInAndOut() {
    byte[] given = "key=1".getBytes(StandardCharsets.US_ASCII);
    PhoneRequest request = PhoneRequest.builder("POST", PHONE).body(given).build();

    given[0] = 'X';
    byte[] taken = request.body();
    taken[1] = 'X';

    assertThat(request.body()).isEqualTo("key=1".getBytes(StandardCharsets.US_ASCII));
    assertThat(request.bodyLength()).isEqualTo(5);
    assertThat(taken).isNotSameAs(request.body());
  }

  @Test
  void bodyIsEmptyByDefaultAndNullIsRejected() {
    assertThat(PhoneRequest.get(PHONE).body()).isEmpty();
    assertThat(PhoneRequest.get(PHONE).bodyLength()).isZero();
    assertThatThrownBy(() -> PhoneRequest.builder("POST", PHONE).body(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("body");
  }

  @Test
  void toStringShowsMethodPhoneAndPathButNoQueryHeadersOrBody() {
    PhoneRequest request =
        PhoneRequest.builder("POST", URI.create("http://10.0.0.5/cmd.htm?user=admin&pwd=hunter2"))
            .header("Authorization", "Basic aHVudGVyMg==")
            .body("secret-body".getBytes(StandardCharsets.UTF_8))
            .build();

    assertThat(request)
        .hasToString("PhoneRequest[POST http://10.0.0.5:80/cmd.htm]")
        .asString()
        .doesNotContain("hunter2", "aHVudGVyMg", "secret-body", "admin");
  }

  @Test
  void toBuilderCopiesEveryPartAndEqualityFollowsThem() {
    PhoneRequest request =
        PhoneRequest.builder("POST", PHONE)
            .header("Content-Type", "text/plain")
            .body(new byte[] {1, 2, 3})
            .timeout(Duration.ofSeconds(3))
            .operation("snom press")
            .build();

    PhoneRequest copy = request.toBuilder().build();

    assertThat(copy).isEqualTo(request).hasSameHashCodeAs(request);
    assertThat(copy.method()).isEqualTo("POST");
    assertThat(copy.uri()).isEqualTo(PHONE);
    assertThat(copy.body()).containsExactly(1, 2, 3);
    assertThat(copy.timeout()).contains(Duration.ofSeconds(3));
    assertThat(copy.operation()).isEqualTo("snom press");
    assertThat(request.toBuilder().body(new byte[] {9}).build()).isNotEqualTo(request);
    assertThat(request.toBuilder().operation("other").build()).isNotEqualTo(request);
    assertThat(request.toBuilder().header("X-More", "1").build()).isNotEqualTo(request);
    assertThat(request.toBuilder().timeout(Duration.ofSeconds(4)).build()).isNotEqualTo(request);
    assertThat(request).isNotEqualTo(PhoneRequest.get(PHONE)).isNotEqualTo("POST");
  }

  @Test
  void tlsIsSystemUnlessSetAndTakesPartInEquality() {
    PhoneRequest request = PhoneRequest.get(PHONE);
    TlsPolicy pin = TlsPolicy.pinned("sha256/" + "ab".repeat(32));
    PhoneRequest pinned = request.toBuilder().tls(pin).build();

    assertThat(request.tls()).isEqualTo(TlsPolicy.system());
    assertThat(pinned.tls()).isEqualTo(pin);
    assertThat(pinned.toBuilder().build()).isEqualTo(pinned).hasSameHashCodeAs(pinned);
    assertThat(pinned).isNotEqualTo(request);
    assertThatThrownBy(() -> request.toBuilder().tls(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("tls");
  }
}
