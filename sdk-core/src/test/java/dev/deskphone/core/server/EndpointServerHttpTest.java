package dev.deskphone.core.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** EndpointServer's HTTP/1.1 over raw loopback sockets: connections, framing and limits. */
class EndpointServerHttpTest {
  private final List<AutoCloseable> open = new ArrayList<>();
  private final EchoEndpoint echo = new EchoEndpoint();
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void close() throws Exception {
    release.countDown();
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  private EndpointServer.Builder builder() {
    return EndpointServer.builder().bind(new InetSocketAddress("127.0.0.1", 0)).endpoint("/", echo);
  }

  private EndpointServer start(EndpointServer.Builder b) {
    return keep(b.start());
  }

  private RawHttp connect(EndpointServer server) throws IOException {
    return keep(new RawHttp(server.address().getPort()));
  }

  private <T extends AutoCloseable> T keep(T c) {
    open.add(c);
    return c;
  }

  /** A GET of {@code /?k=key}, with {@code fields} as header lines. */
  private static String get(String key, String... fields) {
    return request("GET", "HTTP/1.1", key, fields);
  }

  private static String request(String method, String version, String key, String... fields) {
    StringBuilder s = new StringBuilder();
    s.append(method).append(" /?k=").append(key);
    s.append(' ').append(version).append("\r\nHost: 127.0.0.1\r\n");
    for (String field : fields) {
      s.append(field).append("\r\n");
    }
    return s.append("\r\n").toString();
  }

  /** A GET of {@code /?k=K} in {@code version} with exactly {@code fields}: no Host added. */
  private static String bare(String version, String... fields) {
    StringBuilder s = new StringBuilder("GET /?k=K " + version + "\r\n");
    for (String field : fields) {
      s.append(field).append("\r\n");
    }
    return s.append("\r\n").toString();
  }

  /** Sends {@code request} and checks it got a 400 with a close, the endpoint not called. */
  private void refusedWith400(String request) throws IOException {
    EndpointServer server = start(builder());
    RawHttp raw = connect(server);
    RawHttp.Answer answer = raw.send(request).answer();
    assertThat(answer.statusLine()).isEqualTo("HTTP/1.1 400 Bad Request");
    assertThat(answer.values("Connection")).containsExactly("close");
    assertThat(raw.read()).isEqualTo(-1);
    assertThat(echo.requests()).isEmpty();
  }

  /** Sends {@code request} and checks the endpoint answered it, for key K. */
  private void answered200(String request) throws IOException {
    EndpointServer server = start(builder());
    RawHttp.Answer answer = connect(server).send(request).answer();
    assertThat(answer.statusLine()).isEqualTo("HTTP/1.1 200 OK");
    assertThat(answer.bodyText()).isEqualTo("GET /?k=K\n");
    assertThat(echo.requests()).hasSize(1);
  }

  /** Whether the server answered 200 on {@code raw}, or ended it unanswered instead. */
  private static boolean answers(RawHttp raw, String request) {
    try {
      raw.send(request);
      return raw.answer().status() == 200;
    } catch (IOException closedOrReset) {
      return false;
    }
  }

  /** The endpoint blocks until {@link #release}, counting down {@code entered} first. */
  private PhoneEndpoint blocking(CountDownLatch entered) {
    return request -> {
      entered.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return echo.handle(request);
    };
  }

  @Test
  void theAnswerHeadIsWellFormedWithOneContentLengthThatCountsTheBody() throws Exception {
    EndpointServer server = start(builder());
    RawHttp raw = connect(server);
    RawHttp.Answer answer = raw.send(get("First")).answer();
    assertThat(answer.statusLine()).isEqualTo("HTTP/1.1 200 OK");
    assertThat(answer.values("Content-Length"))
        .containsExactly(Integer.toString(answer.body().length));
    assertThat(answer.bodyText()).isEqualTo("GET /?k=First\n");
    assertThat(answer.values("Content-Type")).containsExactly("text/plain; charset=UTF-8");
    assertThat(answer.values("Connection")).isEmpty();
    assertThat(answer.fields()).allMatch(f -> f.matches("[A-Za-z-]+: [\\x20-\\x7e]*"));
  }

  @Test
  void twoRequestsOnOneKeptAliveConnectionAreBothAnswered() throws Exception {
    EndpointServer server = start(builder());
    RawHttp raw = connect(server);
    RawHttp.Answer first = raw.send(get("First")).answer();
    RawHttp.Answer second = raw.send(get("Second")).answer();
    assertThat(first.bodyText()).isEqualTo("GET /?k=First\n");
    assertThat(second.bodyText()).isEqualTo("GET /?k=Second\n");
    assertThat(echo.requests())
        .extracting(EndpointRequest::target)
        .containsExactly("/?k=First", "/?k=Second");
    assertThat(echo.requests())
        .extracting(r -> r.peer().getPort())
        .containsOnly(raw.socket().getLocalPort());
  }

  @Test
  void twoPipelinedGetsInOneWriteAreAnsweredInOrder() throws Exception {
    EndpointServer server = start(builder());
    RawHttp raw = connect(server);
    raw.send(get("One") + get("Two"));
    RawHttp.Answer one = raw.answer();
    RawHttp.Answer two = raw.answer();
    assertThat(one.status()).isEqualTo(200);
    assertThat(one.bodyText()).isEqualTo("GET /?k=One\n");
    assertThat(two.status()).isEqualTo(200);
    assertThat(two.bodyText()).isEqualTo("GET /?k=Two\n");
  }

  @Test
  void connectionCloseIsAnsweredWithConnectionCloseAndThenTheEnd() throws Exception {
    EndpointServer server = start(builder());
    RawHttp raw = connect(server);
    RawHttp.Answer answer = raw.send(get("K", "Connection: close")).answer();
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.values("Connection")).containsExactly("close");
    assertThat(raw.read()).isEqualTo(-1);
  }

  @Test
  void anHttp10RequestWithoutKeepAliveIsAnsweredAndTheConnectionClosed() throws Exception {
    EndpointServer server = start(builder());
    RawHttp raw = connect(server);
    RawHttp.Answer answer = raw.send(request("GET", "HTTP/1.0", "K")).answer();
    assertThat(answer.statusLine()).isEqualTo("HTTP/1.1 200 OK");
    assertThat(answer.values("Connection")).containsExactly("close");
    assertThat(raw.read()).isEqualTo(-1);
  }

  @Test
  void anHttp10RequestWithKeepAliveKeepsTheConnectionForTheNext() throws Exception {
    EndpointServer server = start(builder());
    RawHttp raw = connect(server);
    RawHttp.Answer first =
        raw.send(request("GET", "HTTP/1.0", "First", "Connection: keep-alive")).answer();
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.values("Connection")).containsExactly("keep-alive");
    RawHttp.Answer second = raw.send(request("GET", "HTTP/1.0", "Second")).answer();
    assertThat(second.bodyText()).isEqualTo("GET /?k=Second\n");
    assertThat(raw.read()).isEqualTo(-1);
  }

  @Test
  void aChunkedPostReachesTheEndpointWholeAndTheConnectionStaysUsable() throws Exception {
    EndpointServer server = start(builder());
    RawHttp raw = connect(server);
    String form = "symbn=Posted&id=42&note=Gr%C3%BC%C3%9Fe";
    String chunks =
        Integer.toHexString(10)
            + ";ext=1\r\n"
            + form.substring(0, 10)
            + "\r\n"
            + Integer.toHexString(form.length() - 10)
            + "\r\n"
            + form.substring(10)
            + "\r\n0\r\nX-Trailer: t\r\n\r\n";
    raw.send(
        "POST /?q=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Content-Type: application/x-www-form-urlencoded\r\n"
            + "Transfer-Encoding: chunked\r\n\r\n"
            + chunks);
    RawHttp.Answer answer = raw.answer();
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.bodyText()).isEqualTo("POST /?q=1 " + form + "\n");
    EndpointRequest seen = echo.requests().get(0);
    assertThat(seen.method()).isEqualTo("POST");
    assertThat(seen.path()).isEqualTo("/");
    assertThat(seen.rawQuery()).contains("q=1");
    assertThat(seen.header("Content-Type")).contains("application/x-www-form-urlencoded");
    assertThat(seen.bodyLength()).isEqualTo(form.length());
    // The connection stays usable after the trailers.
    assertThat(raw.send(get("Next")).answer().bodyText()).isEqualTo("GET /?k=Next\n");
  }

  @Test
  void expect100ContinueGets100ContinueBeforeTheBodyIsSent() throws Exception {
    EndpointServer server = start(builder());
    RawHttp raw = connect(server);
    byte[] form = "symbn=Continued".getBytes(StandardCharsets.US_ASCII);
    raw.send(
        "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Expect: 100-continue\r\n"
            + "Content-Length: "
            + form.length
            + "\r\n\r\n");
    RawHttp.Answer interim = raw.head();
    assertThat(interim.statusLine()).isEqualTo("HTTP/1.1 100 Continue");
    assertThat(interim.fields()).isEmpty();
    RawHttp.Answer answer = raw.send(form).answer();
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.bodyText()).isEqualTo("POST / symbn=Continued\n");
  }

  @Test
  void anExpectationOtherThan100ContinueGets417AndTheConnectionIsClosed() throws Exception {
    EndpointServer server = start(builder());
    RawHttp raw = connect(server);
    RawHttp.Answer answer = raw.send(get("K", "Expect: something")).answer();
    assertThat(answer.statusLine()).isEqualTo("HTTP/1.1 417 Expectation Failed");
    assertThat(answer.values("Connection")).containsExactly("close");
    assertThat(raw.read()).isEqualTo(-1);
    assertThat(echo.requests()).isEmpty();
  }

  @Test
  void headGetsTheEndpointsHeadersAndContentLengthButNoBodyBytes() throws Exception {
    EndpointServer server = start(builder());
    RawHttp raw = connect(server);
    RawHttp.Answer head = raw.send(request("HEAD", "HTTP/1.1", "K")).head();
    assertThat(head.statusLine()).isEqualTo("HTTP/1.1 200 OK");
    assertThat(head.values("Content-Type")).containsExactly("text/plain; charset=UTF-8");
    assertThat(head.values("Content-Length"))
        .containsExactly(Integer.toString("HEAD /?k=K\n".length()));
    assertThat(echo.requests()).extracting(EndpointRequest::method).containsExactly("HEAD");
    // The connection is kept: the next bytes are the next answer, not a body.
    RawHttp.Answer next = raw.send(get("Next")).answer();
    assertThat(next.statusLine()).isEqualTo("HTTP/1.1 200 OK");
    assertThat(next.bodyText()).isEqualTo("GET /?k=Next\n");
  }

  @Test
  void headWithConnectionCloseEndsRightAfterTheHead() throws Exception {
    EndpointServer server = start(builder());
    RawHttp raw = connect(server);
    RawHttp.Answer head = raw.send(request("HEAD", "HTTP/1.1", "K", "Connection: close")).head();
    assertThat(head.status()).isEqualTo(200);
    assertThat(head.values("Content-Length")).isNotEmpty().doesNotContain("0");
    assertThat(raw.read()).isEqualTo(-1);
  }

  @Test
  void aRequestForAnotherPathGets404AndTheConnectionIsClosed() throws Exception {
    EndpointServer server =
        start(
            EndpointServer.builder()
                .bind(new InetSocketAddress("127.0.0.1", 0))
                .endpoint("/keys", echo));
    RawHttp raw = connect(server);
    RawHttp.Answer answer = raw.send("GET /other?k=K HTTP/1.1\r\nHost: x\r\n\r\n").answer();
    assertThat(answer.statusLine()).isEqualTo("HTTP/1.1 404 Not Found");
    assertThat(answer.values("Connection")).containsExactly("close");
    assertThat(raw.read()).isEqualTo(-1);
    assertThat(echo.requests()).isEmpty();
  }

  @Test
  void aMalformedRequestGets400AndTheConnectionIsClosed() throws Exception {
    EndpointServer server = start(builder());
    RawHttp raw = connect(server);
    RawHttp.Answer answer = raw.send("GET / HTTP/1.1\r\nHost : x\r\n\r\n" + get("K")).answer();
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.values("Connection")).containsExactly("close");
    assertThat(raw.read()).isEqualTo(-1);
    assertThat(echo.requests()).isEmpty();
  }

  @Test
  void aHeaderValueWithAC1ControlCharacterGets400() throws Exception {
    // The reader takes bytes 0x80 to 0xFF as obs-text; PhoneHeaders refuses U+0080 to U+009F.
    refusedWith400(get("K", "X-Odd: a\u0085b"));
  }

  @Test
  void aHeaderValueWithLatin1TextReachesTheEndpoint() throws Exception {
    answered200(get("K", "X-Name: J\u00fcrgen"));
    assertThat(echo.requests().get(0).header("x-name")).contains("J\u00fcrgen");
  }

  @Test
  void aTlsClientHelloOnThePlainPortGets400AtOnce() throws Exception {
    // A read deadline far beyond the client's 10-second socket timeout: only an answer at once
    // passes.
    EndpointServer server = start(builder().readTimeout(Duration.ofMinutes(5)));
    RawHttp raw = connect(server);
    raw.send(new byte[] {0x16, 0x03, 0x01, 0x00, (byte) 0xa5, 0x01, 0x00});
    RawHttp.Answer answer = raw.answer();
    assertThat(answer.statusLine()).isEqualTo("HTTP/1.1 400 Bad Request");
    assertThat(answer.bodyText()).isEqualTo("not an HTTP request\n");
    assertThat(raw.read()).isEqualTo(-1);
  }

  @Test
  void anHttp11RequestWithoutHostGets400AndTheConnectionIsClosed() throws Exception {
    refusedWith400(bare("HTTP/1.1"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"HTTP/1.1", "HTTP/1.0"})
  void twoHostLinesGet400EvenWhenTheyAgree(String version) throws Exception {
    refusedWith400(bare(version, "Host: 127.0.0.1", "Host: 127.0.0.1"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a b",
        "exa mple",
        "host:port80",
        "host:80:81",
        "[::1",
        "[::1]x",
        "[::1]:8o",
        "::1",
        "[1:2:3:4:5:6:7:8:9]",
        "[fe80::1%25eth0]",
        "a\tb",
        "user@host",
        "host/path",
        "ph\u00f6ne.example",
        "%zz"
      })
  void aHostWithAnInvalidValueGets400(String value) throws Exception {
    refusedWith400(bare("HTTP/1.1", "Host: " + value));
  }

  @Test
  void anHttp10RequestWithAnInvalidHostGets400() throws Exception {
    refusedWith400(bare("HTTP/1.0", "Host: a b"));
  }

  @Test
  void anHttp10RequestWithoutHostIsAnswered() throws Exception {
    answered200(bare("HTTP/1.0"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1:8080",
        "[::1]:80",
        "phone.example",
        "Phone.Example:8085",
        "[2001:db8::7]",
        "[::ffff:192.0.2.7]:443",
        "[v1.fe80::a+en1]",
        "xn--phne-5qa.example",
        "phone.example:"
      })
  void aHostWithAValidValueIsAnswered(String value) throws Exception {
    answered200(bare("HTTP/1.1", "Host: " + value));
    assertThat(echo.requests().get(0).header("Host")).contains(value);
  }

  @Test
  void anEmptyHostIsAnswered() throws Exception {
    // RFC 9110 7.2 allows it, and Jetty and Apache httpd take it; the server never reads Host.
    answered200(bare("HTTP/1.1", "Host:"));
  }

  @Test
  void anAbsoluteFormRequestWithoutHostGets400() throws Exception {
    refusedWith400("GET http://127.0.0.1/?k=K HTTP/1.1\r\n\r\n");
  }

  @Test
  void anAbsoluteFormRequestIsAnsweredWhateverItsHostNames() throws Exception {
    // RFC 9112 3.2.2: the target's authority counts, Host is only required to be there, once.
    answered200("GET http://127.0.0.1/?k=K HTTP/1.1\r\nHost: other.example\r\n\r\n");
  }

  @Test
  void aTooLongRequestTargetGets414() throws Exception {
    EndpointServer server = start(builder().maxRequestLine(1024));
    RawHttp raw = connect(server);
    RawHttp.Answer answer = raw.send(get("K&x=" + "a".repeat(2000))).answer();
    assertThat(answer.statusLine()).isEqualTo("HTTP/1.1 414 URI Too Long");
    assertThat(echo.requests()).isEmpty();
  }

  @Test
  void tooManyHeadersGet431() throws Exception {
    EndpointServer server = start(builder().maxHeaders(8));
    String[] fields = new String[10];
    for (int i = 0; i < fields.length; i++) {
      fields[i] = "X-H" + i + ": v";
    }
    RawHttp.Answer answer = connect(server).send(get("K", fields)).answer();
    assertThat(answer.statusLine()).isEqualTo("HTTP/1.1 431 Request Header Fields Too Large");
    assertThat(echo.requests()).isEmpty();
  }

  @Test
  void tooLargeHeadersGet431() throws Exception {
    EndpointServer server = start(builder().maxHeaderBytes(1024));
    RawHttp.Answer answer = connect(server).send(get("K", "X-Big: " + "v".repeat(2000))).answer();
    assertThat(answer.status()).isEqualTo(431);
    assertThat(echo.requests()).isEmpty();
  }

  @Test
  void aTooLargeBodyGets413BeforeAnyOfItIsSent() throws Exception {
    EndpointServer server = start(builder().maxBodyBytes(1024));
    RawHttp raw = connect(server);
    raw.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1025\r\n\r\n");
    RawHttp.Answer answer = raw.answer();
    assertThat(answer.statusLine()).isEqualTo("HTTP/1.1 413 Content Too Large");
    assertThat(echo.requests()).isEmpty();
  }

  @Test
  void aBodyOfExactlyMaxBodyBytesReachesTheEndpoint() throws Exception {
    EndpointServer server = start(builder().maxBodyBytes(1024));
    RawHttp raw = connect(server);
    String body = "b".repeat(1024);
    raw.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1024\r\n\r\n" + body);
    assertThat(raw.answer().bodyText()).isEqualTo("POST / " + body + "\n");
  }

  @Test
  void aClientStillSendingATooLargeBodyCanReadThe413() throws Exception {
    EndpointServer server = start(builder());
    RawHttp raw = connect(server);
    byte[] body = new byte[2 << 20];
    raw.send("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + body.length + "\r\n\r\n");
    // The client goes on sending the body it announced while the server has already answered;
    // on a thread of its own, since a blocking write has no place on the common pool.
    CompletableFuture<Void> sending = new CompletableFuture<>();
    new Thread(
            () -> {
              try {
                raw.send(body);
                sending.complete(null);
              } catch (IOException | RuntimeException e) {
                sending.completeExceptionally(e);
              }
            },
            "client-sending-body")
        .start();
    RawHttp.Answer answer = raw.answer();
    assertThat(answer.statusLine()).isEqualTo("HTTP/1.1 413 Content Too Large");
    assertThat(answer.values("Connection")).containsExactly("close");
    assertThat(sending).succeedsWithin(Duration.ofSeconds(10));
    assertThat(raw.read()).isEqualTo(-1);
  }

  @Test
  void aClientThatSendsItsHeadersTooSlowlyIsCutOffAndOthersStillGetAnswers() throws Exception {
    EndpointServer server = start(builder().workers(1).readTimeout(Duration.ofMillis(300)));
    List<RawHttp> slow = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      slow.add(connect(server).send("GET /?k=K HTTP/1.1\r\nHo"));
    }
    for (RawHttp s : slow) {
      assertThat(s.readToClose()).isEmpty(); // closed unanswered by the read deadline
    }
    assertThat(connect(server).send(get("K")).answer().status()).isEqualTo(200);
  }

  @Test
  void aSlowBodyIsCutOffToo() throws Exception {
    EndpointServer server = start(builder().readTimeout(Duration.ofMillis(300)));
    RawHttp raw = connect(server);
    raw.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nsymbn=");
    assertThat(raw.readToClose()).isEmpty();
    assertThat(echo.requests()).isEmpty();
  }

  @Test
  void aKeptAliveConnectionIdleLongerThanIdleTimeoutIsClosed() throws Exception {
    EndpointServer server = start(builder().idleTimeout(Duration.ofMillis(200)));
    RawHttp raw = connect(server);
    assertThat(raw.send(get("K")).answer().status()).isEqualTo(200);
    assertThat(raw.read()).isEqualTo(-1);
  }

  @Test
  void aConnectionThatNeverSendsIsClosedAfterIdleTimeout() throws Exception {
    EndpointServer server = start(builder().idleTimeout(Duration.ofMillis(200)));
    RawHttp raw = connect(server);
    assertThat(raw.read()).isEqualTo(-1);
    assertThat(answers(connect(server), get("K"))).isTrue();
  }

  @Test
  void atMaxConnectionsANewConnectionClosesAnIdleOneToBeServed() throws Exception {
    EndpointServer server = start(builder().maxConnections(2));
    RawHttp first = connect(server);
    RawHttp second = connect(server);
    assertThat(answers(first, get("First"))).isTrue();
    assertThat(answers(second, get("Second"))).isTrue();
    // The client reads an answer a moment before the server's thread marks its connection idle
    // again; a connection arriving in that moment finds none idle and is closed unanswered,
    // evicting nothing. So a new one tries again until one of the two was idle.
    boolean thirdAnswered = false;
    for (int attempt = 0; attempt < 100 && !thirdAnswered; attempt++) {
      thirdAnswered = answers(connect(server), get("Third"));
    }
    assertThat(thirdAnswered).isTrue();
    // One of the two idle ones made room; the other is still served.
    boolean firstAnswers = answers(first, get("First"));
    boolean secondAnswers = answers(second, get("Second"));
    assertThat(firstAnswers ^ secondAnswers).as("exactly one was closed").isTrue();
  }

  @Test
  void atMaxConnectionsWithNoneIdleANewConnectionIsClosedUnanswered() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    EndpointServer server =
        start(
            EndpointServer.builder()
                .bind(new InetSocketAddress("127.0.0.1", 0))
                .endpoint("/", blocking(entered))
                .maxConnections(1)
                .handlerTimeout(Duration.ofSeconds(30)));
    RawHttp busy = connect(server);
    busy.send(get("Busy"));
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
    RawHttp turnedAway = connect(server);
    try {
      turnedAway.send(get("TurnedAway"));
    } catch (SocketException closedFirst) {
      // closed before the request went out: unanswered all the same
    }
    assertThat(turnedAway.readToCloseOrReset()).isEmpty();
    release.countDown();
    RawHttp.Answer answer = busy.answer();
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.bodyText()).isEqualTo("GET /?k=Busy\n");
  }

  @Test
  void closeEndsTheOpenKeptAliveConnections() throws Exception {
    EndpointServer server = start(builder());
    RawHttp first = connect(server);
    RawHttp second = connect(server);
    assertThat(answers(first, get("First"))).isTrue();
    assertThat(answers(second, get("Second"))).isTrue();
    server.close();
    assertThat(first.read()).isEqualTo(-1);
    assertThat(second.read()).isEqualTo(-1);
  }
}
