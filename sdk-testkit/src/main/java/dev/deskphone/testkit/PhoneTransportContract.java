package dev.deskphone.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deskphone.core.PhoneConnectException;
import dev.deskphone.core.PhoneException;
import dev.deskphone.core.PhoneOutcomeUnknownException;
import dev.deskphone.core.PhoneRequest;
import dev.deskphone.core.PhoneResponse;
import dev.deskphone.core.PhoneTimeoutException;
import dev.deskphone.core.PhoneTransport;
import dev.deskphone.core.PhoneTruncatedResponseException;
import dev.deskphone.testkit.internal.Action;
import dev.deskphone.testkit.internal.RecordedRequest;
import dev.deskphone.testkit.internal.ScriptedHttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link PhoneTransport} must show, as a JUnit 5 suite to extend:
 *
 * <pre>{@code
 * class MyTransportContractTest extends PhoneTransportContract {
 *   protected PhoneTransport transport() { return new MyTransport(); }
 * }
 * }</pre>
 *
 * <p>Each test starts its own HTTP server on 127.0.0.1 and closes every transport it made, scripted
 * to answer normally or to misbehave (close without answering, reset, stall, truncate), and checks
 * statuses as values, headers, binary and UTF-8 bodies, exact request targets, deadlines, that
 * redirects are not followed and that nothing is ever sent twice. Needs JUnit 5 and AssertJ on the
 * test class path. On the module path the testkit opens this package to JUnit ({@code
 * org.junit.platform.commons}), which runs the suite's package-private test methods.
 */
public abstract class PhoneTransportContract {
  private static final Duration SHORT = Duration.ofMillis(400);
  private static final long WAIT_SECONDS = 10;

  private final List<ScriptedHttpServer> servers = new ArrayList<>();
  private final List<PhoneTransport> transports = new ArrayList<>();

  /**
   * Creates a transport under test; the suite closes each one it made after its test.
   *
   * @return a new transport
   */
  protected abstract PhoneTransport transport();

  @AfterEach
  void closeServersAndTransports() {
    transports.forEach(PhoneTransport::close);
    servers.forEach(ScriptedHttpServer::close);
  }

  private PhoneTransport open() {
    PhoneTransport transport = transport();
    transports.add(transport);
    return transport;
  }

  private ScriptedHttpServer server(ScriptedHttpServer.Script script) throws IOException {
    ScriptedHttpServer server = ScriptedHttpServer.start(script);
    servers.add(server);
    return server;
  }

  private static PhoneResponse send(PhoneTransport transport, PhoneRequest request)
      throws Exception {
    try {
      return transport.send(request).get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw (Exception) e.getCause();
    }
  }

  /**
   * What a {@code sendAndWait} on its own thread gave, and whether that thread was left
   * interrupted.
   */
  private record Waited(PhoneResponse response, Exception error, boolean leftInterrupted) {}

  /**
   * Runs {@code sendAndWait} on a new thread (a hang guard for the test), interrupting that thread
   * once {@code interruptOnArrival} has read the request, if given.
   */
  private static Waited sendAndWait(
      PhoneTransport transport, PhoneRequest request, ScriptedHttpServer interruptOnArrival)
      throws InterruptedException {
    AtomicReference<Waited> waited = new AtomicReference<>();
    Thread caller =
        new Thread(
            () -> {
              PhoneResponse response = null;
              Exception error = null;
              try {
                response = transport.sendAndWait(request);
              } catch (RuntimeException e) {
                error = e;
              }
              waited.set(new Waited(response, error, Thread.currentThread().isInterrupted()));
            },
            "contract-sendAndWait");
    caller.setDaemon(true);
    caller.start();
    if (interruptOnArrival != null) {
      assertThat(interruptOnArrival.awaitRequests(1, Duration.ofSeconds(WAIT_SECONDS))).isTrue();
      caller.interrupt();
    }
    caller.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
    assertThat(caller.isAlive()).as("sendAndWait still blocked after %d s", WAIT_SECONDS).isFalse();
    return waited.get();
  }

  /**
   * {@code transport} after one exchange with a server that answers. In a cold JVM the first
   * exchange can spend more than {@link #SHORT} loading the HTTP client (1.3 s to build the JDK's
   * client and 1.6 s for its first request were seen on JDK 17 with JaCoCo on 2 busy cores), and a
   * test that expects the request to reach a stalling server must spend the deadline on the stall.
   */
  private PhoneTransport warmed(PhoneTransport transport) throws IOException {
    ScriptedHttpServer server = server(r -> Action.respond(204, ""));
    assertThat(transport.sendAndWait(PhoneRequest.get(server.uri("/warm"))).status())
        .isEqualTo(204);
    return transport;
  }

  /**
   * The request reached the server once. The server's thread may record it only after the client
   * gave up, which on a busy machine can be after the deadline: so wait for it, never assume it.
   */
  private static void assertArrivedOnce(ScriptedHttpServer server) throws InterruptedException {
    assertThat(server.awaitRequests(1, Duration.ofSeconds(WAIT_SECONDS)))
        .as("the request arrived")
        .isTrue();
    assertThat(server.requestCount()).isEqualTo(1);
  }

  /** A loopback port that was just free: nothing listens there. */
  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Test
  void closingTwiceIsHarmless() {
    PhoneTransport transport = open();
    transport.close();
    transport.close();
  }

  @Test
  void sendAndWaitReturnsTheAnswerAndLeavesNoInterrupt() throws Exception {
    ScriptedHttpServer server = server(r -> Action.respond(201, "made " + r.target()));
    Waited waited = sendAndWait(open(), PhoneRequest.get(server.uri("/w?a=1")), null);
    assertThat(waited.error()).isNull();
    assertThat(waited.response().status()).isEqualTo(201);
    assertThat(waited.response().bodyText()).isEqualTo("made /w?a=1");
    assertThat(waited.leftInterrupted()).isFalse();
  }

  @Test
  void sendAndWaitEndsByTheDeadlineBodyIncludedAndLeavesNoInterrupt() throws Exception {
    ScriptedHttpServer stalled = server(r -> Action.stall());
    ScriptedHttpServer slowBody = server(r -> Action.headThenStall(200, 1000));
    PhoneTransport transport = warmed(open());
    for (ScriptedHttpServer server : List.of(stalled, slowBody)) {
      PhoneRequest request =
          PhoneRequest.builder("GET", server.uri("/slow")).timeout(SHORT).build();
      Waited waited = sendAndWait(transport, request, null);
      assertThat(waited.error()).isInstanceOf(PhoneTimeoutException.class);
      assertThat(waited.leftInterrupted()).as("the deadline's interrupt is cleared").isFalse();
      assertArrivedOnce(server);
    }
  }

  @Test
  void sendAndWaitNeverResendsOnAKeptAliveConnectionClosedAfterReading() throws Exception {
    ScriptedHttpServer server =
        server(r -> r.indexOnConnection() == 1 ? Action.respond(200, "ok") : Action.close());
    PhoneTransport transport = open();
    assertThat(sendAndWait(transport, PhoneRequest.get(server.uri("/first")), null).error())
        .isNull();
    Waited second =
        sendAndWait(transport, PhoneRequest.get(server.uri("/command.htm?key=1")), null);
    assertThat(second.error()).isInstanceOf(PhoneOutcomeUnknownException.class);
    assertThat(server.awaitRequests(3, Duration.ofMillis(300))).isFalse();
    assertThat(server.requests())
        .extracting(RecordedRequest::target)
        .containsExactly("/first", "/command.htm?key=1");
  }

  @Test
  void interruptingSendAndWaitAbortsTheExchangeAndKeepsTheFlag() throws Exception {
    ScriptedHttpServer server = server(r -> Action.stall());
    PhoneTransport transport = open();
    Waited waited = sendAndWait(transport, PhoneRequest.get(server.uri("/hang")), server);
    assertThat(waited.error()).isInstanceOf(PhoneOutcomeUnknownException.class);
    assertThat(waited.leftInterrupted()).as("the caller's own interrupt stays set").isTrue();
    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void sendAndWaitToARefusedConnectionIsAConnectError() throws Exception {
    int port = closedPort();
    Waited waited =
        sendAndWait(open(), PhoneRequest.get(URI.create("http://127.0.0.1:" + port + "/")), null);
    assertThat(waited.error()).isInstanceOf(PhoneConnectException.class);
    assertThat(waited.leftInterrupted()).isFalse();
  }

  @Test
  void everyStatusIsAValue() throws Exception {
    int[] statuses = {200, 204, 400, 401, 403, 404, 500, 503};
    ScriptedHttpServer server =
        server(r -> Action.respond(Integer.parseInt(r.target().substring(1)), "s"));
    PhoneTransport transport = open();
    for (int status : statuses) {
      PhoneResponse response = send(transport, PhoneRequest.get(server.uri("/" + status)));
      assertThat(response.status()).as("status").isEqualTo(status);
    }
  }

  @Test
  void redirectsComeBackAsResponsesAndAreNotFollowed() throws Exception {
    ScriptedHttpServer server =
        server(
            r ->
                r.target().equals("/start")
                    ? Action.respond(302, "").header("Location", "/elsewhere")
                    : Action.respond(200, "followed"));
    PhoneTransport transport = open();
    for (int status : new int[] {301, 302, 303, 307, 308}) {
      ScriptedHttpServer s =
          server(r -> Action.respond(status, "").header("Location", "/elsewhere"));
      PhoneResponse response = send(transport, PhoneRequest.get(s.uri("/start")));
      assertThat(response.status()).isEqualTo(status);
      assertThat(response.header("Location")).contains("/elsewhere");
      assertThat(s.requests()).extracting(RecordedRequest::target).containsExactly("/start");
    }
    send(transport, PhoneRequest.get(server.uri("/start")));
    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void requestHeadersArriveAndRepeatedResponseHeadersComeBack() throws Exception {
    ScriptedHttpServer server =
        server(
            r ->
                Action.respond(200, r.header("X-Probe").orElse("missing"))
                    .header("X-Multi", "one")
                    .header("X-Multi", "two"));
    PhoneResponse response =
        send(
            open(),
            PhoneRequest.builder("GET", server.uri("/h")).header("X-Probe", "seen").build());
    assertThat(response.bodyText()).isEqualTo("seen");
    assertThat(response.headers().allValues("x-multi")).containsExactly("one", "two");
  }

  @Test
  void binaryBodiesTravelUnchangedBothWays() throws Exception {
    byte[] bytes = new byte[256];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) i;
    }
    ScriptedHttpServer server = server(r -> Action.respond(200, r.body()));
    PhoneResponse response =
        send(
            open(),
            PhoneRequest.builder("POST", server.uri("/echo"))
                .header("Content-Type", "application/octet-stream")
                .body(bytes)
                .build());
    assertThat(response.body()).isEqualTo(bytes);
    assertThat(server.requests().get(0).header("Content-Length")).contains("256");
  }

  @Test
  void utf8TextIsDecodedByItsCharset() throws Exception {
    String text = "Grüße ☎ 電話";
    ScriptedHttpServer server =
        server(r -> Action.respond(200, text).header("Content-Type", "text/plain; charset=UTF-8"));
    PhoneResponse response = send(open(), PhoneRequest.get(server.uri("/t")));
    assertThat(response.bodyText()).isEqualTo(text);
    assertThat(response.body()).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theRequestTargetGoesOutExactlyAsGiven() throws Exception {
    ScriptedHttpServer server = server(r -> Action.respond(200, ""));
    String target = "/command.htm?key=%23;1,200,100;%2A&number=%2B4930&touch=1%202%20pr";
    send(open(), PhoneRequest.get(server.uri(target)));
    assertThat(server.requests().get(0).target()).isEqualTo(target);
  }

  @Test
  void noAnswerFailsWithTimeoutByTheDeadline() throws Exception {
    ScriptedHttpServer server = server(r -> Action.stall());
    PhoneRequest request = PhoneRequest.builder("GET", server.uri("/slow")).timeout(SHORT).build();
    PhoneTransport transport = warmed(open());
    assertThatThrownBy(() -> send(transport, request))
        .isInstanceOf(PhoneTimeoutException.class)
        .hasMessageContaining("127.0.0.1");
    assertArrivedOnce(server);
  }

  @Test
  void theDeadlineCoversTheBody() throws Exception {
    ScriptedHttpServer server = server(r -> Action.headThenStall(200, 1000));
    PhoneRequest request = PhoneRequest.builder("GET", server.uri("/body")).timeout(SHORT).build();
    assertThatThrownBy(() -> send(open(), request)).isInstanceOf(PhoneTimeoutException.class);
  }

  @Test
  void closedWithoutAnswerIsOutcomeUnknownAndNotResent() throws Exception {
    ScriptedHttpServer server = server(r -> Action.close());
    assertThatThrownBy(() -> send(open(), PhoneRequest.get(server.uri("/reboot"))))
        .isInstanceOf(PhoneOutcomeUnknownException.class)
        .isNotInstanceOf(PhoneTimeoutException.class);
    assertThat(server.awaitRequests(2, Duration.ofMillis(300))).isFalse();
    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void aKeptAliveConnectionClosedAfterReadingIsNeverResent() throws Exception {
    ScriptedHttpServer server =
        server(r -> r.indexOnConnection() == 1 ? Action.respond(200, "ok") : Action.close());
    PhoneTransport transport = open();
    send(transport, PhoneRequest.get(server.uri("/first")));
    assertThat(server.connectionCount()).as("connections after the first request").isEqualTo(1);

    assertThatThrownBy(() -> send(transport, PhoneRequest.get(server.uri("/command.htm?key=1"))))
        .isInstanceOf(PhoneOutcomeUnknownException.class);

    assertThat(server.awaitRequests(3, Duration.ofMillis(300))).isFalse();
    assertThat(server.requests())
        .extracting(RecordedRequest::target)
        .containsExactly("/first", "/command.htm?key=1");
  }

  @Test
  void aPhoneThatGoesAwayAfterReadingAKeptAliveRequestIsOutcomeUnknown() throws Exception {
    AtomicReference<ScriptedHttpServer> self = new AtomicReference<>();
    ScriptedHttpServer server =
        server(
            r -> {
              if (r.indexOnConnection() == 1) {
                return Action.respond(200, "ok");
              }
              self.get().suspend(); // a reboot: the phone stops listening, then drops the line
              return Action.close();
            });
    self.set(server);
    PhoneTransport transport = open();
    send(transport, PhoneRequest.get(server.uri("/first")));

    assertThatThrownBy(
            () -> send(transport, PhoneRequest.get(server.uri("/advanced_update.htm?reboot=1"))))
        .isInstanceOf(PhoneOutcomeUnknownException.class);
    assertThat(server.requests())
        .extracting(RecordedRequest::target)
        .containsExactly("/first", "/advanced_update.htm?reboot=1");
  }

  @Test
  void theConnectionAfterAFailureWorks() throws Exception {
    ScriptedHttpServer server =
        server(r -> r.target().equals("/die") ? Action.close() : Action.respond(200, "ok"));
    PhoneTransport transport = open();
    send(transport, PhoneRequest.get(server.uri("/a")));
    assertThatThrownBy(() -> send(transport, PhoneRequest.get(server.uri("/die"))))
        .isInstanceOf(PhoneOutcomeUnknownException.class);
    assertThat(send(transport, PhoneRequest.get(server.uri("/b"))).bodyText()).isEqualTo("ok");
    assertThat(server.requests())
        .extracting(RecordedRequest::target)
        .containsExactly("/a", "/die", "/b");
  }

  @Test
  void aResetAfterTheRequestIsOutcomeUnknown() throws Exception {
    ScriptedHttpServer server = server(r -> Action.reset());
    assertThatThrownBy(() -> send(open(), PhoneRequest.get(server.uri("/x"))))
        .isInstanceOf(PhoneOutcomeUnknownException.class);
    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void aRefusedConnectionIsAConnectError() throws Exception {
    int port = closedPort();
    URI uri = URI.create("http://127.0.0.1:" + port + "/");
    assertThatThrownBy(() -> send(open(), PhoneRequest.get(uri)))
        .isInstanceOf(PhoneConnectException.class)
        .hasMessageContaining("127.0.0.1:" + port);
  }

  @Test
  void aTruncatedBodyIsTypedAndKeepsTheStatus() throws Exception {
    ScriptedHttpServer server = server(r -> Action.truncated(200, 100, 10));
    assertThatThrownBy(() -> send(open(), PhoneRequest.get(server.uri("/t"))))
        .isInstanceOfSatisfying(
            PhoneTruncatedResponseException.class, e -> assertThat(e.status()).isEqualTo(200));
  }

  @Test
  void errorsNameThePhoneAndTheOperation() throws Exception {
    ScriptedHttpServer server = server(r -> Action.close());
    PhoneRequest request =
        PhoneRequest.builder("GET", server.uri("/x")).operation("test poke").build();
    assertThatThrownBy(() -> send(open(), request))
        .isInstanceOfSatisfying(
            PhoneException.class,
            e -> {
              assertThat(e.phone()).isEqualTo("http://127.0.0.1:" + server.port());
              assertThat(e.operation()).isEqualTo("test poke");
              assertThat(e.getMessage()).contains("test poke", "127.0.0.1");
            });
  }

  @Test
  void cancellingAbortsTheExchange() throws Exception {
    ScriptedHttpServer server = server(r -> Action.stall());
    CompletableFuture<PhoneResponse> future = open().send(PhoneRequest.get(server.uri("/hang")));
    assertThat(server.awaitRequests(1, Duration.ofSeconds(WAIT_SECONDS))).isTrue();
    future.cancel(true);
    assertThatThrownBy(() -> future.get(WAIT_SECONDS, TimeUnit.SECONDS))
        .isInstanceOf(CancellationException.class);
  }

  @Test
  void manyConcurrentRequestsEachGetTheirOwnAnswer() throws Exception {
    ScriptedHttpServer server = server(r -> Action.respond(200, r.target()));
    PhoneTransport transport = open();
    List<CompletableFuture<PhoneResponse>> futures = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      futures.add(transport.send(PhoneRequest.get(server.uri("/n" + i))));
    }
    for (int i = 0; i < futures.size(); i++) {
      assertThat(futures.get(i).get(WAIT_SECONDS, TimeUnit.SECONDS).bodyText()).isEqualTo("/n" + i);
    }
    assertThat(server.requestCount()).isEqualTo(64);
  }

  @Test
  void sendReturnsBeforeTheAnswer() throws Exception {
    ScriptedHttpServer server = server(r -> Action.respond(200, "late").delayed(SHORT));
    CompletableFuture<PhoneResponse> future = open().send(PhoneRequest.get(server.uri("/")));
    assertThat(future).isNotDone();
    try {
      assertThat(future.get(WAIT_SECONDS, TimeUnit.SECONDS).bodyText()).isEqualTo("late");
    } catch (TimeoutException e) {
      throw new AssertionError("no answer", e);
    }
  }
}
