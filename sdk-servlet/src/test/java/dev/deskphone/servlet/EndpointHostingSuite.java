package dev.deskphone.servlet;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.deskphone.core.PhoneHeaders;
import dev.deskphone.core.server.EndpointRequest;
import dev.deskphone.core.server.EndpointResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every host of a {@link dev.deskphone.core.server.PhoneEndpoint} does, checked over loopback
 * with {@code java.net.http} and raw sockets. A subclass names the {@link EndpointHost}; the suite
 * starts it once for the class with a {@link RecordingEndpoint}, which each test tells how to
 * answer. Hosts read bodies of up to {@link #MAX_BODY_BYTES} and run at least {@link #CONCURRENT}
 * requests at once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EndpointHostingSuite {
  /** The body cap every host is set to: {@link EndpointServlet}'s default. */
  static final int MAX_BODY_BYTES = 64 * 1024;

  /** How many requests every host runs at once. */
  static final int CONCURRENT = 20;

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final RecordingEndpoint endpoint = new RecordingEndpoint();
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
  private EndpointHost.Hosted hosted;

  /** The host under test. */
  abstract EndpointHost host();

  @BeforeAll
  final void startHost() throws Exception {
    hosted = host().start(endpoint);
  }

  @AfterAll
  final void stopHost() {
    if (hosted != null) {
      hosted.close();
    }
  }

  @BeforeEach
  final void forgetRequests() {
    endpoint.reset();
  }

  @Test
  void getReachesTheEndpointWithRawTargetHeadersAndPeer() throws Exception {
    String relative = "keys/caf%C3%A9%23?symbn=Door%23&label=%C3%A4+b%2B&empty=";
    String target = path(relative);

    RawExchange.Answer answer =
        send(head("GET", relative, "X-Phone: CP600\r\nX-Multi: a\r\nX-Multi: b\r\n"));

    assertThat(answer.status()).isEqualTo(200);
    EndpointRequest request = endpoint.onlyRequest();
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.target()).isEqualTo(target);
    assertThat(request.rawQuery()).contains("symbn=Door%23&label=%C3%A4+b%2B&empty=");
    assertThat(request.header("Host")).contains(authority());
    assertThat(request.header("x-phone")).contains("CP600");
    assertThat(request.headers().allValues("X-Multi")).containsExactly("a", "b");
    assertThat(request.bodyLength()).isZero();
    assertThat(request.peer().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
    assertThat(request.peer().getPort()).isEqualTo(answer.clientPort());
  }

  @Test
  void postedFormArrivesByteForByte() throws Exception {
    byte[] form = "symbn=Door&label=T\u00fcr \u2713 50%25&name=a+b".getBytes(UTF_8);

    HttpResponse<String> response =
        client.send(
            request("keys")
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(form))
                .build(),
            BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    EndpointRequest request = endpoint.onlyRequest();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.target()).isEqualTo(path("keys"));
    assertThat(request.rawQuery()).isEmpty();
    assertThat(request.body()).isEqualTo(form);
    assertThat(request.header("Content-Type").map(EndpointHostingSuite::mediaType))
        .contains("application/x-www-form-urlencoded;charset=utf-8");
    assertThat(request.header("Content-Length")).contains(String.valueOf(form.length));
  }

  @Test
  void answerIsWrittenAsGivenWithItsByteLength() throws Exception {
    byte[] xml = "<Label>T\u00fcr \u2713 \u00e4</Label>".getBytes(UTF_8);
    endpoint.answerWith(
        request ->
            EndpointResponse.of(
                200,
                PhoneHeaders.of(
                    "Content-Type", "text/xml; charset=UTF-8",
                    "X-Led", "FLASH",
                    "X-Multi", "a",
                    "X-Multi", "b"),
                xml));

    RawExchange.Answer answer = send(head("GET", "led", ""));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.values("Content-Length")).containsExactly(String.valueOf(xml.length));
    assertThat(answer.body()).isEqualTo(xml);
    assertThat(answer.values("X-Led")).containsExactly("FLASH");
    assertThat(answer.values("X-Multi")).containsExactly("a", "b");
    assertThat(answer.values("Content-Type"))
        .singleElement()
        .extracting(EndpointHostingSuite::mediaType)
        .isEqualTo("text/xml;charset=utf-8");
    assertThat(answer.values("Transfer-Encoding")).isEmpty();
    assertThat(answer.values("Set-Cookie")).isEmpty();
  }

  @Test
  void errorStatusesPassThroughWithTheirBodies() throws Exception {
    endpoint.answerWith(
        request ->
            request.rawQuery().orElse("").equals("busy")
                ? EndpointResponse.of(
                    503, PhoneHeaders.of("Retry-After", "5"), "busy".getBytes(UTF_8))
                : EndpointResponse.text(403, "forbidden"));

    HttpResponse<String> forbidden = client.send(request("key").build(), BodyHandlers.ofString());
    HttpResponse<String> busy = client.send(request("key?busy").build(), BodyHandlers.ofString());

    assertThat(forbidden.statusCode()).isEqualTo(403);
    assertThat(forbidden.body()).isEqualTo("forbidden\n");
    assertThat(busy.statusCode()).isEqualTo(503);
    assertThat(busy.headers().firstValue("Retry-After")).contains("5");
    assertThat(busy.body()).isEqualTo("busy");
    assertThat(endpoint.requests()).hasSize(2);
  }

  @Test
  void bodyOfExactlyTheCapArrivesWhole() throws Exception {
    byte[] body = new byte[MAX_BODY_BYTES];
    Arrays.fill(body, (byte) 'x');

    HttpResponse<String> response =
        client.send(
            request("keys").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
            BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(endpoint.onlyRequest().body()).isEqualTo(body);
  }

  @Test
  void declaredLengthOverTheCapGets413BeforeTheBodyIsSent() throws Exception {
    // Only the head goes: the answer must come without waiting for the body.
    String head =
        head(
            "POST",
            "keys",
            "Content-Type: application/octet-stream\r\nContent-Length: "
                + (MAX_BODY_BYTES + 1)
                + "\r\n");

    RawExchange.Answer answer = RawExchange.byLength(uri(), head, new byte[0]);

    assertThat(answer.status()).isEqualTo(413);
    assertThat(endpoint.requests()).isEmpty();
  }

  @Test
  void chunkedBodyOverTheCapGets413() throws Exception {
    byte[] chunk = new byte[MAX_BODY_BYTES + 1];
    Arrays.fill(chunk, (byte) 'x');
    String head =
        head("POST", "keys", "Transfer-Encoding: chunked\r\n")
            + Integer.toHexString(chunk.length)
            + "\r\n";
    byte[] rest = concat(chunk, "\r\n0\r\n\r\n".getBytes(UTF_8));

    RawExchange.Answer answer = RawExchange.byLength(uri(), head, rest);

    assertThat(answer.status()).isEqualTo(413);
    assertThat(endpoint.requests()).isEmpty();
  }

  @Test
  void endpointThatThrowsGets500WithoutItsMessage() throws Exception {
    endpoint.answerWith(
        request -> {
          throw new IllegalStateException("secret-7f3a in the message");
        });

    HttpResponse<String> response = client.send(request("key").build(), BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).doesNotContain("secret-7f3a", "IllegalStateException", "at ");
    assertThat(endpoint.requests()).hasSize(1);
  }

  @Test
  void headGoesToTheEndpointAndTheAnswerHasNoBody() throws Exception {
    endpoint.answerWith(request -> EndpointResponse.text(200, "hello"));

    RawExchange.Answer answer = send(head("HEAD", "key", ""));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).isEmpty();
    // A host may leave Content-Length out; if it is there, it is that of the body GET would get.
    assertThat(answer.values("Content-Length")).allMatch("6"::equals);
    assertThat(endpoint.onlyRequest().method()).isEqualTo("HEAD");
  }

  @Test
  void noContentGoesWithoutBodyOrLength() throws Exception {
    endpoint.answerWith(request -> EndpointResponse.of(204, PhoneHeaders.empty(), new byte[0]));

    RawExchange.Answer answer = send(head("GET", "key", ""));

    assertThat(answer.status()).isEqualTo(204);
    assertThat(answer.values("Content-Length")).isEmpty();
    assertThat(answer.values("Transfer-Encoding")).isEmpty();
    assertThat(answer.body()).isEmpty();
  }

  @Test
  void targetOrHeaderThatCannotFormARequestGets400() throws Exception {
    // Heads go as ISO-8859-1: U+00C3 U+00A9 are the raw UTF-8 bytes of an e with acute accent.
    // A container may refuse some of these itself (both refuse the path); either way, a 400.
    RawExchange.Answer path = send(head("GET", "caf\u00c3\u00a9", ""));
    RawExchange.Answer query = send(head("GET", "key?label=caf\u00c3\u00a9", ""));
    RawExchange.Answer header = send(head("GET", "key", "X-Odd: a\u0085b\r\n"));

    assertThat(List.of(path.status(), query.status(), header.status())).containsOnly(400);
    assertThat(endpoint.requests()).isEmpty();
  }

  @Test
  void concurrentRequestsRunAtOnceAndEachGetsItsOwnAnswer() throws Exception {
    CountDownLatch allIn = new CountDownLatch(CONCURRENT);
    endpoint.answerWith(
        request -> {
          allIn.countDown();
          try {
            // Each answer waits until every request is in the endpoint: they run at once.
            boolean together = allIn.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return EndpointResponse.text(200, together + " " + request.rawQuery().orElseThrow());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return EndpointResponse.text(503, "interrupted");
          }
        });

    List<CompletableFuture<HttpResponse<String>>> answers =
        IntStream.range(0, CONCURRENT)
            .mapToObj(i -> client.sendAsync(request("n?" + i).build(), BodyHandlers.ofString()))
            .toList();

    for (int i = 0; i < CONCURRENT; i++) {
      HttpResponse<String> response = answers.get(i).get(2 * TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("true " + i + "\n");
    }
    assertThat(endpoint.requests()).hasSize(CONCURRENT);
  }

  private URI uri() {
    return hosted.uri();
  }

  /** The raw path of {@code relative} below the mount point. */
  private String path(String relative) {
    return uri().getRawPath() + relative;
  }

  private String authority() {
    return uri().getRawAuthority();
  }

  private HttpRequest.Builder request(String relative) {
    return HttpRequest.newBuilder(uri().resolve(relative)).timeout(TIMEOUT);
  }

  /**
   * A request head for {@code relative} below the mount point, with {@code Host}, {@code fields}
   * (each line ending in CRLF) and {@code Connection: close}.
   */
  private String head(String method, String relative, String fields) {
    return method
        + " "
        + path(relative)
        + " HTTP/1.1\r\nHost: "
        + authority()
        + "\r\n"
        + fields
        + "Connection: close\r\n\r\n";
  }

  /** Sends a head without a body and reads the answer until the host closes. */
  private RawExchange.Answer send(String head) throws Exception {
    return RawExchange.toClose(uri(), head, new byte[0]);
  }

  /**
   * A Content-Type without spaces, in lower case: containers rewrite it to the same media type
   * (Jetty lower-cases the charset, Tomcat drops the space before it).
   */
  static String mediaType(String contentType) {
    return contentType.replace(" ", "").toLowerCase(Locale.ROOT);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
