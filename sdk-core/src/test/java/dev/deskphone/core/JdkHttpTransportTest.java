package dev.deskphone.core;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

// A safety net against a hang; every wait inside a test has its own, shorter limit.
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class JdkHttpTransportTest {
  private static final HeldCertificate PHONE_BY_NAME =
      new HeldCertificate.Builder()
          .commonName("phone.example")
          .addSubjectAlternativeName("phone.example")
          .build();
  private static final HeldCertificate OTHER =
      new HeldCertificate.Builder().commonName("other.example").build();
  private static final int LIMIT = 1000;

  private final JdkHttpTransport capped =
      JdkHttpTransport.builder().maxResponseBytes(LIMIT).build();
  private final JdkHttpTransport transport = JdkHttpTransport.create();

  @AfterEach
  void close() {
    capped.close();
    transport.close();
  }

  // --- response body limit ---

  @Test
  void announcedBodyOverTheLimitFailsWithTooLargeCarryingTheStatus() throws Exception {
    try (JdkTestServer server = JdkTestServer.http(answer(203, LIMIT + 1, false))) {
      Throwable error = failure(capped.send(PhoneRequest.get(server.uri("/big.xml"))));

      assertTooLarge(error, server);
    }
  }

  @Test
  void chunkedBodyOverTheLimitFailsWithTooLargeCarryingTheStatus() throws Exception {
    try (JdkTestServer server = JdkTestServer.http(answer(203, LIMIT + 1, true))) {
      Throwable error = failure(capped.send(PhoneRequest.get(server.uri("/big.xml"))));

      assertTooLarge(error, server);
    }
  }

  @ParameterizedTest(name = "chunked={0}")
  @ValueSource(booleans = {false, true})
  void bodyExactlyAtTheLimitIsReturnedWhole(boolean chunked) throws Exception {
    try (JdkTestServer server = JdkTestServer.http(answer(203, LIMIT, chunked))) {
      PhoneResponse response =
          capped.send(PhoneRequest.get(server.uri("/big.xml"))).get(10, SECONDS);

      assertThat(response.status()).isEqualTo(203);
      assertThat(response.body()).isEqualTo(body(LIMIT));
    }
  }

  @Test
  void hugeBodyIsCutOffNotDrained() throws Exception {
    int size = 64 * 1024 * 1024;
    AtomicBoolean wroteItAll = new AtomicBoolean();
    CountDownLatch handlerDone = new CountDownLatch(1);
    HttpHandler endless =
        exchange -> {
          try {
            exchange.sendResponseHeaders(200, size);
            OutputStream out = exchange.getResponseBody();
            byte[] piece = new byte[64 * 1024];
            for (int written = 0; written < size; written += piece.length) {
              out.write(piece);
            }
            out.close();
            wroteItAll.set(true);
          } catch (IOException expected) {
            // the client hung up
          } finally {
            handlerDone.countDown();
          }
        };
    try (JdkTestServer server = JdkTestServer.http(endless)) {
      Throwable error = failure(capped.send(PhoneRequest.get(server.uri("/"))));

      assertThat(error).isInstanceOf(PhoneResponseTooLargeException.class);
      assertThat(handlerDone.await(10, SECONDS)).isTrue();
      assertThat(wroteItAll).as("the client closed the connection").isFalse();
    }
  }

  // --- TLS ---

  @Test
  void pinnedCertificateNamingOnlyAHostNameIsTrustedWhenConnectingByIp() throws Exception {
    try (JdkTestServer server = JdkTestServer.https(answer(200, "ok"), PHONE_BY_NAME)) {
      PhoneRequest request =
          PhoneRequest.builder("GET", server.uri("/status")).tls(pin(PHONE_BY_NAME)).build();
      PhoneResponse response = transport.send(request).get(10, SECONDS);

      assertThat(response.status()).isEqualTo(200);
      assertThat(response.bodyText()).isEqualTo("ok");
      assertThat(server.requestCount()).isEqualTo(1);
    }
  }

  @Test
  void wrongPinFailsAsTlsConnectFailureWithNothingSent() throws Exception {
    try (JdkTestServer server = JdkTestServer.https(answer(200, "ok"), PHONE_BY_NAME)) {
      PhoneRequest request =
          PhoneRequest.builder("GET", server.uri("/status")).tls(pin(OTHER)).build();
      Throwable error = failure(transport.send(request));

      assertThat(error)
          .isInstanceOf(PhoneTlsException.class)
          .isInstanceOf(PhoneConnectException.class)
          .hasMessageStartingWith("GET /status on " + phone(server) + ": TLS handshake failed");
      assertThat(server.requestCount()).as("requests that reached the handler").isZero();
    }
  }

  @Test
  void oneTransportTrustsEachPhoneByItsOwnPin() throws Exception {
    try (JdkTestServer a = JdkTestServer.https(answer(200, "a"), PHONE_BY_NAME);
        JdkTestServer b = JdkTestServer.https(answer(200, "b"), OTHER)) {
      PhoneRequest toA = PhoneRequest.builder("GET", a.uri("/")).tls(pin(PHONE_BY_NAME)).build();
      PhoneRequest toB = PhoneRequest.builder("GET", b.uri("/")).tls(pin(OTHER)).build();

      for (int i = 0; i < 2; i++) {
        assertThat(transport.sendAndWait(toA).bodyText()).isEqualTo("a");
        assertThat(transport.send(toB).get(10, SECONDS).bodyText()).isEqualTo("b");
      }
      assertThat(a.requestCount()).isEqualTo(2);
      assertThat(b.requestCount()).isEqualTo(2);
    }
  }

  @Test
  void aPhoneWhosePolicyChangesIsCheckedAnewNotOverAKeptAliveConnection() throws Exception {
    try (JdkTestServer server = JdkTestServer.https(answer(200, "ok"), PHONE_BY_NAME)) {
      PhoneRequest pinned =
          PhoneRequest.builder("GET", server.uri("/")).tls(pin(PHONE_BY_NAME)).build();
      assertThat(transport.sendAndWait(pinned).status()).isEqualTo(200);

      // A kept-alive connection to the phone is open, checked under the first pin: a request
      // under another policy must not use it, but meet the certificate anew, and fail.
      for (TlsPolicy other : List.of(pin(OTHER), TlsPolicy.system())) {
        PhoneRequest request = pinned.toBuilder().tls(other).build();
        assertThatThrownBy(() -> transport.sendAndWait(request))
            .as(other.toString())
            .isInstanceOf(PhoneTlsException.class);
      }
      assertThat(transport.send(pinned).get(10, SECONDS).status()).isEqualTo(200);
      assertThat(server.requestCount()).isEqualTo(2);
    }
  }

  @Test
  void defaultSystemTrustRejectsASelfSignedServer() throws Exception {
    try (JdkTestServer server = JdkTestServer.https(answer(200, "ok"), PHONE_BY_NAME)) {
      Throwable error = failure(transport.send(PhoneRequest.get(server.uri("/"))));

      assertThat(error).isInstanceOf(PhoneTlsException.class);
      assertThat(((PhoneException) error).phone()).isEqualTo(phone(server));
      assertThat(server.requestCount()).isZero();
    }
  }

  // --- connecting ---

  @Test
  void connectTimeoutFailsTheExchangeAsAConnectFailure() throws Exception {
    InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    List<Socket> fillers = new ArrayList<>();
    try (ServerSocket neverAccepts = new ServerSocket(0, 1, loopback)) {
      InetSocketAddress address = new InetSocketAddress(loopback, neverAccepts.getLocalPort());
      IOException fillerFailure = null;
      for (int i = 0; i < 100 && fillerFailure == null; i++) {
        Socket filler = new Socket();
        fillers.add(filler);
        try {
          filler.connect(address, 250);
        } catch (IOException e) {
          fillerFailure = e;
        }
      }
      assumeThat(fillerFailure)
          .as("the loopback accept queue never filled, so no connect can hang here")
          .isNotNull();
      JdkHttpTransport transport =
          JdkHttpTransport.builder().connectTimeout(Duration.ofMillis(300)).build();

      Throwable error =
          failure(transport.send(PhoneRequest.get(URI.create("http://" + hostPort(address)))));

      if (fillerFailure instanceof SocketTimeoutException) {
        // Linux drops a SYN to a full accept queue, so the connect hangs until it times out.
        assertThat(error)
            .isInstanceOf(PhoneConnectTimeoutException.class)
            .hasMessageContaining("not connected within 300 ms");
      } else {
        assertThat(error).isInstanceOf(PhoneConnectException.class);
      }
    } finally {
      for (Socket filler : fillers) {
        filler.close();
      }
    }
  }

  @Test
  void refusedConnectionFailsOnlyWithAPhoneConnectException() throws Exception {
    int port;
    try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = closed.getLocalPort();
    }
    CompletableFuture<PhoneResponse> future =
        transport.send(PhoneRequest.get(URI.create("http://127.0.0.1:" + port + "/x?pwd=s")));

    Throwable seenByCallbacks = future.handle((response, error) -> error).get(10, SECONDS);

    assertThat(seenByCallbacks)
        .isExactlyInstanceOf(PhoneConnectException.class)
        .hasMessage("GET /x on http://127.0.0.1:" + port + ": connection refused or unreachable");
    assertThat(failure(future)).isSameAs(seenByCallbacks);
  }

  @Test
  void aHeaderValueBeyondAsciiIsRefusedBeforeAnythingIsSent() throws Exception {
    try (JdkTestServer server = JdkTestServer.http(answer(200, 0, false))) {
      PhoneRequest request =
          PhoneRequest.builder("GET", server.uri("/x")).header("X-Name", "Jürgen").build();

      Throwable error = failure(transport.send(request));

      // The JDK client would have sent "J?rgen".
      assertThat(error)
          .isExactlyInstanceOf(PhoneException.class)
          .hasMessage(
              "GET /x on "
                  + phone(server)
                  + ": not sent: header X-Name has the character U+00FC at index 1:"
                  + " JdkHttpTransport sends header values as US-ASCII only");
      assertThatThrownBy(() -> transport.sendAndWait(request))
          .isExactlyInstanceOf(PhoneException.class)
          .hasMessageContaining("U+00FC");
      assertThat(server.requestCount()).isZero();
    }
  }

  @Test
  void answerThatNeverComesFailsWithTimeoutAfterOneDelivery() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    HttpHandler silent =
        exchange -> {
          try {
            release.await(10, SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        };
    try (JdkTestServer server = JdkTestServer.http(silent)) {
      PhoneRequest request =
          PhoneRequest.builder("POST", server.uri("/reboot"))
              .timeout(Duration.ofMillis(300))
              .build();

      Throwable error = failure(transport.send(request));

      assertThat(error)
          .isInstanceOf(PhoneTimeoutException.class)
          .isInstanceOf(PhoneOutcomeUnknownException.class)
          .hasMessageStartingWith("POST /reboot on " + phone(server) + ": ")
          .hasMessageContaining("may have run");
      assertThat(server.requestCount()).isEqualTo(1);
    } finally {
      release.countDown();
    }
  }

  // --- bounds and closing ---

  @Test
  void aClosedTransportSendsNothingMore() throws Exception {
    try (JdkTestServer server = JdkTestServer.http(answer(200, "ok"))) {
      transport.close();
      transport.close(); // twice is harmless

      Throwable error = failure(transport.send(PhoneRequest.get(server.uri("/a"))));
      assertThat(error)
          .isExactlyInstanceOf(PhoneConnectException.class)
          .hasMessage("GET /a on " + phone(server) + ": the transport was closed; not sent");
      assertThatThrownBy(() -> transport.sendAndWait(PhoneRequest.get(server.uri("/b"))))
          .isExactlyInstanceOf(PhoneConnectException.class);
      assertThat(server.requestCount()).isZero();
    }
  }

  @Test
  void closingAbortsAnExchangeInFlightAsOutcomeUnknown() throws Exception {
    CountDownLatch arrived = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (JdkTestServer server = JdkTestServer.http(holding(arrived, release))) {
      CompletableFuture<PhoneResponse> inFlight =
          transport.send(PhoneRequest.get(server.uri("/reboot")));
      assertThat(arrived.await(10, SECONDS)).isTrue();

      transport.close();

      assertThat(failure(inFlight))
          .isExactlyInstanceOf(PhoneOutcomeUnknownException.class)
          .hasMessageContaining("the transport was closed during the exchange");
    } finally {
      release.countDown();
    }
  }

  @Test
  void beyondMaxConcurrencyExchangesWaitAndOneWhoseDeadlinePassesWaitingIsNeverSent()
      throws Exception {
    CountDownLatch arrived = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (JdkHttpTransport one = JdkHttpTransport.builder().maxConcurrency(1).build();
        JdkTestServer server = JdkTestServer.http(holding(arrived, release))) {
      CompletableFuture<PhoneResponse> first = one.send(PhoneRequest.get(server.uri("/1")));
      assertThat(arrived.await(10, SECONDS)).isTrue();
      PhoneRequest waiting =
          PhoneRequest.builder("GET", server.uri("/2")).timeout(Duration.ofMillis(200)).build();

      assertThat(failure(one.send(waiting)))
          .isExactlyInstanceOf(PhoneConnectTimeoutException.class)
          .hasMessage(
              "GET /2 on "
                  + phone(server)
                  + ": not sent within 200 ms: the transport's exchanges were all busy");
      release.countDown();
      assertThat(first.get(10, SECONDS).status()).isEqualTo(200);
      assertThat(one.send(PhoneRequest.get(server.uri("/3"))).get(10, SECONDS).status())
          .isEqualTo(200);
      assertThat(server.requestCount()).as("/1 and /3, never /2").isEqualTo(2);
    } finally {
      release.countDown();
    }
  }

  @Test
  void theSharedTransportIgnoresClose() throws Exception {
    try (JdkTestServer server = JdkTestServer.http(answer(200, "ok"))) {
      JdkHttpTransport.shared().close();

      assertThat(JdkHttpTransport.shared()).isSameAs(JdkHttpTransport.shared());
      assertThat(JdkHttpTransport.shared().sendAndWait(PhoneRequest.get(server.uri("/"))).status())
          .isEqualTo(200);
    }
  }

  // --- builder ---

  @Test
  void defaultsAreTheDocumentedConstants() {
    assertThat(JdkHttpTransport.DEFAULT_CONNECT_TIMEOUT).isEqualTo(Duration.ofSeconds(5));
    assertThat(JdkHttpTransport.DEFAULT_TIMEOUT).isEqualTo(Duration.ofSeconds(15));
    assertThat(JdkHttpTransport.DEFAULT_MAX_RESPONSE_BYTES).isEqualTo(1024 * 1024);
    assertThat(transport.connectTimeout()).isEqualTo(JdkHttpTransport.DEFAULT_CONNECT_TIMEOUT);
    assertThat(transport.timeout()).isEqualTo(JdkHttpTransport.DEFAULT_TIMEOUT);
    assertThat(transport.maxResponseBytes()).isEqualTo(JdkHttpTransport.DEFAULT_MAX_RESPONSE_BYTES);
    assertThat(transport.maxConcurrency()).isEqualTo(256);
  }

  @Test
  void builderKeepsWhatItIsGiven() {
    JdkHttpTransport transport =
        JdkHttpTransport.builder()
            .connectTimeout(Duration.ofMillis(1))
            .timeout(Duration.ofMinutes(1))
            .maxResponseBytes(0)
            .maxConcurrency(3)
            .build();

    assertThat(transport.connectTimeout()).isEqualTo(Duration.ofMillis(1));
    assertThat(transport.timeout()).isEqualTo(Duration.ofMinutes(1));
    assertThat(transport.maxResponseBytes()).isZero();
    assertThat(transport.maxConcurrency()).isEqualTo(3);
    assertThat(JdkHttpTransport.builder().maxResponseBytes(64 * 1024 * 1024).build())
        .extracting(JdkHttpTransport::maxResponseBytes)
        .isEqualTo(67_108_864);
  }

  @Test
  void nonPositiveDurationsAreRejectedNamingTheSetting() {
    JdkHttpTransport.Builder builder = JdkHttpTransport.builder();

    assertThatThrownBy(() -> builder.connectTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("connectTimeout must be positive, was PT0S");
    assertThatThrownBy(() -> builder.connectTimeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("connectTimeout must be positive, was PT-1S");
    assertThatThrownBy(() -> builder.timeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeout must be positive, was PT0S");
    assertThatThrownBy(() -> builder.timeout(Duration.ofNanos(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("timeout must be positive, was PT-");
    assertThatThrownBy(() -> builder.connectTimeout(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("connectTimeout");
    assertThatThrownBy(() -> builder.timeout(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("timeout");
    assertThatThrownBy(() -> builder.maxConcurrency(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxConcurrency must be from 1 to 10000, was 0");
    assertThatThrownBy(() -> builder.maxConcurrency(10_001))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxConcurrency must be from 1 to 10000, was 10001");
  }

  @ParameterizedTest
  @ValueSource(ints = {Integer.MIN_VALUE, -1, 64 * 1024 * 1024 + 1, Integer.MAX_VALUE})
  void maxResponseBytesOutsideZeroToSixtyFourMebibytesIsRejected(int bytes) {
    assertThatThrownBy(() -> JdkHttpTransport.builder().maxResponseBytes(bytes))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxResponseBytes must be from 0 to 67108864, was " + bytes);
  }

  @Test
  void toStringShowsSettingsButNothingSecretOrInternal() {
    assertThat(transport)
        .hasToString(
            "JdkHttpTransport[connectTimeout=PT5S, timeout=PT15S, maxResponseBytes=1048576,"
                + " maxConcurrency=256]");
    assertThat(JdkHttpTransport.builder().maxResponseBytes(10).maxConcurrency(2).build())
        .hasToString(
            "JdkHttpTransport[connectTimeout=PT5S, timeout=PT15S, maxResponseBytes=10,"
                + " maxConcurrency=2]");
    transport.close();
    assertThat(transport.toString()).endsWith(", closed]");
    assertThat(JdkHttpTransport.shared().toString()).endsWith(", shared]");
  }

  @Test
  void nullRequestIsRejected() {
    assertThatThrownBy(() -> transport.send(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("request");
  }

  // --- helpers ---

  private static void assertTooLarge(Throwable error, JdkTestServer server) {
    assertThat(error)
        .isInstanceOfSatisfying(
            PhoneResponseTooLargeException.class,
            e -> {
              assertThat(e.status()).isEqualTo(203);
              assertThat(e.phone()).isEqualTo(phone(server));
              assertThat(e.operation()).isEqualTo("GET /big.xml");
            })
        .hasMessageContaining("larger than the limit of " + LIMIT + " bytes");
  }

  /** Answers {@code size} bytes, announced by Content-Length or chunked in 100-byte pieces. */
  private static HttpHandler answer(int status, int size, boolean chunked) {
    return exchange -> {
      exchange.getRequestBody().readAllBytes();
      exchange.sendResponseHeaders(status, chunked ? 0 : size);
      byte[] body = body(size);
      try (OutputStream out = exchange.getResponseBody()) {
        for (int offset = 0; offset < size; offset += 100) {
          out.write(body, offset, Math.min(100, size - offset));
          out.flush();
        }
      } catch (IOException clientHungUp) {
        // expected when the body is over the limit
      }
    };
  }

  /** Counts down {@code arrived}, then answers 200 once {@code release} is counted down. */
  private static HttpHandler holding(CountDownLatch arrived, CountDownLatch release) {
    return exchange -> {
      arrived.countDown();
      try {
        release.await(10, SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.sendResponseHeaders(200, -1);
    };
  }

  private static HttpHandler answer(int status, String text) {
    return exchange -> {
      byte[] body = text.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    };
  }

  private static byte[] body(int size) {
    byte[] body = new byte[size];
    for (int i = 0; i < size; i++) {
      body[i] = (byte) ('a' + i % 26);
    }
    return body;
  }

  private static Throwable failure(CompletableFuture<PhoneResponse> future) throws Exception {
    try {
      PhoneResponse response = future.get(10, SECONDS);
      throw new AssertionError("expected a failure but got " + response);
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (TimeoutException e) {
      throw new AssertionError("no outcome within 10 s", e);
    }
  }

  private static String phone(JdkTestServer server) {
    return server.uri("/").getScheme() + "://127.0.0.1:" + server.port();
  }

  private static String hostPort(InetSocketAddress address) {
    return address.getAddress().getHostAddress() + ":" + address.getPort() + "/";
  }

  private static TlsPolicy pin(HeldCertificate certificate) {
    return TlsPolicy.pinned(fingerprint(certificate.certificate()));
  }

  /** The fingerprint as openssl prints it, computed independently of the code under test. */
  private static String fingerprint(X509Certificate certificate) {
    try {
      StringJoiner hex = new StringJoiner(":");
      for (byte b : MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded())) {
        hex.add(String.format("%02X", b));
      }
      return hex.toString();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
