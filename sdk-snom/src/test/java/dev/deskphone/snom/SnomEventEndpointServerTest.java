package dev.deskphone.snom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskphone.core.JdkHttpTransport;
import dev.deskphone.core.PhoneRequest;
import dev.deskphone.core.PhoneResponse;
import dev.deskphone.core.PhoneTransport;
import dev.deskphone.core.server.EndpointServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The endpoint on the SDK's own server over loopback, as phones reach it. */
class SnomEventEndpointServerTest {
  private final BlockingQueue<SnomEvent> received = new LinkedBlockingQueue<>();
  private final PhoneTransport transport =
      JdkHttpTransport.builder().timeout(Duration.ofSeconds(10)).build();
  private SnomEventEndpoint events;
  private EndpointServer server;
  private Map<String, String> settings;
  private final TestLogs logs = TestLogs.mark();

  @BeforeEach
  void start(@TempDir Path dir) throws IOException {
    Path keyFile = dir.resolve("events.key");
    SnomEventEndpoint.createKeyFile(keyFile);
    // README:snom-events
    SnomEventEndpoint events =
        SnomEventEndpoint.builder()
            .keyFile(keyFile) // made once by SnomEventEndpoint.createKeyFile(keyFile)
            .listener(received::add) // called on the endpoint's threads, in order per phone
            .build();
    EndpointServer server =
        EndpointServer.builder()
            .bind(new InetSocketAddress("127.0.0.1", 0)) // 0.0.0.0:8080 to serve real phones
            .endpoint("/snom/events", events)
            .start();
    Map<String, String> settings =
        events.actionUrls(
            "10.0.0.5", // the phone's id: its host, or a name of yours
            EnumSet.of(SnomEventType.INCOMING, SnomEventType.CONNECTED, SnomEventType.DISCONNECTED),
            server.uri("/snom/events")); // where the phones reach the server (NAT, proxy)
    // action_incoming_url=http://127.0.0.1:PORT/snom/events?e=incoming&p=10.0.0.5&sig=...
    // README:end
    this.events = events;
    this.server = server;
    this.settings = settings;
  }

  @AfterEach
  void stop() {
    server.close();
    events.close(); // the server does not close its endpoints
    transport.close();
  }

  private PhoneResponse get(String url) {
    return transport.sendAndWait(PhoneRequest.get(URI.create(url)));
  }

  private SnomEvent next() throws InterruptedException {
    SnomEvent event = received.poll(10, TimeUnit.SECONDS);
    assertThat(event).as("an event within 10 s").isNotNull();
    return event;
  }

  private String secret() {
    String url = settings.get("action_incoming_url");
    int at = url.indexOf("&sig=") + 5;
    return url.substring(at, url.indexOf('&', at));
  }

  @Test
  void aPhoneFiringItsConfiguredUrlDeliversTheTypedEvent() throws Exception {
    String url = FiringPhone.fire(settings.get("action_incoming_url"), SnomEventEndpointTest.CALL);

    PhoneResponse answer = get(url);
    SnomEvent event = next();

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).isEmpty();
    assertThat(settings.keySet())
        .containsExactly("action_incoming_url", "action_connected_url", "action_disconnected_url");
    assertThat(event.phone()).isEqualTo("10.0.0.5");
    assertThat(event.type()).hasValue(SnomEventType.INCOMING);
    assertThat(event.remote()).hasValue("sip:+4930123@pbx");
    assertThat(event.displayRemote()).hasValue("Jürgen Müller");
    assertThat(event.peer().getAddress().isLoopbackAddress()).isTrue();
  }

  @Test
  void forgedEventsAre403OnTheWireAndTheAccessLogMasksTheSecret() throws Exception {
    String good = settings.get("action_connected_url");
    String otherPhones =
        events.actionUrl("10.0.0.6", SnomEventType.CONNECTED, server.uri("/snom/events"));
    String stolen = otherPhones.replace("p=10.0.0.6", "p=10.0.0.5");

    assertThat(get(good.replace("&sig=" + secret(), "")).status()).isEqualTo(403);
    assertThat(get(good.replace("&sig=" + secret(), "&sig=AAAAAAAAAAAAAAAAAAAAAA")).status())
        .isEqualTo(403);
    assertThat(get(stolen).status()).isEqualTo(403);
    assertThat(get(good).status()).isEqualTo(200);

    assertThat(next().type()).hasValue(SnomEventType.CONNECTED);
    assertThat(received.poll(50, TimeUnit.MILLISECONDS)).isNull();
    assertThat(events.counters().forged()).isEqualTo(3);
    assertThat(logs.entries())
        .filteredOn(l -> l.contains("dev.deskphone.server.access"))
        .hasSize(4)
        .allMatch(l -> !l.contains("sig=") || l.contains("sig=***"));
    assertThat(logs.entries()).noneMatch(l -> l.contains(secret()));
  }

  @Test
  void aPostIs405WithAllowGet() {
    PhoneResponse answer =
        transport.sendAndWait(
            PhoneRequest.builder("POST", URI.create(settings.get("action_incoming_url")))
                .body("x=1".getBytes(StandardCharsets.US_ASCII))
                .build());

    assertThat(answer.status()).isEqualTo(405);
    assertThat(answer.headers().firstValue("Allow")).hasValue("GET");
    assertThat(events.counters().received()).isZero();
  }

  @Test
  void aRawHttp10RequestWithUnreplacedTokensGetsAnEmpty200AndAbsentValues() throws Exception {
    String target = FiringPhone.target(settings.get("action_disconnected_url"));

    String answer = raw("GET " + target + " HTTP/1.0\r\n\r\n");
    SnomEvent event = next();

    assertThat(answer).startsWith("HTTP/1.1 200 ").contains("Content-Length: 0\r\n");
    assertThat(event.type()).hasValue(SnomEventType.DISCONNECTED);
    assertThat(event.remote()).isEmpty();
    assertThat(event.callId()).isEmpty();
    assertThat(event.parameters()).containsOnlyKeys("e", "p");
  }

  @Test
  void theSameEndpointServesBelowAPrefixPath() throws Exception {
    try (SnomEventEndpoint below = SnomEventEndpoint.builder().listener(received::add).build();
        EndpointServer prefixed =
            EndpointServer.builder()
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .endpoint("/events/*", below)
                .start()) {
      URI base = prefixed.uri("/events/*").resolve("snom/desk-7");
      String url = below.actionUrl("desk-7", SnomEventType.OFFHOOK, base);

      assertThat(url).startsWith(prefixed.uri() + "events/snom/desk-7?e=offhook&p=desk-7&");
      assertThat(get(url).status()).isEqualTo(200);
      assertThat(next().phone()).isEqualTo("desk-7");
    }
  }

  /** Writes a request on a new connection and reads the answer until the server closes. */
  private String raw(String request) throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.address().getPort())) {
      s.setSoTimeout(10_000);
      s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }
}
