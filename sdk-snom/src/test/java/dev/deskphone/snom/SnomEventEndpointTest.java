package dev.deskphone.snom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deskphone.core.PhoneHeaders;
import dev.deskphone.core.server.EndpointRequest;
import dev.deskphone.core.server.EndpointResponse;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The endpoint's answers and parsing, called directly; the wire tests run it on a server. */
class SnomEventEndpointTest {
  static final URI BASE = URI.create("http://pbx.example:8080/snom/events");
  static final InetSocketAddress PEER = new InetSocketAddress("10.0.0.5", 40000);
  static final String PHONE = "10.0.0.5";
  static final String SECRET = "2ogbVXsyn-ZdbUTWx0maAA"; // PHONE's under EventSecretsTest.KEY
  static final Map<String, String> CALL =
      Map.of(
          "$phone_ip", "10.0.0.5",
          "$mac", "000413A1B2C3",
          "$call-id", "3c2a@10.0.0.5",
          "$local", "101@pbx",
          "$remote", "sip:+4930123@pbx",
          "$display_remote", "Jürgen Müller",
          "$nr_ongoing_calls", "1");

  private final BlockingQueue<SnomEvent> received = new LinkedBlockingQueue<>();
  private final TestClock clock = new TestClock();
  private final TestLogs logs = TestLogs.mark();
  private SnomEventEndpoint endpoint;

  @BeforeEach
  void start() {
    endpoint =
        SnomEventEndpoint.builder()
            .key(EventSecretsTest.KEY)
            .clock(clock)
            .listener(received::add)
            .build();
  }

  @AfterEach
  void stop() {
    endpoint.close();
  }

  static EndpointRequest request(String method, String target) {
    return EndpointRequest.of(method, target, PhoneHeaders.empty(), new byte[0], PEER);
  }

  static EndpointRequest get(String target) {
    return request("GET", target);
  }

  private EndpointRequest fired(SnomEventType type, Map<String, String> values) {
    return get(FiringPhone.target(FiringPhone.fire(endpoint.actionUrl(PHONE, type, BASE), values)));
  }

  private SnomEvent next() throws InterruptedException {
    SnomEvent event = received.poll(10, TimeUnit.SECONDS);
    assertThat(event).as("an event within 10 s").isNotNull();
    return event;
  }

  private static String body(EndpointResponse r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  @Test
  void aFiredUrlIsAnsweredAtOnceWithAnEmpty200AndDeliveredTyped() throws Exception {
    EndpointResponse answer = endpoint.handle(fired(SnomEventType.INCOMING, CALL));
    SnomEvent event = next();

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.bodyLength()).isZero();
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("text/plain; charset=UTF-8");
    assertThat(event.phone()).isEqualTo(PHONE);
    assertThat(event.type()).hasValue(SnomEventType.INCOMING);
    assertThat(event.eventName()).isEqualTo("incoming");
    assertThat(event.callId()).hasValue("3c2a@10.0.0.5");
    assertThat(event.local()).hasValue("101@pbx");
    assertThat(event.remote()).hasValue("sip:+4930123@pbx");
    assertThat(event.displayRemote()).hasValue("Jürgen Müller");
    assertThat(event.ongoingCalls()).hasValue(1);
    assertThat(event.phoneIp()).hasValue("10.0.0.5");
    assertThat(event.mac()).hasValue("000413A1B2C3");
    assertThat(event.receivedAt()).isEqualTo(clock.instant());
    assertThat(event.peer()).isEqualTo(PEER);
    assertThat(event.parameters())
        .containsOnlyKeys("e", "p", "ip", "mac", "cid", "l", "r", "dr", "n")
        .doesNotContainKey("sig");
    assertThat(endpoint.counters().received()).isEqualTo(1);
  }

  @Test
  void aRawPlusInANumberStaysAPlus() throws Exception {
    String url = endpoint.actionUrl(PHONE, SnomEventType.CONNECTED, BASE);

    endpoint.handle(
        get(FiringPhone.target(FiringPhone.fireRaw(url, Map.of("$remote", "+4930123")))));

    assertThat(next().remote()).hasValue("+4930123");
  }

  @Test
  void unreplacedTokensAndEmptyValuesAreAbsentNeverTheirText() throws Exception {
    String url = endpoint.actionUrl(PHONE, SnomEventType.DISCONNECTED, BASE);
    String target =
        FiringPhone.target(
                FiringPhone.fireRaw(url, Map.of("$call-id", "", "$local", "", "$phone_ip", "")))
            .replace("$display_remote", "%24display_remote")
            .replace("r=$remote", "r=%24remote");

    endpoint.handle(get(target));
    SnomEvent event = next();

    assertThat(event.remote()).isEmpty();
    assertThat(event.displayRemote()).isEmpty();
    assertThat(event.callId()).isEmpty();
    assertThat(event.local()).isEmpty();
    assertThat(event.phoneIp()).isEmpty();
    assertThat(event.mac()).isEmpty();
    assertThat(event.ongoingCalls()).isEmpty();
    assertThat(event.parameters()).containsOnlyKeys("e", "p");
    assertThat(event.parameters().values()).noneMatch(v -> v.contains("$"));
  }

  @Test
  void aCountThatIsNotANumberIsAbsentButKeptInTheParameters() throws Exception {
    endpoint.handle(fired(SnomEventType.CONNECTED, Map.of("$nr_ongoing_calls", "two")));

    SnomEvent event = next();
    assertThat(event.ongoingCalls()).isEmpty();
    assertThat(event.parameters()).containsEntry("n", "two");
  }

  @Test
  void eventSpecificVariablesAreKeptUnderTheirParameterNames() throws Exception {
    endpoint.handle(fired(SnomEventType.DISCONNECTED, Map.of("$cancel_reason", "busy here")));
    endpoint.handle(fired(SnomEventType.LONGPRESS, Map.of("$longpress_key", "P3")));
    endpoint.handle(fired(SnomEventType.REG_FAILED, Map.of("$active_user", "101")));

    assertThat(next().parameters()).containsEntry("cr", "busy here");
    assertThat(next().parameters()).containsEntry("k", "P3");
    assertThat(next().parameters()).containsEntry("u", "101");
  }

  @Test
  void anUnknownEventAndExtraParametersAreKept() throws Exception {
    String target =
        "/x?e=firmware-update&p=" + PHONE + "&sig=" + SECRET + "&fw=10.1.2&zz=%E2%82%AC";

    assertThat(endpoint.handle(get(target)).status()).isEqualTo(200);
    SnomEvent event = next();

    assertThat(event.type()).isEmpty();
    assertThat(event.eventName()).isEqualTo("firmware-update");
    assertThat(event.parameters())
        .containsExactly(
            Map.entry("e", "firmware-update"),
            Map.entry("p", PHONE),
            Map.entry("fw", "10.1.2"),
            Map.entry("zz", "€"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "e=incoming&p=10.0.0.5", // no secret
        "e=incoming&p=10.0.0.5&sig=", // empty secret
        "e=incoming&p=10.0.0.5&sig=2ogbVXsyn-ZdbUTWx0maAB", // wrong secret
        "e=incoming&p=phone-2&sig=2ogbVXsyn-ZdbUTWx0maAA", // another phone's secret
        "e=incoming&sig=2ogbVXsyn-ZdbUTWx0maAA", // no phone
        "e=incoming&p=10.0.0.5%2F&sig=2ogbVXsyn-ZdbUTWx0maAA", // not a phone id
        "e=incoming&p=&sig=2ogbVXsyn-ZdbUTWx0maAA", // empty phone id
        "" // nothing
      })
  void forgedEventsAre403NeverDeliveredAndCounted(String query) {
    EndpointResponse answer = endpoint.handle(get("/snom/events?" + query));
    endpoint.handle(fired(SnomEventType.ONHOOK, Map.of())); // a real one after it

    assertThat(answer.status()).isEqualTo(403);
    assertThat(body(answer)).isEqualTo("forbidden\n");
    assertThat(endpoint.counters().forged()).isEqualTo(1);
    assertThat(endpoint.counters().received()).isEqualTo(1);
  }

  @Test
  void onlyTheRealEventArrivesAfterForgedOnes() throws Exception {
    endpoint.handle(get("/?e=incoming&p=phone-2&sig=" + SECRET));
    endpoint.handle(get("/?e=incoming&p=" + PHONE));
    endpoint.handle(fired(SnomEventType.ONHOOK, Map.of()));

    assertThat(next().type()).hasValue(SnomEventType.ONHOOK);
    assertThat(received.poll(50, TimeUnit.MILLISECONDS)).isNull();
    assertThat(endpoint.counters().forged()).isEqualTo(2);
  }

  @Test
  void forgedRequestsAreLoggedOncePerIntervalWithTheirCountAndNeverTheSecret() {
    for (int i = 0; i < 50; i++) {
      endpoint.handle(get("/?e=incoming&p=phone-2&sig=" + SECRET));
    }
    clock.advance(Duration.ofSeconds(10));
    endpoint.handle(get("/?e=incoming&p=phone-2&sig=" + SECRET));

    List<String> lines = logs.endpoint("forged");
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0))
        .contains("refused 1 forged event(s) in the last 10 s")
        .contains("wrong secret for phone phone-2 from 10.0.0.5");
    assertThat(lines.get(1)).contains("refused 50 forged event(s) in the last 10 s");
    assertThat(logs.entries()).noneMatch(l -> l.contains(SECRET));
    assertThat(endpoint.counters().forged()).isEqualTo(51);
  }

  @ParameterizedTest
  @ValueSource(strings = {"POST", "HEAD", "PUT", "DELETE", "OPTIONS"})
  void anyMethodButGetIs405WithAllowGet(String method) {
    EndpointResponse answer =
        endpoint.handle(
            request(
                method,
                FiringPhone.target(endpoint.actionUrl(PHONE, SnomEventType.INCOMING, BASE))));

    assertThat(answer.status()).isEqualTo(405);
    assertThat(answer.headers().firstValue("Allow")).hasValue("GET");
    assertThat(endpoint.counters().received()).isZero();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "e=incoming&e=connected&p=10.0.0.5&sig=2ogbVXsyn-ZdbUTWx0maAA",
        "e=incoming&p=10.0.0.5&sig=2ogbVXsyn-ZdbUTWx0maAA&sig=2ogbVXsyn-ZdbUTWx0maAA",
        "e=incoming&p=10.0.0.5&sig=2ogbVXsyn-ZdbUTWx0maAA&r=%zz",
        "e=incoming&p=10.0.0.5&sig=2ogbVXsyn-ZdbUTWx0maAA&dr=%",
        "p=10.0.0.5&sig=2ogbVXsyn-ZdbUTWx0maAA", // no event
        "e=&p=10.0.0.5&sig=2ogbVXsyn-ZdbUTWx0maAA",
      })
  void malformedRequestsAre400CountedAndShowNoSecret(String query) {
    EndpointResponse answer = endpoint.handle(get("/?" + query));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(body(answer)).startsWith("not a snom event: ").doesNotContain(SECRET);
    assertThat(endpoint.counters().malformed()).isEqualTo(1);
    assertThat(endpoint.counters().received()).isZero();
    assertThat(logs.entries()).noneMatch(l -> l.contains(SECRET));
  }

  @Test
  void anOversizedQueryIs400() {
    String target = "/?e=incoming&p=" + PHONE + "&sig=" + SECRET + "&x=" + "a".repeat(5000);

    assertThat(endpoint.handle(get(target)).status()).isEqualTo(400);
  }

  @Test
  void afterCloseRequestsAre503AndNothingIsDelivered() throws Exception {
    endpoint.close();

    assertThat(endpoint.handle(fired(SnomEventType.INCOMING, CALL)).status()).isEqualTo(503);
    assertThat(received.poll(50, TimeUnit.MILLISECONDS)).isNull();
    assertThat(endpoint.toString()).endsWith(", closed]");
  }

  @Test
  void theReplySeamAnswersAVerifiedEvent() {
    EndpointResponse page =
        EndpointResponse.of(
            200,
            PhoneHeaders.of("Content-Type", "text/xml"),
            "<SnomIPPhoneText/>".getBytes(StandardCharsets.UTF_8));
    try (SnomEventEndpoint withReply =
        SnomEventEndpoint.builder()
            .key(EventSecretsTest.KEY)
            .listener(e -> {})
            .reply(e -> page)
            .build()) {
      EndpointResponse answer = withReply.handle(fired(SnomEventType.INCOMING, CALL));

      assertThat(answer).isSameAs(page);
      assertThat(withReply.handle(get("/?e=incoming&p=" + PHONE)).status()).isEqualTo(403);
    }
  }

  @Test
  void aScreenAnswersVerifiedEventsWithItsDocumentAndOthersWithTheEmpty200() {
    MinibrowserText caller =
        MinibrowserText.builder().title("Incoming call").text("Jürgen & Co").build();
    try (SnomEventEndpoint withScreen =
        SnomEventEndpoint.builder()
            .key(EventSecretsTest.KEY)
            .screen(
                e ->
                    switch (e.type().orElseThrow()) {
                      case INCOMING -> java.util.Optional.of(caller);
                      case CONNECTED -> throw new IllegalStateException("Jürgen Müller");
                      default -> java.util.Optional.empty();
                    })
            .build()) {
      EndpointResponse incoming = withScreen.handle(fired(SnomEventType.INCOMING, CALL));
      EndpointResponse connected = withScreen.handle(fired(SnomEventType.CONNECTED, CALL));
      EndpointResponse missed = withScreen.handle(fired(SnomEventType.MISSED, CALL));

      assertThat(incoming.status()).isEqualTo(200);
      assertThat(incoming.headers().firstValue("Content-Type"))
          .hasValue(MinibrowserDocument.CONTENT_TYPE);
      assertThat(MinibrowserDocument.read(incoming.body())).isEqualTo(caller);
      assertThat(connected.status()).isEqualTo(200);
      assertThat(connected.bodyLength()).isZero();
      assertThat(missed.bodyLength()).isZero();
      assertThat(withScreen.handle(get("/?e=incoming&p=" + PHONE)).status()).isEqualTo(403);
      assertThat(String.join("\n", logs.entries()))
          .contains("the screen for a connected event failed")
          .doesNotContain("Jürgen");
    }
  }

  @Test
  void anEndpointNeedsAListenerOrAScreen() {
    assertThatThrownBy(() -> SnomEventEndpoint.builder().key(EventSecretsTest.KEY).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("listener(...) or screen(...)");
  }

  @Test
  void theSecretAndKeyAppearInNoTextTheEndpointMakes() throws Exception {
    List<String> texts = new ArrayList<>();
    endpoint.handle(fired(SnomEventType.INCOMING, CALL));
    texts.add(next().toString());
    texts.add(next0Parameters());
    texts.add(endpoint.toString());
    texts.add(endpoint.counters().toString());
    for (String q :
        List.of(
            "e=x&p=phone-2&sig=" + SECRET,
            "e=x&p=" + PHONE + "&sig=" + SECRET + "&sig=" + SECRET,
            "e=x&p=" + PHONE + "&sig=" + SECRET + "&r=%z")) {
      texts.add(body(endpoint.handle(get("/?" + q))));
    }
    texts.addAll(logs.entries());

    assertThat(texts).noneMatch(t -> t.contains(SECRET));
    assertThat(texts).noneMatch(t -> t.contains("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8"));
  }

  private String next0Parameters() throws InterruptedException {
    endpoint.handle(fired(SnomEventType.CONNECTED, CALL));
    return next().parameters().toString();
  }

  @Test
  void aBuilderWithoutAListenerIsRefused() {
    assertThatThrownBy(() -> SnomEventEndpoint.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("listener");
    assertThatThrownBy(() -> SnomEventEndpoint.builder().dispatchThreads(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SnomEventEndpoint.builder().maxPendingEvents(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SnomEventEndpoint.builder().logInterval(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
