package dev.deskphone.unify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deskphone.core.JdkHttpTransport;
import dev.deskphone.core.LedColour;
import dev.deskphone.core.LedState;
import dev.deskphone.core.PhoneRequest;
import dev.deskphone.core.PhoneResponse;
import dev.deskphone.core.PhoneTransport;
import dev.deskphone.core.Turnled;
import dev.deskphone.core.TurnledResponse;
import dev.deskphone.core.server.EndpointResponse;
import dev.deskphone.core.server.EndpointServer;
import dev.deskphone.core.server.PhoneEndpoint;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SendUrlServerTest {
  private static final PhoneTransport HTTP = JdkHttpTransport.create();

  private final List<AutoCloseable> closeables = new ArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private final AtomicInteger calls = new AtomicInteger();

  @AfterEach
  void stop() throws Exception {
    release.countDown();
    for (AutoCloseable c : closeables) {
      c.close();
    }
  }

  private SendUrlServer.Builder builder() {
    return SendUrlServer.builder()
        .bind(new InetSocketAddress("127.0.0.1", 0))
        .credentials("MyUsername", "MyPassword")
        .handler(
            request -> {
              calls.incrementAndGet();
              return TurnledResponse.of(
                  Turnled.builder(request.symbolicName())
                      .state(LedState.ON)
                      .colour(LedColour.RED)
                      .label("Grüße")
                      .build());
            });
  }

  private SendUrlServer start(SendUrlServer.Builder b) {
    SendUrlServer server = b.start();
    closeables.add(server);
    return server;
  }

  private static SendUrlKey key(SendUrlServer server, String method, String password) {
    return key(server.uri(), method, password);
  }

  private static SendUrlKey key(URI server, String method, String password) {
    return SendUrlKey.builder()
        .symbolicName("MySymbolicName")
        .method(method)
        .server(server)
        .parameters("id=1&item=2")
        .userId("MyUsername")
        .password(password)
        .build();
  }

  private static TurnledResponse off(SendUrlRequest request) {
    return TurnledResponse.of(Turnled.builder(request.symbolicName()).state(LedState.OFF).build());
  }

  private static PhoneResponse send(PhoneRequest request) throws Exception {
    return HTTP.send(request).get(10, TimeUnit.SECONDS);
  }

  @Test
  void answersAGetKeyWithTurnledXmlAndAByteCorrectContentLength() throws Exception {
    SendUrlServer server = start(builder());
    PhoneResponse r = send(key(server, "GET", "MyPassword").request("127.0.0.1", "+49301"));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Content-Type")).contains("text/xml; charset=UTF-8");
    assertThat(r.header("Content-Length")).contains(Integer.toString(r.bodyLength()));
    assertThat(TurnledXml.read(r.body()).turnleds().get(0).label()).contains("Grüße");
  }

  @Test
  void answersAPostKeyAlike() throws Exception {
    SendUrlServer server = start(builder());
    PhoneResponse r = send(key(server, "POST", "MyPassword").request("127.0.0.1", "+49301"));
    assertThat(r.status()).isEqualTo(200);
    assertThat(TurnledXml.read(r.body()).turnleds().get(0).symbolicName())
        .isEqualTo("MySymbolicName");
  }

  @Test
  void aWrongPasswordGets403AndTheHandlerIsNotCalled() throws Exception {
    SendUrlServer server = start(builder());
    PhoneResponse r = send(key(server, "GET", "wrong").request("127.0.0.1", "+49301"));
    assertThat(r.status()).isEqualTo(403);
    assertThat(calls).hasValue(0);
  }

  @Test
  void otherPathsGet404AndNeverARedirect() throws Exception {
    SendUrlServer server = start(builder().path("/sendurl"));
    assertThat(server.uri().getPath()).isEqualTo("/sendurl");
    URI other = server.uri().resolve("/sendurl/");
    assertThat(send(PhoneRequest.get(other)).status()).isEqualTo(404);
    assertThat(send(PhoneRequest.get(server.uri().resolve("/"))).status()).isEqualTo(404);
  }

  @Test
  void acknowledgeSendsAnEmpty200() throws Exception {
    SendUrlServer server =
        start(builder().responder(SendUrlRoutes.builder().acknowledge("MySymbolicName").build()));
    PhoneResponse r = send(key(server, "GET", "MyPassword").request("127.0.0.1", "1"));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.bodyLength()).isZero();
  }

  @Test
  void aHandlerThatOverrunsTheEndpointServersDeadlineGets503AndIsInterrupted() throws Exception {
    CountDownLatch interrupted = new CountDownLatch(1);
    EndpointServer server =
        EndpointServer.builder()
            .bind(new InetSocketAddress("127.0.0.1", 0))
            .endpoint(
                "/keys",
                SendUrlEndpoint.builder()
                    .credentials("MyUsername", "MyPassword")
                    .handler(
                        request -> {
                          try {
                            release.await();
                          } catch (InterruptedException e) {
                            interrupted.countDown();
                            throw e;
                          }
                          return off(request);
                        })
                    .build())
            .handlerTimeout(Duration.ofMillis(200))
            .start();
    closeables.add(server);
    PhoneResponse r = send(key(server.uri("/keys"), "GET", "MyPassword").request("127.0.0.1", "1"));
    assertThat(r.status()).isEqualTo(503);
    assertThat(r.bodyText()).isEqualTo("the handler did not answer in time\n");
    assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aBodyOverTheSendUrlLimitGets413AndNeverReachesTheHandler() throws Exception {
    SendUrlServer server = start(builder());
    byte[] body = new byte[SendUrlRequest.MAX_BODY_BYTES + 1];
    PhoneRequest tooLarge =
        PhoneRequest.builder("POST", server.uri())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body(body)
            .build();
    assertThat(send(tooLarge).status()).isEqualTo(413);
    assertThat(calls).hasValue(0);
  }

  @Test
  void theEndpointServerExampleServesKeysNextToAnotherEndpoint() throws Exception {
    SendUrlHandler handler = SendUrlServerTest::off;
    PhoneEndpoint events = request -> EndpointResponse.text(200, "event taken");
    // The example in README.md and in SendUrlServer's Javadoc.
    // README:endpoint-server
    EndpointServer server =
        EndpointServer.builder()
            .bind(new InetSocketAddress("127.0.0.1", 0)) // 0.0.0.0:8080 to serve real phones
            .endpoint(
                "/keys",
                SendUrlEndpoint.builder()
                    .credentials("MyUsername", "MyPassword")
                    .handler(handler)
                    .build())
            .endpoint("/events", events) // another PhoneEndpoint on the same port
            .workers(32)
            .handlerTimeout(Duration.ofSeconds(2))
            .start();
    URI keys = server.uri("/keys"); // the server the keys are configured with
    // README:end
    closeables.add(server);
    PhoneResponse led = send(key(keys, "GET", "MyPassword").request("127.0.0.1", "1"));
    assertThat(led.status()).isEqualTo(200);
    assertThat(TurnledXml.read(led.body()).turnleds().get(0).state()).isEqualTo(LedState.OFF);
    assertThat(send(PhoneRequest.get(server.uri("/events"))).bodyText()).isEqualTo("event taken\n");
    assertThat(send(PhoneRequest.get(server.uri())).status()).isEqualTo(404);
  }

  @Test
  void anUnsupportedMethodGets405() throws Exception {
    SendUrlServer server = start(builder());
    PhoneResponse r =
        send(
            PhoneRequest.builder("PUT", server.uri())
                .body("x".getBytes(StandardCharsets.UTF_8))
                .build());
    assertThat(r.status()).isEqualTo(405);
  }

  @Test
  void startNeedsABindAddressAHandlerAndACredentialsDecision() {
    assertThatThrownBy(
            () -> SendUrlServer.builder().handler(r -> null).withoutCredentials().start())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("bind is required");
    assertThatThrownBy(
            () ->
                SendUrlServer.builder()
                    .bind(new InetSocketAddress("127.0.0.1", 0))
                    .withoutCredentials()
                    .start())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("a handler or responder is required");
    assertThatThrownBy(
            () ->
                SendUrlServer.builder()
                    .bind(new InetSocketAddress("127.0.0.1", 0))
                    .handler(r -> null)
                    .start())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("credentials are required");
    assertThatThrownBy(() -> SendUrlServer.builder().path("no-slash"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("path must start with '/'");
    assertThatThrownBy(
            () ->
                SendUrlServer.builder()
                    .bind(InetSocketAddress.createUnresolved("phone.example", 80))
                    .withoutCredentials()
                    .handler(r -> null)
                    .start())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bind address must be resolved, was \"phone.example\"");
  }

  @Test
  void aBuilderStartsAServerEachTime() {
    SendUrlServer.Builder b = builder();
    SendUrlServer first = start(b);
    SendUrlServer second = start(b);
    assertThat(first.address().getPort()).isNotEqualTo(second.address().getPort());
    assertThat(second.toString()).isEqualTo("SendUrlServer[" + second.uri() + "]");
  }

  @Test
  void closeStopsListening() throws Exception {
    SendUrlServer server = builder().start();
    URI uri = server.uri();
    server.close();
    // A transport of its own: the shared one may hold a kept-alive connection to an earlier
    // server that had the same (reused) port, which would fail after sending instead.
    try (JdkHttpTransport fresh = JdkHttpTransport.builder().build()) {
      assertThat(fresh.send(PhoneRequest.get(uri)))
          .failsWithin(Duration.ofSeconds(10))
          .withThrowableThat()
          .withCauseInstanceOf(dev.deskphone.core.PhoneConnectException.class);
    }
  }
}
