package dev.deskphone.unify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.deskphone.core.JdkHttpTransport;
import dev.deskphone.core.PhoneAuthenticationException;
import dev.deskphone.core.PhoneConnectException;
import dev.deskphone.core.PhoneHeaders;
import dev.deskphone.core.PhoneOutcomeUnknownException;
import dev.deskphone.core.PhoneRedirectException;
import dev.deskphone.core.PhoneRequest;
import dev.deskphone.core.PhoneResponse;
import dev.deskphone.core.PhoneResponseException;
import dev.deskphone.core.PhoneUnsupportedException;
import dev.deskphone.core.PushRequest;
import dev.deskphone.core.TlsPolicy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnifyPhoneTest {
  private static final PushRequest PUSH =
      PushRequest.builder()
          .symbolicName("MySymbolicName")
          .server(URI.create("https://10.10.0.255:443/"))
          .build();

  private final List<String> seen = new CopyOnWriteArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private HttpServer server;

  @AfterEach
  void stop() {
    release.countDown();
    if (server != null) {
      server.stop(0);
    }
  }

  /** A phone that records each request as "METHOD path content-type body" and answers status. */
  private URI phone(int status, String location) throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          seen.add(
              exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestURI().getRawPath()
                  + " "
                  + exchange.getRequestHeaders().getFirst("Content-Type")
                  + " "
                  + body);
          if (status == 0) {
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          if (location != null) {
            exchange.getResponseHeaders().add("Location", location);
          }
          byte[] answer = "OK".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status == 0 ? 200 : status, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @Test
  void pushPostsTheUrlEncodedFormToTheServerPushPathOnTheConfiguredPort() throws Exception {
    URI uri = phone(200, null);
    PushResult result = UnifyPhone.builder().uri(uri).build().push(PUSH);
    assertThat(result.status()).isEqualTo(200);
    assertThat(result.body()).isEqualTo("OK");
    assertThat(result.phone()).isEqualTo("http://127.0.0.1:" + uri.getPort());
    assertThat(seen)
        .containsExactly(
            "POST /server_push.html/ServerPush application/x-www-form-urlencoded"
                + " MidletName=MySymbolicName&ServerProtocol=https&ServerAddr=10.10.0.255"
                + "&ServerPort=443&ProgramName=MySymbolicName&RequestType=sendURL");
  }

  @Test
  void contextValuesAreUrlEncoded() throws Exception {
    URI uri = phone(200, null);
    PushRequest push =
        PushRequest.builder()
            .symbolicName("K")
            .server(URI.create("http://[fe80::1]:8085/"))
            .context("ctx key", "a+b/ü")
            .build();
    UnifyPhone.builder().uri(uri).build().push(push);
    assertThat(seen.get(0))
        .endsWith(
            "MidletName=K&ServerProtocol=http&ServerAddr=fe80%3A%3A1&ServerPort=8085"
                + "&ProgramName=K&RequestType=sendURL&ServerContextKey=ctx%20key"
                + "&ServerContextValue=a%2Bb%2F%C3%BC");
  }

  @ParameterizedTest
  @ValueSource(ints = {401, 403})
  void aRefusedPushIsAnAuthenticationError(int status) throws Exception {
    UnifyPhone phone = UnifyPhone.builder().uri(phone(status, null)).build();
    assertThatThrownBy(() -> phone.push(PUSH))
        .isInstanceOf(PhoneAuthenticationException.class)
        .hasMessageContaining("Unify push MySymbolicName")
        .hasMessageContaining("HTTP " + status);
  }

  @Test
  void aMissingPushPageIsUnsupported() throws Exception {
    UnifyPhone phone = UnifyPhone.builder().uri(phone(404, null)).build();
    assertThatThrownBy(() -> phone.push(PUSH)).isInstanceOf(PhoneUnsupportedException.class);
  }

  @Test
  void aServerErrorIsAResponseErrorWithItsStatus() throws Exception {
    UnifyPhone phone = UnifyPhone.builder().uri(phone(500, null)).build();
    assertThatThrownBy(() -> phone.push(PUSH))
        .isInstanceOfSatisfying(
            PhoneResponseException.class, e -> assertThat(e.status()).isEqualTo(500));
  }

  @Test
  void aRedirectIsTheSameRedirectExceptionAsSnomsAndIsNotFollowed() throws Exception {
    URI uri = phone(302, "/elsewhere");
    UnifyPhone phone = UnifyPhone.builder().uri(uri).build();
    assertThatThrownBy(() -> phone.push(PUSH))
        .isInstanceOfSatisfying(
            PhoneRedirectException.class,
            e -> {
              assertThat(e.status()).isEqualTo(302);
              assertThat(e.location()).contains("/elsewhere");
            })
        .hasMessageEndingWith("redirect to \"/elsewhere\", not followed");
    assertThat(seen).hasSize(1);
  }

  @Test
  void aPhoneThatDoesNotAnswerInTimeIsOutcomeUnknownAndNotRetried() throws Exception {
    UnifyPhone phone =
        UnifyPhone.builder().uri(phone(0, null)).timeout(Duration.ofMillis(300)).build();
    assertThatThrownBy(() -> phone.push(PUSH)).isInstanceOf(PhoneOutcomeUnknownException.class);
    assertThat(seen).hasSize(1);
  }

  @Test
  void aClosedPortIsAConnectError() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    UnifyPhone phone = UnifyPhone.builder().uri(URI.create("http://127.0.0.1:" + port)).build();
    assertThatThrownBy(() -> phone.push(PUSH)).isInstanceOf(PhoneConnectException.class);
  }

  @Test
  void pushAsyncDoesNotBlockAndCompletesWithTheAnswer() throws Exception {
    UnifyPhone phone = UnifyPhone.builder().uri(phone(200, null)).build();
    assertThat(phone.pushAsync(PUSH)).succeedsWithin(Duration.ofSeconds(10));
  }

  @Test
  void thePushGoesToThePushPathOnThePhonesSchemeAndPortWithItsTlsPolicy() {
    List<PhoneRequest> sent = new CopyOnWriteArrayList<>();
    TlsPolicy pin = TlsPolicy.pinned("sha256/" + "ab".repeat(32));
    UnifyPhone phone =
        UnifyPhone.builder()
            .uri(URI.create("https://10.0.0.7"))
            .tls(pin)
            .transport(
                r -> {
                  sent.add(r);
                  return CompletableFuture.completedFuture(
                      PhoneResponse.of(200, PhoneHeaders.empty(), new byte[0]));
                })
            .build();

    phone.push(PUSH);

    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).uri())
        .isEqualTo(URI.create("https://10.0.0.7/server_push.html/ServerPush"));
    assertThat(sent.get(0).phone()).isEqualTo("https://10.0.0.7:443");
    assertThat(sent.get(0).tls()).isEqualTo(pin);
    assertThat(phone).hasToString("UnifyPhone[https://10.0.0.7:443]");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ftp://10.0.0.7",
        "https://admin:secret@10.0.0.7",
        "https://10.0.0.7/path",
        "https://10.0.0.7/?q=1",
        "https://10.0.0.7/#f"
      })
  void aPhoneUriWithMoreThanSchemeHostAndPortIsRejected(String uri) {
    assertThatThrownBy(() -> UnifyPhone.builder().uri(URI.create(uri)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("secret");
  }

  @Test
  void aThousandPhonesWithTheirOwnPinsShareOneHttpClient() {
    JdkHttpTransport.shared(); // the one default, made on first use
    long before = selectorThreads();
    List<UnifyPhone> phones = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      String pin = "sha256/" + String.format("%064x", i);
      phones.add(
          UnifyPhone.builder()
              .uri(URI.create("https://10.0." + (i / 250) + "." + (i % 250 + 1)))
              .tls(TlsPolicy.pinned(pin))
              .build());
    }
    assertThat(phones).hasSize(1000);
    assertThat(selectorThreads()).as("JDK client selector threads").isEqualTo(before);
  }

  private static long selectorThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().endsWith("SelectorManager"))
        .count();
  }

  @Test
  void aBuilderWithoutAUriIsAnIllegalState() {
    assertThatThrownBy(() -> UnifyPhone.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("uri(...)");
  }

  @Test
  void aTransportThatNeverAnswersStillEndsShortlyAfterTheDeadline() {
    CompletableFuture<PhoneResponse> never = new CompletableFuture<>();
    UnifyPhone phone =
        UnifyPhone.builder()
            .uri(URI.create("https://10.0.0.7"))
            .transport(request -> never)
            .timeout(Duration.ofMillis(100))
            .build();
    assertThatThrownBy(() -> phone.push(PUSH))
        .isInstanceOf(dev.deskphone.core.PhoneTimeoutException.class)
        .hasMessageContaining("no answer within PT0.1S");
    assertThat(never).isCancelled();
  }
}
