package dev.deskphone.core.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** RequestReader over a real loopback connection: raw bytes in on one side, read on the other. */
class RequestReaderTest {
  private static final Limits LIMITS =
      new Limits(
          256, 1024, 8, 64, Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(5));

  private ServerSocket listener;
  private Socket client;
  private Socket accepted;

  @BeforeEach
  void connect() throws IOException {
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    listener = new ServerSocket(0, 1, loopback);
    client = new Socket(loopback, listener.getLocalPort());
    accepted = listener.accept();
  }

  @AfterEach
  void disconnect() throws IOException {
    client.close();
    accepted.close();
    listener.close();
  }

  private static long deadline() {
    return System.nanoTime() + Duration.ofSeconds(10).toNanos();
  }

  private void send(String raw) throws IOException {
    client.getOutputStream().write(raw.getBytes(StandardCharsets.ISO_8859_1));
    client.getOutputStream().flush();
  }

  /** Sends {@code raw} and returns a reader that has seen the first byte of it. */
  private RequestReader reader(String raw, Limits limits) throws IOException {
    send(raw);
    RequestReader reader = new RequestReader(accepted, limits);
    assertThat(reader.awaitRequest(10_000)).isTrue();
    return reader;
  }

  private RequestHead head(String raw) throws Exception {
    return reader(raw, LIMITS).readHead(deadline());
  }

  /** Reads a whole request, head and body, as the connection does. */
  private static byte[] request(RequestReader reader, Limits limits) throws Exception {
    RequestHead head = reader.readHead(deadline());
    int length = RequestReader.bodyLength(head, limits.maxBodyBytes());
    return reader.readBody(length, limits.maxBodyBytes(), deadline());
  }

  /** The status {@code raw} is refused with; fails if it is read as a request. */
  private int refusal(RequestReader reader, Limits limits) throws Exception {
    try {
      byte[] body = request(reader, limits);
      throw new AssertionError("read as a request, body " + body.length + " bytes");
    } catch (BadRequestException e) {
      assertThat(e.getMessage()).isNotBlank();
      return e.status();
    }
  }

  private int refusal(String raw) throws Exception {
    return refusal(reader(raw, LIMITS), LIMITS);
  }

  private static String text(byte[] body) {
    return new String(body, StandardCharsets.ISO_8859_1);
  }

  @Test
  void readsTheRequestLineOfASimpleGet() throws Exception {
    RequestHead head = head("GET /sendurl HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    assertThat(head.method()).isEqualTo("GET");
    assertThat(head.rawPath()).isEqualTo("/sendurl");
    assertThat(head.rawQuery()).isNull();
    assertThat(head.http11()).isTrue();
    assertThat(head.fields()).containsExactly("host", "127.0.0.1");
  }

  @Test
  void keepsTheQueryRawAndTellsAnEmptyQueryFromNone() throws Exception {
    RequestHead head = head("POST /?userid=a%20b&symbn=K+1 HTTP/1.0\r\n\r\n");
    assertThat(head.method()).isEqualTo("POST");
    assertThat(head.rawPath()).isEqualTo("/");
    assertThat(head.rawQuery()).isEqualTo("userid=a%20b&symbn=K+1");
    assertThat(head.http11()).isFalse();
    assertThat(head.fields()).isEmpty();
  }

  @Test
  void aQuestionMarkAloneIsAnEmptyQuery() throws Exception {
    RequestHead head = head("GET /a/b? HTTP/1.1\r\n\r\n");
    assertThat(head.rawPath()).isEqualTo("/a/b");
    assertThat(head.rawQuery()).isEmpty();
  }

  @Test
  void headerNamesAreLowerCasedAndValuesTrimmed() throws Exception {
    RequestHead head =
        head(
            "GET / HTTP/1.1\r\nContent-TYPE: \t text/plain;  charset=UTF-8 \t\r\n"
                + "X-Empty:\r\nx-twice:1\r\nX-Twice: 2\r\n\r\n");
    assertThat(head.fields())
        .containsExactly(
            "content-type",
            "text/plain;  charset=UTF-8",
            "x-empty",
            "",
            "x-twice",
            "1",
            "x-twice",
            "2");
    assertThat(head.header("content-type")).isEqualTo("text/plain;  charset=UTF-8");
    assertThat(head.header("x-twice")).isEqualTo("1");
    assertThat(head.count("x-twice")).isEqualTo(2);
    assertThat(head.header("host")).isNull();
    assertThat(head.count("host")).isZero();
  }

  @Test
  void twoPipelinedRequestsInOneWriteAreReadInTurn() throws Exception {
    RequestReader reader =
        reader(
            "POST /first HTTP/1.1\r\nContent-Length: 3\r\n\r\na=1"
                + "GET /second?x HTTP/1.1\r\nHost: h\r\n\r\n",
            LIMITS);
    RequestHead first = reader.readHead(deadline());
    assertThat(first.rawPath()).isEqualTo("/first");
    assertThat(text(reader.readBody(RequestReader.bodyLength(first, 64), 64, deadline())))
        .isEqualTo("a=1");
    // Nothing more is sent: the second request comes from what the reader holds.
    client.shutdownOutput();
    assertThat(reader.awaitRequest(10_000)).isTrue();
    RequestHead second = reader.readHead(deadline());
    assertThat(second.method()).isEqualTo("GET");
    assertThat(second.rawPath()).isEqualTo("/second");
    assertThat(second.rawQuery()).isEqualTo("x");
    assertThat(RequestReader.bodyLength(second, 64)).isZero();
    assertThat(reader.awaitRequest(10_000)).isFalse();
  }

  @Test
  void readsAContentLengthBody() throws Exception {
    RequestReader reader =
        reader("POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\nsymbn=K&x=", LIMITS);
    RequestHead head = reader.readHead(deadline());
    assertThat(RequestReader.bodyLength(head, 64)).isEqualTo(10);
    assertThat(text(reader.readBody(10, 64, deadline()))).isEqualTo("symbn=K&x=");
  }

  @Test
  void aBodyLongerThanTheBufferIsReadWhole() throws Exception {
    String body = "x".repeat(10_000);
    Limits limits =
        new Limits(
            256,
            1024,
            8,
            20_000,
            Duration.ofSeconds(30),
            Duration.ofSeconds(10),
            Duration.ofSeconds(5));
    RequestReader reader =
        reader("POST / HTTP/1.1\r\nContent-Length: 10000\r\n\r\n" + body, limits);
    assertThat(text(request(reader, limits))).isEqualTo(body);
  }

  @Test
  void readsAChunkedBodyWithExtensionsAndTrailersAndThenTheNextRequest() throws Exception {
    RequestReader reader =
        reader(
            "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "3;name=value\r\nabc\r\n"
                + "A ; ext\r\n0123456789\r\n"
                + "0;last\r\nX-Trailer: t\r\nX-Other: u\r\n\r\n"
                + "GET /next HTTP/1.1\r\n\r\n",
            LIMITS);
    RequestHead head = reader.readHead(deadline());
    int length = RequestReader.bodyLength(head, 64);
    assertThat(length).isEqualTo(RequestReader.CHUNKED);
    assertThat(text(reader.readBody(length, 64, deadline()))).isEqualTo("abc0123456789");
    assertThat(reader.awaitRequest(10_000)).isTrue();
    assertThat(reader.readHead(deadline()).rawPath()).isEqualTo("/next");
  }

  @Test
  void transferEncodingChunkedIsCaseInsensitive() throws Exception {
    RequestReader reader =
        reader("POST / HTTP/1.1\r\nTransfer-Encoding: Chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n", LIMITS);
    assertThat(text(request(reader, LIMITS))).isEqualTo("ok");
  }

  @Test
  void aChunkedBodyOverTheMaxGets413() throws Exception {
    String chunk = "20\r\n" + "x".repeat(32) + "\r\n";
    assertThat(
            refusal(
                "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + chunk
                    + chunk
                    + "1\r\nx\r\n0\r\n\r\n"))
        .isEqualTo(413);
  }

  @Test
  void aContentLengthOverTheMaxGets413BeforeAnyBodyIsRead() throws Exception {
    // No body is sent at all: reading any of it would wait for the deadline instead.
    RequestReader reader = reader("POST / HTTP/1.1\r\nContent-Length: 65\r\n\r\n", LIMITS);
    RequestHead head = reader.readHead(deadline());
    assertThatThrownBy(() -> RequestReader.bodyLength(head, 64))
        .isInstanceOfSatisfying(
            BadRequestException.class, e -> assertThat(e.status()).isEqualTo(413));
    assertThat(RequestReader.bodyLength(head, 65)).isEqualTo(65);
  }

  @Test
  void aHugeContentLengthGets413() throws Exception {
    assertThat(refusal("POST / HTTP/1.1\r\nContent-Length: 999999999999999999\r\n\r\n"))
        .isEqualTo(413);
  }

  @Test
  void contentLengthTogetherWithTransferEncodingGets400() throws Exception {
    assertThat(
            refusal(
                "POST / HTTP/1.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "0\r\n\r\n"))
        .isEqualTo(400);
  }

  @Test
  void differingContentLengthsGet400AndEqualOnesAreOne() throws Exception {
    assertThat(refusal("POST / HTTP/1.1\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nabc"))
        .isEqualTo(400);
  }

  @Test
  void repeatedEqualContentLengthsAreOneLength() throws Exception {
    RequestReader reader =
        reader("POST / HTTP/1.1\r\nContent-Length: 2\r\ncontent-length: 2\r\n\r\nab", LIMITS);
    assertThat(text(request(reader, LIMITS))).isEqualTo("ab");
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "12a", "-1", "+5", "0x10", "1 2", "", "1234567890123456789"})
  void aContentLengthThatIsNotADecimalNumberGets400(String length) throws Exception {
    assertThat(refusal("POST / HTTP/1.1\r\nContent-Length: " + length + "\r\n\r\n")).isEqualTo(400);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Transfer-Encoding: gzip\r\n",
        "Transfer-Encoding: gzip, chunked\r\n",
        "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n",
        "Transfer-Encoding: identity\r\n"
      })
  void aTransferCodingOtherThanChunkedGets501(String fields) throws Exception {
    assertThat(refusal("POST / HTTP/1.1\r\n" + fields + "\r\n0\r\n\r\n")).isEqualTo(501);
  }

  @Test
  void anHttp10ChunkedRequestGets400() throws Exception {
    assertThat(refusal("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"))
        .isEqualTo(400);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n\r\n",
        "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n-1\r\n",
        "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n12345678\r\n",
        "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n0\r\n\r\n"
      })
  void aMalformedChunkGets400(String raw) throws Exception {
    assertThat(refusal(raw)).isEqualTo(400);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "GET / HTTP/1.1\nHost: x\n\n",
        "GET / HTTP/1.1\r\nHost: x\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\r\n\n",
        "\nGET / HTTP/1.1\r\n\r\n"
      })
  void aBareLineFeedGets400(String raw) throws Exception {
    assertThat(refusal(raw)).isEqualTo(400);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "GET / HTTP/1.1\rHost: x\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: a\rb\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\r\r\n\r\n",
        "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX-T: a\rb\r\n\r\n"
      })
  void aLoneCarriageReturnGets400(String raw) throws Exception {
    assertThat(refusal(raw)).isEqualTo(400);
  }

  @Test
  void aFoldedHeaderGets400() throws Exception {
    assertThat(refusal("GET / HTTP/1.1\r\nX-A: one\r\n two\r\n\r\n")).isEqualTo(400);
    assertThat(refusal("GET / HTTP/1.1\r\nX-A: one\r\n\ttwo\r\n\r\n")).isEqualTo(400);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Host : x", "Ho st: x", ": x", "Host", "Höst: x", "X(y): z", " Host: x"})
  void aHeaderLineWithoutAValidFieldNameGets400(String line) throws Exception {
    assertThat(refusal("GET / HTTP/1.1\r\n" + line + "\r\n\r\n")).isEqualTo(400);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\u0001b", "a\u0000b", "a\u007fb", "a\u001bb"})
  void aControlCharacterInAHeaderValueGets400(String value) throws Exception {
    assertThat(refusal("GET / HTTP/1.1\r\nX-A: " + value + "\r\n\r\n")).isEqualTo(400);
  }

  @Test
  void aTabInsideAHeaderValueIsKept() throws Exception {
    assertThat(head("GET / HTTP/1.1\r\nX-A: a\tb\r\n\r\n").header("x-a")).isEqualTo("a\tb");
  }

  @ParameterizedTest
  @ValueSource(strings = {"*", "sendurl", "?symbn=K", "%2F", "ftp://127.0.0.1/", "http:/x"})
  void aRequestTargetNotStartingWithASlashOrHttpGets400(String target) throws Exception {
    assertThat(refusal("GET " + target + " HTTP/1.1\r\n\r\n")).isEqualTo(400);
  }

  @ParameterizedTest
  @CsvSource({
    "http://127.0.0.1:8080/sendurl?symbn=K, /sendurl, symbn=K",
    "HTTPS://host/, /, ",
    "http://host, /, ",
    "http://host?a=/b, /, a=/b"
  })
  void anAbsoluteFormTargetIsReadAsItsPathAndQuery(String target, String path, String query)
      throws Exception {
    RequestHead head = head("GET " + target + " HTTP/1.1\r\n\r\n");
    assertThat(head.rawPath()).isEqualTo(path);
    assertThat(head.rawQuery()).isEqualTo(query);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http:///sendurl",
        "http://?symbn=K",
        "http://:8080/",
        "http://user@127.0.0.1/",
        "http://a%zz/",
        "http://[::1/",
        "http://127.0.0.1:80a/",
        "http://a\u0001b/",
        "http://a#b/"
      })
  void anAbsoluteFormTargetWithoutAValidHostGets400(String target) throws Exception {
    assertThat(refusal("GET " + target + " HTTP/1.1\r\nHost: h\r\n\r\n")).isEqualTo(400);
  }

  /** The status {@link RequestReader#checkHost} refuses the head of {@code raw} with. */
  private int hostRefusal(String raw) throws Exception {
    RequestHead head = head(raw);
    try {
      RequestReader.checkHost(head);
      throw new AssertionError("Host accepted: " + head.fields());
    } catch (BadRequestException e) {
      assertThat(e.getMessage()).containsIgnoringCase("host");
      return e.status();
    }
  }

  @Test
  void anHttp11RequestWithoutHostIsRefused() throws Exception {
    assertThat(hostRefusal("GET / HTTP/1.1\r\nX-A: 1\r\n\r\n")).isEqualTo(400);
  }

  @Test
  void anHttp10RequestWithoutHostIsTaken() throws Exception {
    RequestReader.checkHost(head("GET / HTTP/1.0\r\nX-A: 1\r\n\r\n"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"HTTP/1.1", "HTTP/1.0"})
  void twoHostLinesAreRefusedEvenWhenTheyAgree(String version) throws Exception {
    assertThat(hostRefusal("GET / " + version + "\r\nHost: h\r\nX-A: 1\r\nhost: h\r\n\r\n"))
        .isEqualTo(400);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a b",
        "a\tb",
        "host:port80",
        "host:80:81",
        "user@host",
        "a/b",
        "a\\b",
        "a%2",
        "a%g0",
        "h\u00e9",
        "::1",
        "[::1",
        "::1]",
        "[::1]x",
        "[::1]:x",
        "[]",
        "[1::2::3]",
        "[:1::]",
        "[1:]",
        "[12345::]",
        "[1:2:3:4:5:6:7]",
        "[1:2:3:4:5:6:7:8:9]",
        "[1:2:3:4:5:6:7::8]",
        "[::1.2.3]",
        "[::256.0.0.1]",
        "[::01.0.0.1]",
        "[1.2.3.4]",
        "[fe80::1%25eth0]",
        "[v.x]",
        "[vg.x]",
        "[v1.]",
        "[v1.a/b]"
      })
  void aHostThatIsNotUriHostAndPortIsRefused(String value) throws Exception {
    assertThat(hostRefusal("GET / HTTP/1.1\r\nHost: " + value + "\r\n\r\n")).isEqualTo(400);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "127.0.0.1:8080",
        "phone.example",
        "PHONE.example:",
        "a-b_c~d.e!$&'()*+,;=",
        "%41%4a",
        "999.1.1.1",
        "[::]",
        "[::1]:80",
        "[1:2:3:4:5:6:7:8]",
        "[1::]",
        "[::1:2:3:4:5:6:7]",
        "[1:2:3:4:5:6::]",
        "[::ffff:192.0.2.7]",
        "[1:2:3:4:5:6:255.255.255.0]",
        "[ABCD:ef01::9]",
        "[v1.fe80::a+en1]",
        "[V7F.a:b]",
        ":8080",
        ""
      })
  void aHostThatIsUriHostAndPortIsTaken(String value) throws Exception {
    RequestReader.checkHost(head("GET / HTTP/1.1\r\nHost: " + value + "\r\n\r\n"));
  }

  @Test
  void anAbsoluteFormRequestStillNeedsItsOneHost() throws Exception {
    assertThat(hostRefusal("GET http://h/ HTTP/1.1\r\n\r\n")).isEqualTo(400);
    assertThat(hostRefusal("GET http://h/ HTTP/1.1\r\nHost: h\r\nHost: h\r\n\r\n")).isEqualTo(400);
    RequestReader.checkHost(head("GET http://h/ HTTP/1.1\r\nHost: other\r\n\r\n"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/a#b", "/?symbn=K#frag", "/\u00e4", "/a\u007f", "/a\tb", "/a\u0001"})
  void aRequestTargetWithAFragmentOrAByteNotAllowedGets400(String target) throws Exception {
    assertThat(refusal("GET " + target + " HTTP/1.1\r\n\r\n")).isEqualTo(400);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "GET /a b HTTP/1.1",
        "GET  / HTTP/1.1",
        "GET / HTTP/1.1 ",
        "GET /",
        "GET",
        " GET / HTTP/1.1",
        "G(T / HTTP/1.1"
      })
  void aRequestLineNotMadeOfMethodTargetAndVersionGets400(String line) throws Exception {
    assertThat(refusal(line + "\r\n\r\n")).isEqualTo(400);
  }

  @Test
  void aRequestTargetOfExactlyMaxRequestLineIsRead() throws Exception {
    String longest = "/" + "a".repeat(LIMITS.maxRequestLine() - 1);
    assertThat(head("GET " + longest + " HTTP/1.1\r\n\r\n").rawPath()).isEqualTo(longest);
  }

  @Test
  void aRequestTargetOneOverMaxRequestLineGets414() throws Exception {
    String target = "/" + "a".repeat(LIMITS.maxRequestLine());
    assertThat(refusal("GET " + target + " HTTP/1.1\r\n\r\n")).isEqualTo(414);
  }

  @Test
  void aRequestLineFarLongerThanTheLimitGets414WithoutWaitingForItsEnd() throws Exception {
    // Never ends: the reader must refuse it by its length, not wait for the CRLF.
    assertThat(refusal(reader("GET /" + "a".repeat(5000), LIMITS), LIMITS)).isEqualTo(414);
  }

  @Test
  void exactlyMaxHeadersFieldsAreRead() throws Exception {
    StringBuilder raw = new StringBuilder("GET / HTTP/1.1\r\n");
    for (int i = 0; i < LIMITS.maxHeaders(); i++) {
      raw.append("X-").append(i).append(": v\r\n");
    }
    assertThat(head(raw + "\r\n").fields()).hasSize(2 * LIMITS.maxHeaders());
  }

  @Test
  void oneHeaderFieldOverMaxHeadersGets431() throws Exception {
    StringBuilder raw = new StringBuilder("GET / HTTP/1.1\r\n");
    for (int i = 0; i <= LIMITS.maxHeaders(); i++) {
      raw.append("X-").append(i).append(": v\r\n");
    }
    assertThat(refusal(raw + "\r\n")).isEqualTo(431);
  }

  @Test
  void exactlyMaxHeaderBytesAreRead() throws Exception {
    // 1024 bytes of fields with their CRLFs fit; one more does not.
    String fits = "X-A: " + "v".repeat(LIMITS.maxHeaderBytes() - 7) + "\r\n";
    assertThat(fits).hasSize(LIMITS.maxHeaderBytes());
    assertThat(head("GET / HTTP/1.1\r\n" + fits + "\r\n").header("x-a")).hasSize(1017);
  }

  @Test
  void oneHeaderByteOverMaxHeaderBytesGets431() throws Exception {
    String over = "X-A: " + "v".repeat(LIMITS.maxHeaderBytes() - 6) + "\r\n";
    assertThat(refusal("GET / HTTP/1.1\r\n" + over + "\r\n")).isEqualTo(431);
  }

  @Test
  void headerBytesOverTheLimitAcrossManyFieldsGet431() throws Exception {
    String field = "X-A: " + "v".repeat(300) + "\r\n";
    assertThat(refusal("GET / HTTP/1.1\r\n" + field.repeat(4) + "\r\n")).isEqualTo(431);
  }

  @Test
  void endlessHeadersGet431WithoutWaitingForTheirEnd() throws Exception {
    assertThat(refusal(reader("GET / HTTP/1.1\r\nX-A: " + "v".repeat(5000), LIMITS), LIMITS))
        .isEqualTo(431);
  }

  @ParameterizedTest
  @ValueSource(strings = {"HTTP/2.0", "HTTP/2", "HTTP/3.0", "HTTP/0.9", "HTTP/1.2"})
  void aVersionOtherThan10Or11Gets505(String version) throws Exception {
    assertThat(refusal("GET / " + version + "\r\n\r\n")).isEqualTo(505);
  }

  @ParameterizedTest
  @ValueSource(strings = {"http/1.1", "HTTP/1.1x", "HTTP/11", "HTTP/", "FOO", "HTTP/1.1.1"})
  void aGarbageVersionGets400(String version) throws Exception {
    assertThat(refusal("GET / " + version + "\r\n\r\n")).isEqualTo(400);
  }

  @Test
  void leadingEmptyLinesBeforeTheRequestLineAreSkipped() throws Exception {
    RequestHead head = head("\r\n\r\n\r\nGET /after HTTP/1.1\r\n\r\n");
    assertThat(head.rawPath()).isEqualTo("/after");
  }

  @Test
  void moreThanAFewLeadingEmptyLinesGet400() throws Exception {
    assertThat(refusal("\r\n".repeat(20) + "GET / HTTP/1.1\r\n\r\n")).isEqualTo(400);
  }

  @Test
  void aDeadlineThatPassesMidHeadIsASocketTimeout() throws Exception {
    RequestReader reader = reader("GET / HTTP/1.1\r\nHo", LIMITS);
    long soon = System.nanoTime() + Duration.ofMillis(100).toNanos();
    assertThatThrownBy(() -> reader.readHead(soon)).isInstanceOf(SocketTimeoutException.class);
  }

  @Test
  void aDeadlineAlreadyPastIsASocketTimeoutOnceMoreBytesAreNeeded() throws Exception {
    RequestReader reader = reader("POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nab", LIMITS);
    RequestHead head = reader.readHead(deadline());
    long past = System.nanoTime() - 1;
    assertThatThrownBy(() -> reader.readBody(5, 64, past))
        .isInstanceOf(SocketTimeoutException.class);
  }

  @Test
  void nothingWithinTheIdleTimeIsASocketTimeout() throws Exception {
    RequestReader reader = new RequestReader(accepted, LIMITS);
    assertThatThrownBy(() -> reader.awaitRequest(50)).isInstanceOf(SocketTimeoutException.class);
  }

  @Test
  void aClientThatClosesMidHeadIsAnEndOfFile() throws Exception {
    RequestReader reader = reader("GET / HTTP/1.1\r\nHost: x\r\n", LIMITS);
    client.shutdownOutput();
    assertThatThrownBy(() -> reader.readHead(deadline())).isInstanceOf(EOFException.class);
  }

  @Test
  void aClientThatClosesMidBodyIsAnEndOfFile() throws Exception {
    RequestReader reader = reader("POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc", LIMITS);
    RequestHead head = reader.readHead(deadline());
    client.shutdownOutput();
    assertThatThrownBy(() -> reader.readBody(RequestReader.bodyLength(head, 64), 64, deadline()))
        .isInstanceOf(EOFException.class);
  }

  @Test
  void aClientThatClosesMidChunkIsAnEndOfFile() throws Exception {
    RequestReader reader =
        reader("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab", LIMITS);
    RequestHead head = reader.readHead(deadline());
    client.shutdownOutput();
    assertThatThrownBy(() -> reader.readBody(RequestReader.bodyLength(head, 64), 64, deadline()))
        .isInstanceOf(EOFException.class);
  }

  @Test
  void aCleanCloseBeforeAnyByteIsNoRequest() throws Exception {
    client.shutdownOutput();
    assertThat(new RequestReader(accepted, LIMITS).awaitRequest(10_000)).isFalse();
  }

  @Test
  void aRequestThatArrivesAByteAtATimeIsReadWhole() throws Exception {
    String raw =
        "POST /?symbn=K HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: a/b\r\n"
            + "Transfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\nX-T: t\r\n\r\n"
            + "GET /next HTTP/1.1\r\nX-A: 1\r\n\r\n";
    send(raw);
    RequestReader reader = new RequestReader(new Trickle(accepted, 1), LIMITS);
    assertThat(reader.awaitRequest(10_000)).isTrue();
    RequestHead head = reader.readHead(deadline());
    assertThat(head.fields())
        .containsExactly(
            "host", "127.0.0.1", "content-type", "a/b", "transfer-encoding", "chunked");
    assertThat(text(reader.readBody(RequestReader.bodyLength(head, 64), 64, deadline())))
        .isEqualTo("abc");
    assertThat(reader.awaitRequest(10_000)).isTrue();
    RequestHead next = reader.readHead(deadline());
    assertThat(next.rawPath()).isEqualTo("/next");
    assertThat(next.fields()).containsExactly("x-a", "1");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 7, 100})
  void aHeadSplitAcrossReadsIsReadWhole(int step) throws Exception {
    StringBuilder raw = new StringBuilder("GET /?symbn=K HTTP/1.1\r\n");
    for (int i = 0; i < LIMITS.maxHeaders(); i++) {
      raw.append("X-Field-").append(i).append(": value ").append(i).append("\r\n");
    }
    send(raw + "\r\n");
    RequestReader reader = new RequestReader(new Trickle(accepted, step), LIMITS);
    assertThat(reader.awaitRequest(10_000)).isTrue();
    RequestHead head = reader.readHead(deadline());
    assertThat(head.fields()).hasSize(2 * LIMITS.maxHeaders());
    for (int i = 0; i < LIMITS.maxHeaders(); i++) {
      assertThat(head.header("x-field-" + i)).isEqualTo("value " + i);
    }
  }

  @Test
  void aLoneCarriageReturnAtTheEndOfAReadGets400() throws Exception {
    send("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX-T: a\rb\r\n\r\n");
    RequestReader reader = new RequestReader(new Trickle(accepted, 1), LIMITS);
    assertThat(reader.awaitRequest(10_000)).isTrue();
    assertThat(refusal(reader, LIMITS)).isEqualTo(400);
  }

  private static RequestHead head(boolean http11, String... fields) {
    return new RequestHead("GET", "/", null, http11, List.of(fields));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "true  |                     | true",
        "true  | close               | false",
        "true  | Close               | false",
        "true  | keep-alive          | true",
        "true  | Upgrade, close      | false",
        "true  | TE,\tClose          | false",
        "true  | closed              | true",
        "false |                     | false",
        "false | keep-alive          | true",
        "false | Keep-Alive          | true",
        "false | Keep-Alive, Upgrade | true",
        "false | Upgrade ,keep-alive | true",
        "false | close               | false",
        "false | keep-alive-ish      | false",
      })
  void keepAliveFollowsTheVersionAndTheConnectionTokens(
      boolean http11, String connection, boolean keepAlive) {
    RequestHead head =
        connection == null ? head(http11) : head(http11, "connection", connection.strip());
    assertThat(head.keepAlive()).isEqualTo(keepAlive);
  }

  @Test
  void expectsContinueOnlyFor100Continue() {
    assertThat(head(true, "expect", "100-continue").expectsContinue()).isTrue();
    assertThat(head(true, "expect", "100-Continue").expectsContinue()).isTrue();
    assertThat(head(true).expectsContinue()).isFalse();
    assertThat(head(true, "expect", "something").expectsContinue()).isFalse();
    assertThat(head(true, "expect", "100-continue-ish").expectsContinue()).isFalse();
  }

  /** The accepted socket, but each read returns at most {@code step} bytes. */
  private static final class Trickle extends Socket {
    private final Socket real;
    private final int step;

    Trickle(Socket real, int step) {
      this.real = real;
      this.step = step;
    }

    @Override
    public InputStream getInputStream() throws IOException {
      return new FilterInputStream(real.getInputStream()) {
        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          return super.read(b, off, Math.min(len, step));
        }
      };
    }

    @Override
    public void setSoTimeout(int timeout) throws SocketException {
      real.setSoTimeout(timeout);
    }
  }
}
