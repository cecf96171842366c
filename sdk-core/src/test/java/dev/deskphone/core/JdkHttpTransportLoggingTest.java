package dev.deskphone.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdkHttpTransportLoggingTest {
  private static final String SENTINEL = "Sentinel-Pa55word-7f3a";

  private HttpServer server;
  private URI base;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          int status = exchange.getRequestURI().getPath().equals("/missing") ? 404 : 200;
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
    base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    RecordingLogs.clear();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private List<String> transportLines() {
    return RecordingLogs.lines().stream()
        .filter(l -> l.contains(JdkHttpTransport.class.getName()))
        .toList();
  }

  @Test
  void oneDebugLinePerExchangeWithMethodTargetStatusAndDuration() {
    JdkHttpTransport transport = JdkHttpTransport.create();
    transport.send(PhoneRequest.get(base.resolve("/command.htm?key=ENTER"))).join();
    transport.send(PhoneRequest.get(base.resolve("/missing"))).join();

    assertThat(transportLines()).hasSize(2);
    assertThat(transportLines().get(0))
        .startsWith("DEBUG ")
        .contains("GET " + base + "/command.htm?key=ENTER -> 200 in ")
        .endsWith(" ms");
    assertThat(transportLines().get(1)).contains("/missing -> 404");
  }

  @Test
  void secretLookingQueryValuesAndHeadersNeverReachTheLog() {
    JdkHttpTransport transport = JdkHttpTransport.create();
    transport
        .send(
            PhoneRequest.builder(
                    "GET", base.resolve("/send?userid=me&password=" + SENTINEL + "&symbn=K1"))
                .header("Authorization", "Basic " + SENTINEL)
                .build())
        .join();

    assertThat(transportLines()).singleElement().asString().contains("password=***&symbn=K1");
    assertThat(RecordingLogs.lines()).noneMatch(l -> l.contains(SENTINEL));
  }

  @Test
  void aFailedExchangeLogsItsErrorTypeOnce() throws Exception {
    int port;
    try (var s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    URI dead = URI.create("http://127.0.0.1:" + port + "/x?pwd=" + SENTINEL);
    assertThatThrownBy(() -> JdkHttpTransport.create().send(PhoneRequest.get(dead)).join())
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(PhoneConnectException.class)
        .satisfies(e -> assertThat(e.getCause().getMessage()).doesNotContain(SENTINEL));

    assertThat(transportLines())
        .singleElement()
        .asString()
        .contains("failed in", "PhoneConnectException", "pwd=***")
        .doesNotContain(SENTINEL);
  }
}
