package dev.deskphone.core.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deskphone.core.PhoneHeaders;
import dev.deskphone.core.RecordingLogs;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * EndpointServer's routing, its control of endpoints (bound, deadline, failure) and its builder.
 */
class EndpointServerTest {
  private static final InetSocketAddress LOOPBACK = new InetSocketAddress("127.0.0.1", 0);

  private final List<AutoCloseable> open = new ArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void close() throws Exception {
    release.countDown();
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  private EndpointServer start(EndpointServer.Builder b) {
    EndpointServer server = b.start();
    open.add(server);
    return server;
  }

  private RawHttp connect(EndpointServer server) throws IOException {
    RawHttp raw = new RawHttp(server.address().getPort());
    open.add(raw);
    return raw;
  }

  private static String get(String target) {
    return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  }

  /** Waits for {@link #release}, ignoring interrupts, after counting down {@code entered}. */
  private void awaitReleaseIgnoringInterrupts(CountDownLatch entered) {
    entered.countDown();
    while (release.getCount() > 0) {
      try {
        release.await();
      } catch (InterruptedException ignored) {
        // This endpoint will not stop early.
      }
    }
  }

  @Test
  void severalEndpointsOnOnePortAreRoutedByExactPathAndOtherPathsGet404() throws Exception {
    EchoEndpoint keys = new EchoEndpoint();
    EchoEndpoint events = new EchoEndpoint();
    EndpointServer server =
        start(
            EndpointServer.builder()
                .bind(LOOPBACK)
                .endpoint("/keys", keys)
                .endpoint("/snom/events", events));
    assertThat(connect(server).send(get("/keys?symbn=Door")).answer().bodyText())
        .isEqualTo("GET /keys?symbn=Door\n");
    assertThat(connect(server).send(get("/snom/events?e=ring")).answer().bodyText())
        .isEqualTo("GET /snom/events?e=ring\n");
    assertThat(connect(server).send(get("/keys")).answer().status()).isEqualTo(200);
    for (String other : List.of("/", "/keys/", "/Keys", "/snom", "/keys%2F", "/other?keys")) {
      assertThat(connect(server).send(get(other)).answer().status()).as(other).isEqualTo(404);
    }
    assertThat(keys.requests())
        .extracting(EndpointRequest::target)
        .containsExactly("/keys?symbn=Door", "/keys");
    assertThat(events.requests()).extracting(EndpointRequest::path).containsExactly("/snom/events");
  }

  @Test
  void aPathEndingInSlashStarServesItselfAndEveryPathBelowAndExactPathsWin() throws Exception {
    EchoEndpoint events = new EchoEndpoint();
    EchoEndpoint phone = new EchoEndpoint();
    EchoEndpoint exact = new EchoEndpoint();
    EchoEndpoint rest = new EchoEndpoint();
    EndpointServer server =
        start(
            EndpointServer.builder()
                .bind(LOOPBACK)
                .endpoint("/events/*", events)
                .endpoint("/events/phone/*", phone)
                .endpoint("/events/phone/exact", exact)
                .endpoint("/*", rest));
    for (String target :
        List.of("/events", "/events/", "/events/a?x=1", "/events/phone", "/events/phone/7", "/x")) {
      assertThat(connect(server).send(get(target)).answer().status()).as(target).isEqualTo(200);
    }
    assertThat(connect(server).send(get("/events/phone/exact")).answer().status()).isEqualTo(200);
    assertThat(connect(server).send(get("/eventsX")).answer().status()).isEqualTo(200);

    assertThat(events.requests())
        .extracting(EndpointRequest::target)
        .containsExactly("/events", "/events/", "/events/a?x=1");
    assertThat(phone.requests())
        .extracting(EndpointRequest::path)
        .containsExactly("/events/phone", "/events/phone/7");
    assertThat(exact.requests())
        .extracting(EndpointRequest::path)
        .containsExactly("/events/phone/exact");
    assertThat(rest.requests()).extracting(EndpointRequest::path).containsExactly("/x", "/eventsX");
    assertThat(server.uri("/events/*")).hasPath("/events/");
  }

  @Test
  void uriNamesTheRootAndEachEndpoint() {
    EndpointServer server =
        start(EndpointServer.builder().bind(LOOPBACK).endpoint("/keys", new EchoEndpoint()));
    int port = server.address().getPort();
    assertThat(server.uri()).isEqualTo(URI.create("http://127.0.0.1:" + port + "/"));
    assertThat(server.uri("/keys")).isEqualTo(URI.create("http://127.0.0.1:" + port + "/keys"));
    assertThatThrownBy(() -> server.uri("/events"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no endpoint at \"/events\"; the paths are [/keys]");
    assertThat(server.toString()).isEqualTo("EndpointServer[" + server.uri() + ", paths=[/keys]]");
  }

  @Test
  void aWildcardBindShowsTheLoopbackAddressInItsUri() {
    EndpointServer server =
        start(
            EndpointServer.builder()
                .bind(new InetSocketAddress("0.0.0.0", 0))
                .endpoint("/", new EchoEndpoint()));
    assertThat(server.uri().getHost()).isEqualTo(InetAddress.getLoopbackAddress().getHostAddress());
    assertThat(server.address().getAddress().isAnyLocalAddress()).isTrue();
  }

  @Test
  void whenEveryWorkerIsBusyTheNextRequestGets503AtOnceAndItsConnectionStaysOpen()
      throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    EchoEndpoint echo = new EchoEndpoint();
    EndpointServer server =
        start(
            EndpointServer.builder()
                .bind(LOOPBACK)
                .workers(1)
                .handlerTimeout(Duration.ofSeconds(30))
                .endpoint(
                    "/slow",
                    request -> {
                      awaitReleaseIgnoringInterrupts(entered);
                      return echo.handle(request);
                    })
                .endpoint("/fast", echo));
    RawHttp first = connect(server).send(get("/slow"));
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
    // The bound is the server's, across endpoints: the other endpoint is turned away too.
    RawHttp second = connect(server);
    RawHttp.Answer busy = second.send(get("/fast")).answer();
    assertThat(busy.statusLine()).isEqualTo("HTTP/1.1 503 Service Unavailable");
    assertThat(busy.bodyText()).isEqualTo("the server is busy; try again later\n");
    assertThat(busy.values("Connection")).isEmpty();
    release.countDown();
    assertThat(first.answer().bodyText()).isEqualTo("GET /slow\n");
    assertThat(second.send(get("/fast")).answer().bodyText()).isEqualTo("GET /fast\n");
    assertThat(echo.requests()).extracting(EndpointRequest::path).containsExactly("/slow", "/fast");
  }

  @Test
  void anEndpointThatIgnoresTheInterruptGets503AtItsDeadlineAndTheConnectionIsClosed()
      throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch returned = new CountDownLatch(1);
    List<Boolean> enteredInterrupted = new CopyOnWriteArrayList<>();
    EndpointServer server =
        start(
            EndpointServer.builder()
                .bind(LOOPBACK)
                .workers(1)
                .handlerTimeout(Duration.ofMillis(500))
                .endpoint(
                    "/",
                    request -> {
                      enteredInterrupted.add(Thread.currentThread().isInterrupted());
                      if (request.target().equals("/?first")) {
                        awaitReleaseIgnoringInterrupts(entered);
                        returned.countDown();
                        return EndpointResponse.text(200, "late");
                      }
                      return EndpointResponse.text(200, "on time");
                    }));
    RawHttp raw = connect(server);
    RawHttp.Answer late = raw.send(get("/?first")).answer();
    // The 503 came while the endpoint still runs: it has not been released.
    assertThat(returned.getCount()).isEqualTo(1);
    assertThat(late.statusLine()).isEqualTo("HTTP/1.1 503 Service Unavailable");
    assertThat(late.bodyText()).isEqualTo("the handler did not answer in time\n");
    assertThat(late.values("Connection")).containsExactly("close");
    assertThat(raw.read()).isEqualTo(-1);
    // While it still holds the only worker, others are turned away at once.
    RawHttp.Answer busy = connect(server).send(get("/?second")).answer();
    assertThat(busy.bodyText()).isEqualTo("the server is busy; try again later\n");
    release.countDown();
    assertThat(returned.await(10, TimeUnit.SECONDS)).isTrue();
    // Once it returns, its worker and thread serve again, with no interrupt left over.
    // (It gives the worker back a moment after it returns: until then, 503 at once.)
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    RawHttp retry = connect(server);
    RawHttp.Answer next = retry.send(get("/?next")).answer();
    while (next.status() == 503 && System.nanoTime() < until) {
      next = retry.send(get("/?next")).answer();
    }
    assertThat(next.bodyText()).isEqualTo("on time\n");
    RawHttp again = connect(server);
    for (int i = 0; i < 5; i++) {
      assertThat(again.send(get("/?again")).answer().status()).isEqualTo(200);
    }
    assertThat(enteredInterrupted).isNotEmpty().containsOnly(false);
  }

  @Test
  void anEndpointThatStopsWhenInterruptedHasItsLateAnswerDropped() throws Exception {
    CountDownLatch interrupted = new CountDownLatch(1);
    EndpointServer server =
        start(
            EndpointServer.builder()
                .bind(LOOPBACK)
                .handlerTimeout(Duration.ofMillis(500))
                .endpoint(
                    "/",
                    request -> {
                      try {
                        release.await();
                      } catch (InterruptedException e) {
                        interrupted.countDown();
                      }
                      return EndpointResponse.text(200, "the late answer");
                    }));
    RawHttp raw = connect(server);
    raw.send(get("/"));
    String everything = raw.readToClose();
    assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(everything)
        .startsWith("HTTP/1.1 503 Service Unavailable\r\n")
        .contains("Connection: close\r\n")
        .endsWith("\r\n\r\nthe handler did not answer in time\n")
        .doesNotContain("the late answer");
  }

  @Test
  void aRuntimeExceptionFromAnEndpointGets500WithoutItsMessageAndIsLoggedByClass()
      throws Exception {
    RecordingLogs.clear();
    EndpointServer server =
        start(
            EndpointServer.builder()
                .bind(LOOPBACK)
                .endpoint(
                    "/",
                    request -> {
                      throw new IllegalStateException("database password is hunter2");
                    }));
    RawHttp raw = connect(server);
    RawHttp.Answer answer = raw.send(get("/")).answer();
    assertThat(answer.statusLine()).isEqualTo("HTTP/1.1 500 Internal Server Error");
    assertThat(answer.bodyText())
        .isEqualTo("the request could not be served\n")
        .doesNotContain("hunter2", "Exception");
    // The request was read whole: the connection serves the next one.
    assertThat(raw.send(get("/")).answer().status()).isEqualTo(500);
    assertThat(RecordingLogs.lines())
        .anyMatch(
            l ->
                l.startsWith("WARN dev.deskphone.core.server.EndpointServer ")
                    && l.endsWith(": java.lang.IllegalStateException"))
        .anyMatch(l -> l.startsWith("DEBUG ") && l.contains("hunter2"));
    assertThat(RecordingLogs.lines())
        .filteredOn(l -> !l.startsWith("DEBUG"))
        .noneMatch(l -> l.contains("hunter2"));
  }

  @Test
  void anEndpointThatReturnsNullGets500() throws Exception {
    EndpointServer server = start(EndpointServer.builder().bind(LOOPBACK).endpoint("/", r -> null));
    RawHttp.Answer answer = connect(server).send(get("/")).answer();
    assertThat(answer.status()).isEqualTo(500);
    assertThat(answer.bodyText()).isEqualTo("the request could not be served\n");
  }

  @Test
  void anEndpointsHeadersAreWrittenAsGivenFollowedByContentLength() throws Exception {
    byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
    EndpointServer server =
        start(
            EndpointServer.builder()
                .bind(LOOPBACK)
                .endpoint(
                    "/",
                    request ->
                        EndpointResponse.of(
                            201,
                            PhoneHeaders.of(
                                "Content-Type", "application/json",
                                "X-Two", "a",
                                "x-two", "b",
                                "Location", "/items/7"),
                            body)));
    RawHttp.Answer answer = connect(server).send(get("/")).answer();
    assertThat(answer.statusLine()).isEqualTo("HTTP/1.1 201 Created");
    assertThat(answer.fields())
        .containsExactly(
            "Content-Type: application/json",
            "X-Two: a",
            "x-two: b",
            "Location: /items/7",
            "Content-Length: " + body.length);
    assertThat(answer.body()).isEqualTo(body);
  }

  @Test
  void a204GoesOutWithoutContentLengthOrBody() throws Exception {
    EndpointServer server =
        start(
            EndpointServer.builder()
                .bind(LOOPBACK)
                .endpoint(
                    "/", request -> EndpointResponse.of(204, PhoneHeaders.empty(), new byte[0])));
    RawHttp raw = connect(server);
    RawHttp.Answer answer = raw.send(get("/") + get("/")).head();
    assertThat(answer.statusLine()).isEqualTo("HTTP/1.1 204 No Content");
    assertThat(answer.fields()).isEmpty();
    assertThat(raw.head().statusLine()).isEqualTo("HTTP/1.1 204 No Content");
  }

  @Test
  void everyRequestGetsOneAccessLogLineWithSecretValuesHidden() throws Exception {
    RecordingLogs.clear();
    EndpointServer server =
        start(EndpointServer.builder().bind(LOOPBACK).endpoint("/keys", new EchoEndpoint()));
    for (String target : List.of("/keys?userid=u&password=S3cret&symbn=K", "/nothing")) {
      RawHttp raw = connect(server);
      raw.send("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
      raw.answer();
      assertThat(raw.read()).isEqualTo(-1); // the server logs a request before it closes
    }
    List<String> access =
        RecordingLogs.lines().stream()
            .filter(l -> l.startsWith("INFO dev.deskphone.server.access "))
            .toList();
    assertThat(access)
        .filteredOn(l -> l.contains("\"/keys?"))
        .singleElement()
        .satisfies(
            l ->
                assertThat(l)
                    .matches(
                        ".* GET \"/keys\\?userid=u&password=\\*\\*\\*&symbn=K\" from"
                            + " 127\\.0\\.0\\.1: 200 in \\d+ ms"));
    assertThat(access)
        .filteredOn(l -> l.contains("\"/nothing\""))
        .singleElement()
        .satisfies(
            l -> assertThat(l).matches(".* GET \"/nothing\" from 127\\.0\\.0\\.1: 404 in \\d+ ms"));
    assertThat(RecordingLogs.lines()).noneMatch(l -> l.contains("S3cret"));
  }

  @Test
  void startNeedsABindAddressAndAnEndpoint() {
    assertThatThrownBy(() -> EndpointServer.builder().endpoint("/", new EchoEndpoint()).start())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("bind is required: the address and port to listen on, such as 0.0.0.0:8080");
    assertThatThrownBy(() -> EndpointServer.builder().bind(LOOPBACK).start())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("an endpoint is required: call endpoint(path, endpoint) at least once");
  }

  @Test
  void theSamePathTwiceIsRefused() {
    EndpointServer.Builder b = EndpointServer.builder().endpoint("/keys", new EchoEndpoint());
    assertThatThrownBy(() -> b.endpoint("/keys", new EchoEndpoint()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("path \"/keys\" already has an endpoint");
  }

  @Test
  void pathsAndLimitsAreCheckedWhenSet() {
    EndpointServer.Builder b = EndpointServer.builder();
    for (String bad :
        List.of(
            "keys", "", "/a b", "/a?b", "/%41", "/\u00e4", "/" + "a".repeat(256), "/a*", "/*/a")) {
      assertThatThrownBy(() -> b.endpoint(bad, new EchoEndpoint()))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("path must start with '/'");
    }
    assertThat(b.endpoint("/" + "a".repeat(255), new EchoEndpoint())).isSameAs(b);
    assertThatThrownBy(() -> b.workers(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("workers must be 1 to 1024, was 0");
    assertThatThrownBy(() -> b.maxBodyBytes(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxBodyBytes must be 0 to 16777216, was -1");
    assertThatThrownBy(() -> b.maxBodyBytes((16 << 20) + 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.handlerTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("handlerTimeout must be positive, was PT0S");
    assertThatThrownBy(() -> b.maxConnections(10_001))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxConnections must be 1 to 10000, was 10001");
    assertThatThrownBy(() -> b.bind(InetSocketAddress.createUnresolved("phone.example", 80)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bind address must be resolved, was \"phone.example\"");
  }

  @Test
  void closeDropsARequestBeingAnsweredAndInterruptsItsEndpoint() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    EndpointServer server =
        EndpointServer.builder()
            .bind(LOOPBACK)
            .handlerTimeout(Duration.ofSeconds(30))
            .endpoint(
                "/",
                request -> {
                  entered.countDown();
                  try {
                    release.await();
                  } catch (InterruptedException e) {
                    interrupted.countDown();
                  }
                  return EndpointResponse.text(200, "too late");
                })
            .start();
    RawHttp raw = connect(server).send(get("/"));
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
    server.close();
    server.close(); // a second close does nothing
    assertThat(raw.readToCloseOrReset()).isEmpty();
    assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
  }
}
