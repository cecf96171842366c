package dev.deskphone.servlet;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deskphone.core.LedColour;
import dev.deskphone.core.LedState;
import dev.deskphone.core.Turnled;
import dev.deskphone.core.TurnledResponse;
import dev.deskphone.unify.SendUrlEndpoint;
import dev.deskphone.unify.SendUrlReply;
import dev.deskphone.unify.SendUrlRequest;
import dev.deskphone.unify.SendUrlRoutes;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Send URL endpoint behind a host, as a Unify phone's key reaches it: the same requests and the
 * same answers, byte for byte, whatever serves it. Requests are written as the phone writes them
 * (raw HTTP: the vendor's parameter order, GET query or POST form) and answers read off the wire. A
 * subclass names the host.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SendUrlHostingSuite {
  private static final String XML =
      "<Batch>\n  <Capabilities_Req TYPE=\"ALL_OF\">\n"
          + "    <Capability NAME=\"XML_LED_STATE_CONTROL\"/>\n";

  private final List<SendUrlRequest> handled = new CopyOnWriteArrayList<>();
  private EndpointHost.Hosted hosted;

  /** The host under test. */
  abstract EndpointHost host();

  @BeforeAll
  final void startHost() throws Exception {
    SendUrlRoutes routes =
        SendUrlRoutes.builder()
            .route(
                "Door",
                request -> {
                  handled.add(request);
                  return TurnledResponse.of(
                      Turnled.builder("Door")
                          .state(LedState.FLASH)
                          .colour(LedColour.RED)
                          .label("T\u00fcr \"auf\" & <zu>")
                          .build());
                })
            .respond("Bell", request -> SendUrlReply.acknowledge())
            .route(
                "Broken",
                request -> {
                  throw new IllegalStateException("Sentinel-broken-handler");
                })
            .build();
    SendUrlEndpoint endpoint =
        SendUrlEndpoint.builder()
            .credentials("MyUsername", "Sentinel-P\u00e4ss")
            .responder(routes)
            .build();
    hosted = host().start(endpoint);
  }

  @AfterAll
  final void stopHost() {
    if (hosted != null) {
      hosted.close();
    }
  }

  @BeforeEach
  final void forget() {
    handled.clear();
  }

  private static String query(String password, String symbn) {
    return "userid=MyUsername&password="
        + password
        + "&id=1&item=2&ipaddress=10.0.0.7&phonenumber=%2B4930123456&devicetype=OpenStage&symbn="
        + symbn;
  }

  private RawExchange.Answer get(String query) throws Exception {
    URI uri = hosted.uri();
    return RawExchange.byLength(
        uri,
        "GET "
            + uri.getRawPath()
            + "?"
            + query
            + " HTTP/1.1\r\nHost: "
            + uri.getAuthority()
            + "\r\nConnection: close\r\n\r\n",
        new byte[0]);
  }

  private RawExchange.Answer post(String contentType, String form) throws Exception {
    URI uri = hosted.uri();
    byte[] body = form.getBytes(UTF_8);
    return RawExchange.byLength(
        uri,
        "POST "
            + uri.getRawPath()
            + " HTTP/1.1\r\nHost: "
            + uri.getAuthority()
            + "\r\nContent-Type: "
            + contentType
            + "\r\nContent-Length: "
            + body.length
            + "\r\nConnection: close\r\n\r\n",
        body);
  }

  @Test
  void aKeyPressByGetIsAnsweredWithItsLedsAsEscapedXml() throws Exception {
    RawExchange.Answer answer = get(query("Sentinel-P%C3%A4ss", "Door"));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.values("Content-Type"))
        .singleElement()
        .extracting(EndpointHostingSuite::mediaType)
        .isEqualTo("text/xml;charset=utf-8");
    assertThat(answer.values("Content-Length"))
        .containsExactly(String.valueOf(answer.body().length));
    assertThat(new String(answer.body(), UTF_8))
        .startsWith(XML)
        .contains(
            "<Turnled ID=\"Door\" WAKE=\"FALSE\" STATE=\"FLASH\" COLOUR=\"RED\""
                + " LABEL=\"T\u00fcr &quot;auf&quot; &amp; &lt;zu&gt;\"/>");
    assertThat(handled)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.method()).isEqualTo("GET");
              assertThat(r.phoneNumber()).contains("+4930123456");
              assertThat(r.ipAddress()).contains("10.0.0.7");
              assertThat(r.parameters())
                  .containsExactly(Map.entry("id", "1"), Map.entry("item", "2"));
            });
  }

  @Test
  void aKeyPressByPostFormIsAnsweredTheSame() throws Exception {
    RawExchange.Answer answer =
        post("application/x-www-form-urlencoded", query("Sentinel-P%C3%A4ss", "Door"));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(new String(answer.body(), UTF_8)).startsWith(XML).contains("ID=\"Door\"");
    assertThat(handled).singleElement().extracting(SendUrlRequest::method).isEqualTo("POST");
  }

  @Test
  void aWrongOrMissingPasswordIsForbiddenAndTheHandlerIsNotCalled() throws Exception {
    RawExchange.Answer wrong = get(query("nope", "Door"));
    RawExchange.Answer missing =
        get("userid=MyUsername&ipaddress=10.0.0.7&devicetype=OpenStage&symbn=Door");

    assertThat(wrong.status()).isEqualTo(403);
    assertThat(missing.status()).isEqualTo(403);
    assertThat(new String(wrong.body(), UTF_8)).doesNotContain("Sentinel");
    assertThat(handled).isEmpty();
  }

  @Test
  void theAcknowledgementIsAnEmpty200AndAnUnknownKeyA404() throws Exception {
    RawExchange.Answer bell = get(query("Sentinel-P%C3%A4ss", "Bell"));
    RawExchange.Answer unknown = get(query("Sentinel-P%C3%A4ss", "Garage"));

    assertThat(bell.status()).isEqualTo(200);
    assertThat(bell.body()).isEmpty();
    assertThat(bell.values("Content-Length")).containsExactly("0");
    assertThat(unknown.status()).isEqualTo(404);
  }

  @Test
  void aFailingHandlerIs500WithoutItsMessage() throws Exception {
    RawExchange.Answer answer = get(query("Sentinel-P%C3%A4ss", "Broken"));

    assertThat(answer.status()).isEqualTo(500);
    assertThat(new String(answer.body(), UTF_8)).doesNotContain("Sentinel");
  }

  @Test
  void malformedRequestsAreRefusedAsTheEndpointSays() throws Exception {
    assertThat(get(query("Sentinel-P%C3%A4ss", "Door") + "&symbn=Door").status())
        .as("a repeated documented parameter")
        .isEqualTo(400);
    assertThat(get("userid=MyUsername&password=%zz&symbn=Door").status())
        .as("bad percent-encoding")
        .isEqualTo(400);
    assertThat(post("text/plain", query("Sentinel-P%C3%A4ss", "Door")).status())
        .as("a POST that is not a form")
        .isEqualTo(415);
    assertThat(handled).isEmpty();
  }
}
