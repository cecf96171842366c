package dev.deskphone.servlet;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deskphone.snom.SnomEvent;
import dev.deskphone.snom.SnomEventEndpoint;
import dev.deskphone.snom.SnomEventType;
import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The snom event endpoint behind a host, unchanged, as a phone fires its action URLs: the URL the
 * endpoint made for the host's public URI, with the variables replaced as a phone does, over raw
 * HTTP. A subclass names the host.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SnomEventHostingSuite {
  private final BlockingQueue<SnomEvent> received = new LinkedBlockingQueue<>();
  private SnomEventEndpoint events;
  private EndpointHost.Hosted hosted;

  /** The host under test. */
  abstract EndpointHost host();

  @BeforeAll
  final void startHost() throws Exception {
    events = SnomEventEndpoint.builder().listener(received::add).build();
    hosted = host().start(events);
  }

  @AfterAll
  final void stopHost() {
    if (hosted != null) {
      hosted.close();
    }
    if (events != null) {
      events.close();
    }
  }

  @BeforeEach
  final void forget() {
    received.clear();
  }

  private String url(String phone, SnomEventType type) {
    return events.actionUrl(phone, type, hosted.uri());
  }

  private RawExchange.Answer send(String method, String url) throws Exception {
    URI uri = hosted.uri();
    String target = url.substring(url.indexOf(uri.getRawPath()));
    return RawExchange.byLength(
        uri,
        method
            + " "
            + target
            + " HTTP/1.1\r\nHost: "
            + uri.getAuthority()
            + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
        new byte[0]);
  }

  @Test
  void aFiredActionUrlIsAnEmpty200AndDeliversTheTypedEvent() throws Exception {
    String fired =
        url("10.0.0.5", SnomEventType.INCOMING)
            .replace("$remote", "sip:+4930123@pbx")
            .replace("$display_remote", "J%C3%BCrgen%20M%C3%BCller")
            .replace("$nr_ongoing_calls", "1");

    RawExchange.Answer answer = send("GET", fired);
    SnomEvent event = received.poll(10, TimeUnit.SECONDS);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).isEmpty();
    assertThat(event).isNotNull();
    assertThat(event.phone()).isEqualTo("10.0.0.5");
    assertThat(event.type()).hasValue(SnomEventType.INCOMING);
    assertThat(event.remote()).hasValue("sip:+4930123@pbx");
    assertThat(event.displayRemote()).hasValue("Jürgen Müller");
    assertThat(event.ongoingCalls()).hasValue(1);
    assertThat(event.callId()).as("left unreplaced").isEmpty();
  }

  @Test
  void forgedEventsAre403AndAPostIs405AndNoneIsDelivered() throws Exception {
    String good = url("10.0.0.5", SnomEventType.CONNECTED);
    String stolen = url("10.0.0.6", SnomEventType.CONNECTED).replace("p=10.0.0.6", "p=10.0.0.5");

    RawExchange.Answer forged = send("GET", stolen);
    RawExchange.Answer post = send("POST", good);

    assertThat(forged.status()).isEqualTo(403);
    assertThat(new String(forged.body(), UTF_8)).isEqualTo("forbidden\n");
    assertThat(post.status()).isEqualTo(405);
    assertThat(post.values("Allow")).containsExactly("GET");
    assertThat(received.poll(50, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void aRepeatedParameterIs400() throws Exception {
    RawExchange.Answer answer = send("GET", url("10.0.0.5", SnomEventType.ONHOOK) + "&e=offhook");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(received.poll(50, TimeUnit.MILLISECONDS)).isNull();
  }
}
