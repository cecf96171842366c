package dev.deskphone.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskphone.core.JdkHttpTransport;
import dev.deskphone.core.PhoneHeaders;
import dev.deskphone.core.PhoneRequest;
import dev.deskphone.core.PhoneTransport;
import dev.deskphone.core.server.EndpointRequest;
import dev.deskphone.core.server.EndpointServer;
import dev.deskphone.snom.SnomEvent;
import dev.deskphone.snom.SnomEventEndpoint;
import dev.deskphone.snom.SnomEventType;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile and broken clients against EndpointServer hosting a SnomEventEndpoint: always a 4xx or a
 * close, never a 5xx, a stack trace or the secret, no event delivered, and real phones' events keep
 * arriving throughout; and a flood with a slow listener stays within the backlog.
 */
class SnomEventHostileClientsTest {
  private static final int DRIBBLERS = 300;
  private static final String PHONE = "10.0.0.5";

  private final BlockingQueue<SnomEvent> delivered = new LinkedBlockingQueue<>();
  private final PhoneTransport transport =
      JdkHttpTransport.builder().timeout(Duration.ofSeconds(10)).build();
  private SnomEventEndpoint events;
  private EndpointServer server;
  private String url;
  private String secret;

  @BeforeEach
  void start() {
    events = SnomEventEndpoint.builder().listener(delivered::add).build();
    server =
        EndpointServer.builder()
            .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
            .endpoint("/snom/events", events)
            .readTimeout(Duration.ofSeconds(30))
            .start();
    url = events.actionUrl(PHONE, SnomEventType.INCOMING, server.uri("/snom/events"));
    int at = url.indexOf("&sig=") + 5;
    secret = url.substring(at, url.indexOf('&', at));
  }

  @AfterEach
  void stop() {
    server.close();
    events.close();
    transport.close();
  }

  /** A real phone's event: answered 200 and delivered. */
  private void realPhone() throws InterruptedException {
    String fired = url.replace("$remote", "102%40pbx");
    assertThat(transport.sendAndWait(PhoneRequest.get(URI.create(fired))).status()).isEqualTo(200);
    SnomEvent event = delivered.poll(10, TimeUnit.SECONDS);
    assertThat(event).isNotNull();
    assertThat(event.remote()).hasValue("102@pbx");
  }

  @Test
  void hundredsOfSlowClientsDribblingHeadersDoNotStarveARealPhone() throws Exception {
    try (AutoCloseable slow =
        RawWire.dribblers(
            server.address().getPort(),
            DRIBBLERS,
            "GET /snom/events?e=incoming HTTP/1.1\r\nX-Slow: ")) {
      for (int i = 0; i < 5; i++) {
        realPhone();
      }
    }
    assertThat(events.counters().received()).isEqualTo(5);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "GET /snom/events?e=incoming&x=%s HTTP/1.1\r\nHost: x\r\n\r\n", // huge line (filled in)
        "GET TARGET HTTP/1.1\r\nHost: x\r\nX-Big: %s\r\n\r\n", // huge header
        "GET TARGET&pad=%s HTTP/1.1\r\nHost: x\r\n\r\n", // a query over the endpoint's limit
        "GET TARGET&r=%%zz HTTP/1.1\r\nHost: x\r\n\r\n%s",
        "GET TARGET&sig=SECRET HTTP/1.1\r\nHost: x\r\n\r\n%s",
        "GET TARGET&e=connected HTTP/1.1\r\nHost: x\r\n\r\n%s",
        "GET /snom/events?e=incoming&p=10.0.0.5 HTTP/1.1\r\nHost: x\r\n\r\n%s", // no secret
        "GET /snom/events?e=incoming&p=10.0.0.6&sig=SECRET HTTP/1.1\r\nHost: x\r\n\r\n%s",
        "GET /snom/events?p=10.0.0.5&sig=SECRET HTTP/1.1\r\nHost: x\r\n\r\n%s", // no event
        "GET TARGET HTTP/1.1\r\n\r\n%s", // no Host
        "GET TARGET HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n%s",
        "POST TARGET HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\na=1%s",
        "PUT TARGET HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n%s",
        "HEAD TARGET HTTP/1.1\r\nHost: x\r\n\r\n%s",
        "GET TARGET HTTP/1.1\r\nHost: x\r\nX-Ctl: a\u0001b\u0000c\r\n\r\n%s",
        "GET TARGET\r\n\r\n%s",
        "\u0016\u0003\u0001\u0000\u00a5\u0001%s",
        "POST TARGET HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999\r\n\r\n%s",
        "POST TARGET HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\n%s",
      })
  void aBrokenOrForgedRequestGetsA4xxOrACloseAndNoEvent(String template) throws Exception {
    int bigLength =
        template.contains("&x=") || template.contains("X-Big")
            ? 100_000
            : template.contains("&pad=") ? 5_000 : 0;
    String target = url.substring(url.indexOf("/snom/events"));
    String request =
        String.format(
            template.replace("TARGET", target).replace("SECRET", secret), "x".repeat(bigLength));

    String answer = RawWire.head(server.address().getPort(), request);

    if (!answer.isEmpty()) {
      String status = answer.substring(0, Math.min(12, answer.length()));
      assertThat(status).as(answer).matches("HTTP/1\\.1 4\\d\\d");
      assertThat(answer).doesNotContain("\tat ", secret);
    }
    assertThat(delivered.poll(50, TimeUnit.MILLISECONDS)).as("no event").isNull();
    assertThat(events.counters().received()).isZero();
    realPhone();
  }

  @Test
  void aFloodOf100000EventsWithASlowListenerStaysWithinTheBacklog() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (SnomEventEndpoint flooded =
        SnomEventEndpoint.builder()
            .dispatchThreads(1)
            .listener(
                e -> {
                  entered.countDown();
                  try {
                    release.await();
                  } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                  }
                })
            .build()) {
      String target =
          flooded
              .actionUrl(PHONE, SnomEventType.INCOMING, URI.create("http://127.0.0.1/e"))
              .substring("http://127.0.0.1".length());
      send(flooded, target);
      assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
      int maxPending = 0;
      for (int i = 0; i < 100_000; i++) {
        assertThat(send(flooded, target + "&i=" + i)).isEqualTo(200);
        maxPending = Math.max(maxPending, flooded.counters().pending());
      }

      assertThat(maxPending).isEqualTo(10_000);
      assertThat(flooded.counters().dropped()).isEqualTo(90_000);
      release.countDown();
    }
  }

  private static int send(SnomEventEndpoint endpoint, String target) {
    return endpoint
        .handle(
            EndpointRequest.of(
                "GET",
                target,
                PhoneHeaders.empty(),
                new byte[0],
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 40000)))
        .status();
  }
}
