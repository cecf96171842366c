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
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SendUrlServerTest {
  private static final PhoneTransport HTTP = JdkHttpTransport.create();

  private final List<SendUrlServer> servers = new ArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private final AtomicInteger calls = new AtomicInteger();

  @AfterEach
  void stop() {
    release.countDown();
    servers.forEach(SendUrlServer::close);
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
    servers.add(server);
    return server;
  }

  private static SendUrlKey key(SendUrlServer server, String method, String password) {
    return SendUrlKey.builder()
        .symbolicName("MySymbolicName")
        .method(method)
        .server(server.uri())
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
  void aHandlerThatOverrunsItsDeadlineGets503AndIsInterrupted() throws Exception {
    CountDownLatch interrupted = new CountDownLatch(1);
    SendUrlServer server =
        start(
            builder()
                .handlerTimeout(Duration.ofMillis(200))
                .handler(
                    request -> {
                      try {
                        release.await();
                      } catch (InterruptedException e) {
                        interrupted.countDown();
                      }
                      return off(request);
                    }));
    PhoneResponse r = send(key(server, "GET", "MyPassword").request("127.0.0.1", "1"));
    assertThat(r.status()).isEqualTo(503);
    assertThat(r.bodyText()).isEqualTo("the handler did not answer in time\n");
    assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aHandlerThatIgnoresTheInterruptStillGets503AtItsDeadline() throws Exception {
    List<Boolean> enteredInterrupted = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger n = new AtomicInteger();
    SendUrlServer server =
        start(
            builder()
                .workers(1)
                .handlerTimeout(Duration.ofMillis(200))
                .handler(
                    request -> {
                      enteredInterrupted.add(Thread.currentThread().isInterrupted());
                      if (n.incrementAndGet() == 1) {
                        while (release.getCount() > 0) {
                          try {
                            release.await();
                          } catch (InterruptedException ignored) {
                            // This handler will not stop early.
                          }
                        }
                      }
                      return off(request);
                    }));
    PhoneRequest request = key(server, "GET", "MyPassword").request("127.0.0.1", "1");
    PhoneResponse late = send(request);
    assertThat(late.status()).isEqualTo(503);
    assertThat(late.bodyText()).isEqualTo("the handler did not answer in time\n");
    // While the overrunning handler still holds the only worker, others are turned away at once.
    PhoneResponse busy = send(request);
    assertThat(busy.status()).isEqualTo(503);
    assertThat(busy.bodyText()).contains("busy");
    release.countDown();
    // Once it returns, its worker and thread serve again, with no interrupt left over.
    PhoneResponse next = null;
    for (int i = 0; i < 50 && (next == null || next.status() != 200); i++) {
      next = send(request);
    }
    assertThat(next.status()).isEqualTo(200);
    for (int i = 0; i < 5; i++) {
      assertThat(send(request).status()).isEqualTo(200);
    }
    assertThat(enteredInterrupted).isNotEmpty().containsOnly(false);
  }

  @Test
  void whenEveryWorkerIsBusyTheNextRequestGets503AtOnce() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    SendUrlServer server =
        start(
            builder()
                .workers(1)
                .handlerTimeout(Duration.ofSeconds(30))
                .handler(
                    request -> {
                      entered.countDown();
                      release.await();
                      return off(request);
                    }));
    PhoneRequest request = key(server, "GET", "MyPassword").request("127.0.0.1", "1");
    var first = HTTP.send(request);
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
    PhoneResponse second = send(request);
    assertThat(second.status()).isEqualTo(503);
    assertThat(second.bodyText()).contains("busy");
    release.countDown();
    assertThat(first.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
  }

  @Test
  void aTooLongRequestTargetGets414() throws Exception {
    SendUrlServer server = start(builder().maxRequestLine(1024));
    URI uri = URI.create(server.uri() + "?symbn=K&x=" + "a".repeat(2000));
    assertThat(send(PhoneRequest.get(uri)).status()).isEqualTo(414);
    assertThat(calls).hasValue(0);
  }

  @Test
  void tooManyOrTooLargeHeadersGet431() throws Exception {
    SendUrlServer server = start(builder().maxHeaders(8).maxHeaderBytes(1024));
    PhoneRequest.Builder many = PhoneRequest.builder("GET", server.uri());
    for (int i = 0; i < 10; i++) {
      many.header("X-H" + i, "v");
    }
    assertThat(send(many.build()).status()).isEqualTo(431);
    PhoneRequest big =
        PhoneRequest.builder("GET", server.uri()).header("X-Big", "v".repeat(2000)).build();
    assertThat(send(big).status()).isEqualTo(431);
  }

  @Test
  void aTooLargeBodyGets413WithoutBeingRead() throws Exception {
    SendUrlServer server = start(builder());
    try (RawHttp raw = new RawHttp(server.address().getPort())) {
      raw.send(
          "POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
              + "Content-Length: 100000000\r\n\r\nsymbn=K");
      assertThat(raw.status()).isEqualTo(413);
    }
    byte[] body = new byte[SendUrlRequest.MAX_BODY_BYTES + 1];
    PhoneRequest chunkless =
        PhoneRequest.builder("POST", server.uri())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body(body)
            .build();
    assertThat(send(chunkless).status()).isEqualTo(413);
  }

  @Test
  void aClientThatSendsItsHeadersTooSlowlyIsCutOffAndRealPhonesStillGetAnswers() throws Exception {
    SendUrlServer server = start(builder().workers(1).readTimeout(Duration.ofMillis(300)));
    List<RawHttp> slow = new ArrayList<>();
    try {
      for (int i = 0; i < 4; i++) {
        slow.add(new RawHttp(server.address().getPort()).send("GET /?symbn=K HTTP/1.1\r\nHo"));
      }
      for (RawHttp s : slow) {
        assertThat(s.readToClose()).isEmpty(); // closed unanswered by the read deadline
      }
      PhoneResponse r = send(key(server, "GET", "MyPassword").request("127.0.0.1", "1"));
      assertThat(r.status()).isEqualTo(200);
    } finally {
      for (RawHttp s : slow) {
        s.close();
      }
    }
  }

  @Test
  void aSlowBodyIsCutOffToo() throws Exception {
    SendUrlServer server = start(builder().readTimeout(Duration.ofMillis(300)));
    try (RawHttp raw = new RawHttp(server.address().getPort())) {
      raw.send(
          "POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
              + "Content-Length: 100\r\n\r\nsymbn=");
      assertThat(raw.readToClose()).isEmpty();
    }
    assertThat(calls).hasValue(0);
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
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bind is required");
    assertThatThrownBy(
            () ->
                SendUrlServer.builder()
                    .bind(new InetSocketAddress("127.0.0.1", 0))
                    .handler(r -> null)
                    .start())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("credentials are required");
    assertThatThrownBy(() -> SendUrlServer.builder().path("no-slash"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("path must start with '/'");
    assertThatThrownBy(() -> SendUrlServer.builder().workers(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("workers must be 1 to 1024, was 0");
  }

  @Test
  void closeStopsListening() throws Exception {
    SendUrlServer server = builder().start();
    URI uri = server.uri();
    server.close();
    assertThat(HTTP.send(PhoneRequest.get(uri)))
        .failsWithin(Duration.ofSeconds(10))
        .withThrowableThat()
        .withCauseInstanceOf(dev.deskphone.core.PhoneConnectException.class);
  }
}
