package dev.deskphone.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskphone.core.LedColour;
import dev.deskphone.core.LedState;
import dev.deskphone.core.PhoneAuthenticationException;
import dev.deskphone.core.PushRequest;
import dev.deskphone.core.Turnled;
import dev.deskphone.core.TurnledResponse;
import dev.deskphone.core.server.EndpointServer;
import dev.deskphone.testkit.internal.RunCertificate;
import dev.deskphone.unify.PendingPush;
import dev.deskphone.unify.PushCorrelation;
import dev.deskphone.unify.PushResult;
import dev.deskphone.unify.SendUrlEndpoint;
import dev.deskphone.unify.SendUrlKey;
import dev.deskphone.unify.SendUrlRequest;
import dev.deskphone.unify.SendUrlRoutes;
import dev.deskphone.unify.SendUrlServer;
import dev.deskphone.unify.TurnledXml;
import dev.deskphone.unify.UnifyPhone;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SendUrlServer (and EndpointServer) and UnifyPhone against FakeUnifyPhone, all on loopback. */
class UnifyEndToEndTest {
  private final List<AutoCloseable> open = new ArrayList<>();
  private final List<SendUrlRequest> handled = new CopyOnWriteArrayList<>();
  private final AtomicInteger presses = new AtomicInteger();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  private <T extends AutoCloseable> T keep(T c) {
    open.add(c);
    return c;
  }

  /** A server that answers each press with a colour that changes: RED, YELLOW, GREEN, ... */
  private SendUrlServer.Builder server() {
    return SendUrlServer.builder()
        .bind(new InetSocketAddress("127.0.0.1", 0))
        .credentials("MyUsername", "MyPassword")
        .handler(this::colourOfThePress);
  }

  private TurnledResponse colourOfThePress(SendUrlRequest request) {
    handled.add(request);
    LedColour colour = LedColour.values()[presses.getAndIncrement() % 3];
    return TurnledResponse.of(
        Turnled.builder(request.symbolicName())
            .state(LedState.FLASH)
            .colour(colour)
            .label("Press " + presses.get() + " <&>")
            .wake(true)
            .build());
  }

  private static SendUrlKey key(SendUrlServer server, String method, String password) {
    return key(server.uri(), method, password);
  }

  private static SendUrlKey key(URI server, String method, String password) {
    return SendUrlKey.builder()
        .symbolicName("MySymbolicName")
        .method(method)
        .server(server)
        .parameters("id=1&item=2&note=Grüße aus+Berlin*~")
        .userId("MyUsername")
        .password(password)
        .build();
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET", "POST"})
  void aKeyPressLightsTheLedTheServerChose(String method) {
    SendUrlServer server = keep(server().start());
    FakeUnifyPhone fake =
        keep(FakeUnifyPhone.builder().key(key(server, method, "MyPassword")).start());
    FakeLed led = fake.pressKey("MySymbolicName");
    assertThat(led)
        .isEqualTo(
            new FakeLed(
                LedState.FLASH, Optional.of(LedColour.RED), Optional.of("Press 1 <&>"), true));
    SendUrlRequest seen = handled.get(0);
    assertThat(seen.method()).isEqualTo(method);
    assertThat(seen.userId()).contains("MyUsername");
    assertThat(seen.ipAddress()).contains("127.0.0.1");
    assertThat(seen.phoneNumber()).contains("+4930123456");
    assertThat(seen.deviceType()).contains("OpenStage");
    assertThat(seen.parameter("id")).contains("1");
    assertThat(seen.parameter("item")).contains("2");
    assertThat(seen.parameter("note")).contains("Grüße aus+Berlin*~");
  }

  @Test
  void aWrongPasswordLeavesTheLedAloneAndNeverReachesTheHandler() {
    SendUrlServer server = keep(server().start());
    FakeUnifyPhone fake = keep(FakeUnifyPhone.builder().key(key(server, "GET", "nope")).start());
    assertThat(fake.pressKey("MySymbolicName")).isEqualTo(FakeLed.INITIAL);
    assertThat(fake.requests())
        .singleElement()
        .satisfies(r -> assertThat(r.status()).hasValue(403));
    assertThat(handled).isEmpty();
  }

  @Test
  void anAcknowledgementIsGreenForTwoSecondsOnThePhone() {
    MutableClock clock = MutableClock.at(Instant.parse("2026-12-01T12:00:00Z"));
    SendUrlServer server =
        keep(
            server()
                .responder(SendUrlRoutes.builder().acknowledge("MySymbolicName").build())
                .start());
    FakeUnifyPhone fake =
        keep(FakeUnifyPhone.builder().key(key(server, "GET", "MyPassword")).clock(clock).start());
    assertThat(fake.pressKey("MySymbolicName").colour()).contains(LedColour.GREEN);
    clock.advance(Duration.ofSeconds(2));
    assertThat(fake.led("MySymbolicName").state()).isEqualTo(LedState.OFF);
  }

  @Test
  void pushRoundTripServerPushesFakeFiresServerAnswersLedChanges() throws Exception {
    SendUrlServer server = keep(server().start());
    SendUrlKey key = key(server, "POST", "MyPassword");
    FakeUnifyPhone fake = keep(FakeUnifyPhone.builder().key(key).start());
    UnifyPhone phone = UnifyPhone.builder().uri(fake.uri()).build();

    PushResult result = phone.push(key.pushRequest());

    assertThat(result.status()).isEqualTo(200);
    FakeKeyRequest fired = fake.takeRequest(Duration.ofSeconds(10)).orElseThrow();
    assertThat(fired.pushed()).isTrue();
    assertThat(fired.method()).isEqualTo("POST");
    assertThat(fired.body()).endsWith("&devicetype=OpenStage&symbn=MySymbolicName");
    assertThat(fake.led("MySymbolicName").colour()).contains(LedColour.RED);
    assertThat(handled).hasSize(1);
  }

  @Test
  void pushOverHttpsWithThePinnedFakeCertificate() throws Exception {
    SendUrlServer server = keep(server().start());
    SendUrlKey key = key(server, "GET", "MyPassword");
    FakeUnifyPhone fake = keep(FakeUnifyPhone.builder().key(key).https().start());
    UnifyPhone phone = UnifyPhone.builder().uri(fake.uri()).tls(fake.tls()).build();

    phone.push(key.pushRequest());

    assertThat(fake.takeRequest(Duration.ofSeconds(10))).isPresent();
    assertThat(fake.led("MySymbolicName").state()).isEqualTo(LedState.FLASH);
  }

  @Test
  void aPushThatDoesNotMatchTheKeyIsRefusedAndFiresNothing() {
    SendUrlServer server = keep(server().start());
    SendUrlKey key = key(server, "GET", "MyPassword");
    FakeUnifyPhone fake = keep(FakeUnifyPhone.builder().key(key).start());
    UnifyPhone phone = UnifyPhone.builder().uri(fake.uri()).build();
    PushRequest wrongPort =
        PushRequest.builder()
            .symbolicName("MySymbolicName")
            .server(server.uri().resolve("//127.0.0.1:1/"))
            .build();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> phone.push(wrongPort))
        .isInstanceOf(PhoneAuthenticationException.class);
    assertThat(fake.pushes()).hasSize(1);
    assertThat(fake.requests()).isEmpty();
    assertThat(handled).isEmpty();
    assertThat(fake.rejected()).singleElement().extracting(RejectedRequest::status).isEqualTo(403);
  }

  @Test
  void aCorrelatedPushIsMatchedToTheRequestItTriggered() throws Exception {
    PushCorrelation correlation = PushCorrelation.create(Duration.ofSeconds(30));
    SendUrlServer server = keep(server().correlation(correlation).start());
    SendUrlKey key = key(server, "GET", "MyPassword");
    FakeUnifyPhone fake = keep(FakeUnifyPhone.builder().key(key).start());
    UnifyPhone phone = UnifyPhone.builder().uri(fake.uri()).build();

    PendingPush pending = correlation.attach(key.pushRequest());
    phone.push(pending.push());

    SendUrlRequest triggered = pending.request().get(10, TimeUnit.SECONDS);
    assertThat(triggered.symbolicName()).isEqualTo("MySymbolicName");
    assertThat(triggered.parameter(PushCorrelation.CONTEXT_KEY))
        .isEqualTo(pending.push().contextValue());
    assertThat(correlation.pendingCount()).isZero();
    FakeKeyRequest fired = fake.takeRequest(Duration.ofSeconds(10)).orElseThrow();
    assertThat(fired.uri().getRawQuery()) // the push's context after the key's own parameters
        .matches(
            "userid=MyUsername&password=MyPassword&id=1&item=2&note=[^&]+&DeskphoneContext=[^&]+"
                + "&ipaddress=127.0.0.1&phonenumber=%2B4930123456&devicetype=OpenStage"
                + "&symbn=MySymbolicName");
  }

  @Test
  void anHttpsSendUrlServerIsReachedWithTheFakesPinnedTrust() {
    RunCertificate certificate = RunCertificate.create("send-url-server");
    SendUrlServer server = keep(server().https(certificate.serverContext()).start());
    assertThat(server.uri().getScheme()).isEqualTo("https");
    FakeUnifyPhone fake =
        keep(
            FakeUnifyPhone.builder()
                .key(key(server, "GET", "MyPassword"))
                .trust(certificate.pinned())
                .start());
    assertThat(fake.pressKey("MySymbolicName").state()).isEqualTo(LedState.FLASH);
  }

  @Test
  void anHttpsSendUrlServerAnswersTwoRequestsOnOneKeptAliveConnection() throws Exception {
    RunCertificate certificate = RunCertificate.create("send-url-server");
    SendUrlServer server = keep(server().https(certificate.serverContext()).start());
    SSLSocketFactory tls = certificate.pinned().sslContext().getSocketFactory();
    byte[] get =
        ("GET /?userid=MyUsername&password=MyPassword&symbn=MySymbolicName HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    try (Socket socket = tls.createSocket("127.0.0.1", server.uri().getPort())) {
      socket.setSoTimeout(10_000);
      InputStream in = socket.getInputStream();
      for (int press = 1; press <= 2; press++) {
        socket.getOutputStream().write(get);
        socket.getOutputStream().flush();
        String head = answerHead(in);
        assertThat(head).startsWith("HTTP/1.1 200 OK\r\n").doesNotContain("Connection:");
        Matcher length = Pattern.compile("\r\nContent-Length: (\\d+)\r\n").matcher(head);
        assertThat(length.find()).as(head).isTrue();
        byte[] body = in.readNBytes(Integer.parseInt(length.group(1)));
        assertThat(TurnledXml.read(body).turnleds().get(0).label())
            .contains("Press " + press + " <&>");
      }
    }
    assertThat(handled).hasSize(2);
  }

  /** An answer's status line and headers, up to and with the empty line. */
  private static String answerHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (head.length() < 4 || head.lastIndexOf("\r\n\r\n") != head.length() - 4) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("the connection ended within an answer head: " + head);
      }
      head.append((char) b);
    }
    return head.toString();
  }

  @Test
  void anHttpsServerTheFakeDoesNotTrustChangesNothing() {
    RunCertificate certificate = RunCertificate.create("send-url-server");
    SendUrlServer server = keep(server().https(certificate.serverContext()).start());
    FakeUnifyPhone fake =
        keep(FakeUnifyPhone.builder().key(key(server, "GET", "MyPassword")).start());
    assertThat(fake.pressKey("MySymbolicName")).isEqualTo(FakeLed.INITIAL);
    assertThat(handled).isEmpty();
  }

  @Test
  void aSlowTlsClientIsCutOffByTheReadDeadline() throws Exception {
    RunCertificate certificate = RunCertificate.create("send-url-server");
    EndpointServer server =
        keep(
            EndpointServer.builder()
                .bind(new InetSocketAddress("127.0.0.1", 0))
                .endpoint(
                    "/keys",
                    SendUrlEndpoint.builder()
                        .credentials("MyUsername", "MyPassword")
                        .handler(this::colourOfThePress)
                        .build())
                .https(certificate.serverContext())
                .readTimeout(Duration.ofSeconds(1))
                .start());
    try (Socket slow = new Socket("127.0.0.1", server.address().getPort())) {
      slow.setSoTimeout(10_000);
      slow.getOutputStream().write(new byte[] {0x16, 0x03, 0x01}); // the start of a ClientHello
      slow.getOutputStream().flush();
      assertThat(slow.getInputStream().read()).isEqualTo(-1); // closed by the read deadline
    }
    FakeUnifyPhone fake =
        keep(
            FakeUnifyPhone.builder()
                .key(key(server.uri("/keys"), "GET", "MyPassword"))
                .trust(certificate.pinned())
                .start());
    assertThat(fake.pressKey("MySymbolicName").state()).isEqualTo(LedState.FLASH);
  }
}
