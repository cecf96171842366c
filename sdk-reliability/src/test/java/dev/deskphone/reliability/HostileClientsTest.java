package dev.deskphone.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskphone.core.JdkHttpTransport;
import dev.deskphone.core.LedState;
import dev.deskphone.core.PhoneResponse;
import dev.deskphone.core.PhoneTransport;
import dev.deskphone.core.Turnled;
import dev.deskphone.core.TurnledResponse;
import dev.deskphone.core.server.EndpointServer;
import dev.deskphone.unify.SendUrlEndpoint;
import dev.deskphone.unify.SendUrlKey;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile and broken clients against EndpointServer hosting a SendUrlEndpoint: always a 4xx or a
 * close, never a 5xx or a stack trace, and the server keeps serving real phones throughout.
 */
class HostileClientsTest {
  private static final int DRIBBLERS = 300;
  private static final String PASSWORD = "MyPassword";

  private final AtomicInteger handled = new AtomicInteger();
  private final PhoneTransport transport =
      JdkHttpTransport.builder().timeout(Duration.ofSeconds(10)).build();
  private EndpointServer server;
  private SendUrlKey key;

  @BeforeEach
  void start() {
    server =
        EndpointServer.builder()
            .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
            .endpoint(
                "/",
                SendUrlEndpoint.builder()
                    .credentials("MyUsername", PASSWORD)
                    .handler(
                        r -> {
                          handled.incrementAndGet();
                          return TurnledResponse.of(
                              Turnled.builder(r.symbolicName()).state(LedState.ON).build());
                        })
                    .build())
            .readTimeout(Duration.ofSeconds(30))
            .start();
    key =
        SendUrlKey.builder()
            .symbolicName("Door")
            .server(server.uri("/"))
            .userId("MyUsername")
            .password(PASSWORD)
            .build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private PhoneResponse realPhone() {
    return transport.send(key.request("127.0.0.1", "+4930")).join();
  }

  @Test
  void hundredsOfSlowClientsDribblingHeadersDoNotStarveARealPhone() throws Exception {
    try (AutoCloseable slow =
        RawWire.dribblers(
            server.address().getPort(), DRIBBLERS, "GET /?symbn=Door HTTP/1.1\r\nX-Slow: ")) {
      for (int i = 0; i < 5; i++) {
        assertThat(realPhone().status()).isEqualTo(200);
      }
      assertThat(handled).hasValue(5);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "GET /?symbn=" + "A" + "%s HTTP/1.1\r\nHost: x\r\n\r\n", // huge request line (filled in)
        "GET /?symbn=Door HTTP/1.1\r\nHost: x\r\nX-Big: %s\r\n\r\n", // huge header
        "GET /?userid=MyUsername&password=MyPassword&symbn=%%zz HTTP/1.1\r\nHost: x\r\n\r\n%s",
        "GET /?userid=MyUsername&password=MyPassword&symbn=A&symbn=B HTTP/1.1\r\nHost: x\r\n\r\n%s",
        "GET /?userid=MyUsername&password=MyPassword&symbn=Door HTTP/1.1\r\n\r\n%s", // no Host
        "GET /?userid=MyUsername&password=MyPassword&symbn=Door HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n%s",
        "GET /?userid=MyUsername&password=MyPassword&symbn=Door HTTP/1.1\r\nHost: x y\r\n\r\n%s",
        "PUT /?symbn=Door HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n%s",
        "DELETE / HTTP/1.1\r\nHost: x\r\n\r\n%s",
        "TRACE / HTTP/1.1\r\nHost: x\r\n\r\n%s",
        "BREW / HTTP/1.1\r\nHost: x\r\n\r\n%s",
        "GET /?symbn=Door HTTP/1.1\r\nHost: x\r\nX-Ctl: a\u0001b\u0000c\r\n\r\n%s",
        "GET /?symbn=Door HTTP/1.1\r\nHost x\r\n\r\n%s",
        "GET /?symbn=Door\r\n\r\n%s",
        "\u0016\u0003\u0001\u0000\u00a5\u0001%s",
        "POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 99999999\r\n\r\n%s",
        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\n%s",
        "GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n%s",
      })
  void aBrokenRequestGetsA4xxOrACloseAndTheServerKeepsServing(String template) throws Exception {
    String big =
        "x"
            .repeat(
                template.startsWith("GET /?symbn=A") || template.contains("X-Big") ? 100_000 : 0);
    String request = String.format(template, big);

    String answer = RawWire.head(server.address().getPort(), request);

    if (!answer.isEmpty()) {
      String status = answer.substring(0, Math.min(12, answer.length()));
      assertThat(status).as(answer).matches("HTTP/1\\.1 4\\d\\d");
      assertThat(answer)
          .doesNotContain("\tat ", PASSWORD); // no stack trace, and never the password
    }
    assertThat(handled).as("the handler never ran").hasValue(0);
    assertThat(realPhone().status()).isEqualTo(200);
  }
}
