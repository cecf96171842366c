package dev.deskphone.unify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskphone.core.LedColour;
import dev.deskphone.core.LedState;
import dev.deskphone.core.PhoneHeaders;
import dev.deskphone.core.Turnled;
import dev.deskphone.core.TurnledResponse;
import dev.deskphone.core.server.EndpointRequest;
import dev.deskphone.core.server.EndpointResponse;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SendUrlEndpointTest {
  private static final String GOOD = "userid=MyUsername&password=MyPassword&symbn=Key1";
  private static final byte[] NO_BODY = new byte[0];
  private static final InetSocketAddress PEER = new InetSocketAddress("10.0.0.7", 40000);

  private final AtomicInteger calls = new AtomicInteger();

  private SendUrlEndpoint endpoint(SendUrlResponder responder) {
    return SendUrlEndpoint.builder()
        .credentials("MyUsername", "MyPassword")
        .responder(
            request -> {
              calls.incrementAndGet();
              return responder.respond(request);
            })
        .build();
  }

  private static SendUrlReply red(SendUrlRequest request) {
    return SendUrlReply.leds(
        TurnledResponse.of(
            Turnled.builder(request.symbolicName())
                .state(LedState.ON)
                .colour(LedColour.RED)
                .build()));
  }

  private static EndpointResponse get(SendUrlEndpoint e, String query) {
    return call(e, "GET", query, PhoneHeaders.empty(), NO_BODY);
  }

  /** The endpoint's answer to a request for {@code /}, with {@code query} unless it is null. */
  private static EndpointResponse call(
      SendUrlEndpoint e, String method, String query, PhoneHeaders headers, byte[] body) {
    return e.handle(
        EndpointRequest.of(method, query == null ? "/" : "/?" + query, headers, body, PEER));
  }

  private static String text(EndpointResponse r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  private static Optional<String> header(EndpointResponse r, String name) {
    return r.headers().firstValue(name);
  }

  @Test
  void answersTurnledXmlWithItsContentType() {
    EndpointResponse r = get(endpoint(SendUrlEndpointTest::red), GOOD);
    assertThat(r.status()).isEqualTo(200);
    assertThat(header(r, "Content-Type")).contains("text/xml; charset=UTF-8");
    assertThat(TurnledXml.read(r.body()).turnleds().get(0).colour()).contains(LedColour.RED);
  }

  @Test
  void answersAPostFormAlike() {
    EndpointResponse r =
        call(
            endpoint(SendUrlEndpointTest::red),
            "POST",
            null,
            PhoneHeaders.of("Content-Type", "application/x-www-form-urlencoded"),
            GOOD.getBytes(StandardCharsets.UTF_8));
    assertThat(r.status()).isEqualTo(200);
    assertThat(TurnledXml.read(r.body()).turnleds()).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "symbn=Key1",
        "userid=MyUsername&symbn=Key1",
        "password=MyPassword&symbn=Key1",
        "userid=MyUsername&password=wrong&symbn=Key1",
        "userid=someone&password=MyPassword&symbn=Key1",
        "userid=myusername&password=MyPassword&symbn=Key1",
        "userid=MyUsername&password=MyPassword2&symbn=Key1"
      })
  void missingOrWrongCredentialsGetTheSame403AndNeverReachTheHandler(String query) {
    SendUrlEndpoint e = endpoint(SendUrlEndpointTest::red);
    EndpointResponse r = get(e, query);
    assertThat(r.status()).isEqualTo(403);
    assertThat(text(r)).isEqualTo("forbidden\n");
    assertThat(calls).hasValue(0);
  }

  @Test
  void acknowledgeIsAnEmpty200ThatOnlyComesWhenAskedFor() {
    EndpointResponse r = get(endpoint(request -> SendUrlReply.acknowledge()), GOOD);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.bodyLength()).isZero();
    assertThat(header(r, "Content-Type")).contains("text/xml; charset=UTF-8");
  }

  @Test
  void aHandlerThatReturnsNullGets500NotAnAcknowledgement() {
    EndpointResponse r = get(endpoint(request -> null), GOOD);
    assertThat(r.status()).isEqualTo(500);
    assertThat(r.bodyLength()).isPositive();
  }

  @Test
  void aLedHandlerThatReturnsNullGets500Too() {
    SendUrlEndpoint e =
        SendUrlEndpoint.builder().withoutCredentials().handler(request -> null).build();
    assertThat(get(e, "symbn=K").status()).isEqualTo(500);
  }

  @Test
  void aHandlerThatThrowsGets500WithoutAStackTrace() {
    EndpointResponse r =
        get(
            endpoint(
                request -> {
                  throw new IllegalStateException("database password is hunter2");
                }),
            GOOD);
    assertThat(r.status()).isEqualTo(500);
    assertThat(text(r))
        .isEqualTo("the handler failed\n")
        .doesNotContain("hunter2")
        .doesNotContain("Exception");
  }

  @Test
  void anInterruptedHandlerGets503AndTheInterruptFlagIsKept() {
    EndpointResponse r =
        get(
            endpoint(
                request -> {
                  throw new InterruptedException();
                }),
            GOOD);
    boolean interrupted = Thread.interrupted(); // also clears it for the next test
    assertThat(r.status()).isEqualTo(503);
    assertThat(text(r)).isEqualTo("the handler was interrupted\n");
    assertThat(interrupted).isTrue();
  }

  @Test
  void thePathIsTheHostsBusinessAndIsNotRead() {
    EndpointResponse r =
        endpoint(SendUrlEndpointTest::red)
            .handle(
                EndpointRequest.of(
                    "GET", "/any/path/at/all?" + GOOD, PhoneHeaders.empty(), NO_BODY, PEER));
    assertThat(r.status()).isEqualTo(200);
    assertThat(TurnledXml.read(r.body()).turnleds().get(0).symbolicName()).isEqualTo("Key1");
  }

  @Test
  void routesBySymbolicNameAndAnswersUnknownKeysWith404() {
    SendUrlEndpoint e =
        SendUrlEndpoint.builder()
            .withoutCredentials()
            .responder(
                SendUrlRoutes.builder()
                    .route(
                        "Door",
                        request ->
                            TurnledResponse.of(
                                Turnled.builder("Door").state(LedState.FLASH).build()))
                    .acknowledge("Coffee")
                    .build())
            .build();
    assertThat(TurnledXml.read(get(e, "symbn=Door").body()).turnleds().get(0).state())
        .isEqualTo(LedState.FLASH);
    assertThat(get(e, "symbn=Coffee").bodyLength()).isZero();
    assertThat(get(e, "symbn=Coffee").status()).isEqualTo(200);
    assertThat(get(e, "symbn=Other").status()).isEqualTo(404);
  }

  @Test
  void malformedRequestsGet400AndNoHandlerCall() {
    SendUrlEndpoint e = endpoint(SendUrlEndpointTest::red);
    EndpointResponse r = get(e, GOOD + "&x=%zz");
    assertThat(r.status()).isEqualTo(400);
    assertThat(text(r)).contains("malformed percent-encoding");
    assertThat(get(e, "userid=MyUsername&password=MyPassword").status()).isEqualTo(400);
    assertThat(calls).hasValue(0);
  }

  @Test
  void aBadPasswordEncodingIsNeverEchoed() {
    EndpointResponse r = get(endpoint(SendUrlEndpointTest::red), "symbn=K&password=hunter%2");
    assertThat(r.status()).isEqualTo(400);
    assertThat(text(r)).doesNotContain("hunter");
  }

  @ParameterizedTest
  @ValueSource(strings = {"PUT", "DELETE", "HEAD", "OPTIONS", "get"})
  void otherMethodsGet405WithAllow(String method) {
    EndpointResponse r =
        call(endpoint(SendUrlEndpointTest::red), method, GOOD, PhoneHeaders.empty(), NO_BODY);
    assertThat(r.status()).isEqualTo(405);
    assertThat(header(r, "Allow")).contains("GET, POST");
  }

  @Test
  void aPostThatIsNotAFormGets415() {
    EndpointResponse r =
        call(
            endpoint(SendUrlEndpointTest::red),
            "POST",
            null,
            PhoneHeaders.of("Content-Type", "application/json"),
            "{}".getBytes(StandardCharsets.UTF_8));
    assertThat(r.status()).isEqualTo(415);
    assertThat(calls).hasValue(0);
  }

  @Test
  void aRequestCarryingAPushContextCompletesItsPendingPushOnce() throws Exception {
    PushCorrelation correlation = PushCorrelation.create(Duration.ofMinutes(1));
    SendUrlEndpoint e =
        SendUrlEndpoint.builder()
            .withoutCredentials()
            .responder(request -> SendUrlReply.acknowledge())
            .correlation(correlation)
            .build();
    PendingPush pending =
        correlation.attach(
            SendUrlKey.builder()
                .symbolicName("Key1")
                .server(java.net.URI.create("https://10.0.0.1/"))
                .build()
                .pushRequest());
    String value = pending.push().contextValue().orElseThrow();
    assertThat(pending.push().contextKey()).contains(PushCorrelation.CONTEXT_KEY);
    assertThat(value).matches("[0-9a-f]{32}");
    get(e, "symbn=Key1&" + PushCorrelation.CONTEXT_KEY + "=" + value);
    assertThat(pending.request().get(1, TimeUnit.SECONDS).symbolicName()).isEqualTo("Key1");
    assertThat(correlation.pendingCount()).isZero();
    assertThat(
            correlation.match(
                SendUrlRequest.parse("GET", "symbn=Key1&DeskphoneContext=" + value, NO_BODY)))
        .isFalse();
  }

  @Test
  void anUnmatchedPushContextExpires() {
    PushCorrelation correlation = PushCorrelation.create(Duration.ofMillis(50));
    PendingPush pending =
        correlation.attach(
            dev.deskphone.core.PushRequest.builder()
                .symbolicName("Key1")
                .server(java.net.URI.create("https://10.0.0.1/"))
                .build());
    assertThat(pending.request())
        .failsWithin(Duration.ofSeconds(5))
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .withCauseInstanceOf(TimeoutException.class);
    assertThat(correlation.pendingCount()).isZero();
  }

  @Test
  void credentialsAreRequiredUnlessWaived() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> SendUrlEndpoint.builder().handler(r -> null).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("withoutCredentials()");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> SendUrlEndpoint.builder().withoutCredentials().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("handler or responder is required");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                SendUrlEndpoint.builder()
                    .credentials("u", "p")
                    .withoutCredentials()
                    .handler(r -> null)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("credentials and withoutCredentials() exclude each other");
  }

  @Test
  void toStringNeverShowsThePassword() {
    assertThat(endpoint(SendUrlEndpointTest::red).toString())
        .contains("MyUsername")
        .doesNotContain("MyPassword");
  }
}
