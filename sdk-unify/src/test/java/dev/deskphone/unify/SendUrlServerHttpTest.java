package dev.deskphone.unify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskphone.core.LedState;
import dev.deskphone.core.Turnled;
import dev.deskphone.core.TurnledResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SendUrlServer's HTTP/1.1 over raw loopback sockets: connections, framing and limits. */
class SendUrlServerHttpTest {
  private static final String CREDENTIALS = "userid=MyUsername&password=MyPassword";

  private final List<AutoCloseable> open = new ArrayList<>();
  private final List<SendUrlRequest> handled = new CopyOnWriteArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void close() throws Exception {
    release.countDown();
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  private SendUrlServer.Builder builder() {
    return SendUrlServer.builder()
        .bind(new InetSocketAddress("127.0.0.1", 0))
        .credentials("MyUsername", "MyPassword")
        .handler(
            request -> {
              handled.add(request);
              return TurnledResponse.of(
                  Turnled.builder(request.symbolicName()).state(LedState.ON).build());
            });
  }

  private SendUrlServer start(SendUrlServer.Builder b) {
    return keep(b.start());
  }

  private RawHttp connect(SendUrlServer server) throws IOException {
    return keep(new RawHttp(server.address().getPort()));
  }

  private <T extends AutoCloseable> T keep(T c) {
    open.add(c);
    return c;
  }

  /** A GET as the key sends it, for key {@code symbn}, with {@code fields} as header lines. */
  private static String get(String symbn, String... fields) {
    return request("GET", "HTTP/1.1", symbn, fields);
  }

  private static String request(String method, String version, String symbn, String... fields) {
    StringBuilder s = new StringBuilder();
    s.append(method).append(" /?").append(CREDENTIALS).append("&symbn=").append(symbn);
    s.append(' ').append(version).append("\r\nHost: 127.0.0.1\r\n");
    for (String field : fields) {
      s.append(field).append("\r\n");
    }
    return s.append("\r\n").toString();
  }

  /** The key a Turnled answer is for. */
  private static String keyOf(RawHttp.Answer answer) {
    return TurnledXml.read(answer.body()).turnleds().get(0).symbolicName();
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

  @Test
  void theAnswerHeadIsWellFormedWithOneContentLengthThatCountsTheBody() throws Exception {
    SendUrlServer server = start(builder());
    RawHttp raw = connect(server);
    RawHttp.Answer answer = raw.send(get("MySymbolicName")).answer();
    assertThat(answer.statusLine()).isEqualTo("HTTP/1.1 200 OK");
    assertThat(answer.values("Content-Length"))
        .containsExactly(Integer.toString(answer.body().length));
    assertThat(answer.body()).isNotEmpty();
    assertThat(answer.values("Content-Type")).containsExactly(TurnledXml.CONTENT_TYPE);
    assertThat(answer.values("Connection")).isEmpty();
    assertThat(answer.fields()).allMatch(f -> f.matches("[A-Za-z-]+: [\\x20-\\x7e]*"));
    assertThat(keyOf(answer)).isEqualTo("MySymbolicName");
  }

  @Test
  void twoRequestsOnOneKeptAliveConnectionAreBothAnswered() throws Exception {
    SendUrlServer server = start(builder());
    RawHttp raw = connect(server);
    RawHttp.Answer first = raw.send(get("First")).answer();
    RawHttp.Answer second = raw.send(get("Second")).answer();
    assertThat(first.status()).isEqualTo(200);
    assertThat(keyOf(first)).isEqualTo("First");
    assertThat(second.status()).isEqualTo(200);
    assertThat(keyOf(second)).isEqualTo("Second");
    assertThat(handled).extracting(SendUrlRequest::symbolicName).containsExactly("First", "Second");
  }

  @Test
  void twoPipelinedGetsInOneWriteAreAnsweredInOrder() throws Exception {
    SendUrlServer server = start(builder());
    RawHttp raw = connect(server);
    raw.send(get("One") + get("Two"));
    RawHttp.Answer one = raw.answer();
    RawHttp.Answer two = raw.answer();
    assertThat(one.status()).isEqualTo(200);
    assertThat(keyOf(one)).isEqualTo("One");
    assertThat(two.status()).isEqualTo(200);
    assertThat(keyOf(two)).isEqualTo("Two");
  }

  @Test
  void connectionCloseIsAnsweredWithConnectionCloseAndThenTheEnd() throws Exception {
    SendUrlServer server = start(builder());
    RawHttp raw = connect(server);
    RawHttp.Answer answer = raw.send(get("K", "Connection: close")).answer();
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.values("Connection")).containsExactly("close");
    assertThat(raw.read()).isEqualTo(-1);
  }

  @Test
  void anHttp10RequestWithoutKeepAliveIsAnsweredAndTheConnectionClosed() throws Exception {
    SendUrlServer server = start(builder());
    RawHttp raw = connect(server);
    RawHttp.Answer answer = raw.send(request("GET", "HTTP/1.0", "K")).answer();
    assertThat(answer.statusLine()).isEqualTo("HTTP/1.1 200 OK");
    assertThat(answer.values("Connection")).containsExactly("close");
    assertThat(raw.read()).isEqualTo(-1);
  }

  @Test
  void anHttp10RequestWithKeepAliveKeepsTheConnectionForTheNext() throws Exception {
    SendUrlServer server = start(builder());
    RawHttp raw = connect(server);
    RawHttp.Answer first =
        raw.send(request("GET", "HTTP/1.0", "First", "Connection: keep-alive")).answer();
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.values("Connection")).containsExactly("keep-alive");
    RawHttp.Answer second = raw.send(request("GET", "HTTP/1.0", "Second")).answer();
    assertThat(second.status()).isEqualTo(200);
    assertThat(keyOf(second)).isEqualTo("Second");
    assertThat(raw.read()).isEqualTo(-1);
  }

  @Test
  void aChunkedFormPostIsAnsweredAndTheHandlerSeesItsParameters() throws Exception {
    SendUrlServer server = start(builder());
    RawHttp raw = connect(server);
    String form = CREDENTIALS + "&symbn=Posted&id=42&note=Gr%C3%BC%C3%9Fe";
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
        "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Content-Type: application/x-www-form-urlencoded\r\n"
            + "Transfer-Encoding: chunked\r\n\r\n"
            + chunks);
    RawHttp.Answer answer = raw.answer();
    assertThat(answer.status()).isEqualTo(200);
    assertThat(keyOf(answer)).isEqualTo("Posted");
    SendUrlRequest seen = handled.get(0);
    assertThat(seen.method()).isEqualTo("POST");
    assertThat(seen.parameter("id")).contains("42");
    assertThat(seen.parameter("note")).contains("Grüße");
    // The connection stays usable after the trailers.
    assertThat(raw.send(get("Next")).answer().status()).isEqualTo(200);
  }

  @Test
  void expect100ContinueGets100ContinueBeforeTheBodyIsSent() throws Exception {
    SendUrlServer server = start(builder());
    RawHttp raw = connect(server);
    byte[] form = (CREDENTIALS + "&symbn=Continued").getBytes(StandardCharsets.US_ASCII);
    raw.send(
        "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Content-Type: application/x-www-form-urlencoded\r\n"
            + "Expect: 100-continue\r\n"
            + "Content-Length: "
            + form.length
            + "\r\n\r\n");
    RawHttp.Answer interim = raw.head();
    assertThat(interim.statusLine()).isEqualTo("HTTP/1.1 100 Continue");
    assertThat(interim.fields()).isEmpty();
    RawHttp.Answer answer = raw.send(form).answer();
    assertThat(answer.status()).isEqualTo(200);
    assertThat(keyOf(answer)).isEqualTo("Continued");
  }

  @Test
  void anExpectationOtherThan100ContinueGets417AndTheConnectionIsClosed() throws Exception {
    SendUrlServer server = start(builder());
    RawHttp raw = connect(server);
    RawHttp.Answer answer = raw.send(get("K", "Expect: something")).answer();
    assertThat(answer.statusLine()).isEqualTo("HTTP/1.1 417 Expectation Failed");
    assertThat(answer.values("Connection")).containsExactly("close");
    assertThat(raw.read()).isEqualTo(-1);
    assertThat(handled).isEmpty();
  }

  @Test
  void headGets405WithAContentLengthButNoBodyBytes() throws Exception {
    SendUrlServer server = start(builder());
    RawHttp raw = connect(server);
    RawHttp.Answer head = raw.send(request("HEAD", "HTTP/1.1", "K")).head();
    assertThat(head.statusLine()).isEqualTo("HTTP/1.1 405 Method Not Allowed");
    assertThat(head.values("Allow")).containsExactly("GET, POST");
    assertThat(Integer.parseInt(head.values("Content-Length").get(0))).isPositive();
    // The endpoint's 405 keeps the connection: the next bytes are the next answer, not a body.
    RawHttp.Answer next = raw.send(get("Next")).answer();
    assertThat(next.statusLine()).isEqualTo("HTTP/1.1 200 OK");
    assertThat(keyOf(next)).isEqualTo("Next");
  }

  @Test
  void headWithConnectionCloseEndsRightAfterTheHead() throws Exception {
    SendUrlServer server = start(builder());
    RawHttp raw = connect(server);
    RawHttp.Answer head = raw.send(request("HEAD", "HTTP/1.1", "K", "Connection: close")).head();
    assertThat(head.status()).isEqualTo(405);
    assertThat(head.values("Content-Length")).isNotEmpty().doesNotContain("0");
    assertThat(raw.read()).isEqualTo(-1);
  }

  @Test
  void aRequestForAnotherPathGets404AndTheConnectionIsClosed() throws Exception {
    SendUrlServer server = start(builder().path("/sendurl"));
    RawHttp raw = connect(server);
    RawHttp.Answer answer = raw.send("GET /other?symbn=K HTTP/1.1\r\nHost: x\r\n\r\n").answer();
    assertThat(answer.statusLine()).isEqualTo("HTTP/1.1 404 Not Found");
    assertThat(answer.values("Connection")).containsExactly("close");
    assertThat(raw.read()).isEqualTo(-1);
  }

  @Test
  void aMalformedRequestGets400AndTheConnectionIsClosed() throws Exception {
    SendUrlServer server = start(builder());
    RawHttp raw = connect(server);
    RawHttp.Answer answer = raw.send("GET / HTTP/1.1\r\nHost : x\r\n\r\n" + get("K")).answer();
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.values("Connection")).containsExactly("close");
    assertThat(raw.read()).isEqualTo(-1);
    assertThat(handled).isEmpty();
  }

  @Test
  void aClientStillSendingATooLargeBodyCanReadThe413() throws Exception {
    SendUrlServer server = start(builder());
    RawHttp raw = connect(server);
    byte[] body = new byte[2 << 20];
    raw.send(
        "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Content-Type: application/x-www-form-urlencoded\r\n"
            + "Content-Length: "
            + body.length
            + "\r\n\r\n");
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
  void aKeptAliveConnectionIdleLongerThanIdleTimeoutIsClosed() throws Exception {
    SendUrlServer server = start(builder().idleTimeout(Duration.ofMillis(200)));
    RawHttp raw = connect(server);
    assertThat(raw.send(get("K")).answer().status()).isEqualTo(200);
    raw.socket().setSoTimeout(10_000);
    assertThat(raw.read()).isEqualTo(-1);
  }

  @Test
  void aConnectionThatNeverSendsIsClosedAfterIdleTimeout() throws Exception {
    SendUrlServer server = start(builder().idleTimeout(Duration.ofMillis(200)));
    RawHttp raw = connect(server);
    assertThat(raw.read()).isEqualTo(-1);
    assertThat(answers(connect(server), get("K"))).isTrue();
  }

  @Test
  void atMaxConnectionsANewConnectionClosesAnIdleOneToBeServed() throws Exception {
    SendUrlServer server = start(builder().maxConnections(2));
    RawHttp first = connect(server);
    RawHttp second = connect(server);
    assertThat(answers(first, get("First"))).isTrue();
    assertThat(answers(second, get("Second"))).isTrue();
    RawHttp third = connect(server);
    assertThat(answers(third, get("Third"))).isTrue();
    // One of the two idle ones made room; the other is still served.
    boolean firstAnswers = answers(first, get("First"));
    boolean secondAnswers = answers(second, get("Second"));
    assertThat(firstAnswers ^ secondAnswers).as("exactly one was closed").isTrue();
  }

  @Test
  void atMaxConnectionsWithNoneIdleANewConnectionIsClosedUnanswered() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    SendUrlServer server =
        start(
            builder()
                .maxConnections(1)
                .handlerTimeout(Duration.ofSeconds(30))
                .handler(
                    request -> {
                      entered.countDown();
                      release.await();
                      return TurnledResponse.of(
                          Turnled.builder(request.symbolicName()).state(LedState.ON).build());
                    }));
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
    assertThat(keyOf(answer)).isEqualTo("Busy");
  }

  @Test
  void closeEndsTheOpenKeptAliveConnections() throws Exception {
    SendUrlServer server = start(builder());
    RawHttp first = connect(server);
    RawHttp second = connect(server);
    assertThat(answers(first, get("First"))).isTrue();
    assertThat(answers(second, get("Second"))).isTrue();
    server.close();
    assertThat(first.read()).isEqualTo(-1);
    assertThat(second.read()).isEqualTo(-1);
  }
}
