package dev.deskphone.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.deskphone.core.LedState;
import dev.deskphone.core.Turnled;
import dev.deskphone.core.TurnledResponse;
import dev.deskphone.core.server.EndpointServer;
import dev.deskphone.unify.SendUrlEndpoint;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * EndpointServer's own HTTP/1.1 reader and connection loop, hosting a SendUrlEndpoint, from raw
 * bytes on the wire: any input gets nothing or answers that start with a status line, never the
 * password, a stack trace or a 500.
 */
class EndpointServerWireFuzzTest {
  private static final String SENTINEL = "S3ntinel-Wire-Pw";
  private static final byte[] GET =
      ("GET /?userid=MyUsername&password=" + SENTINEL + "&symbn=K HTTP/1.1\r\nHost: 127.0.0.1\r\n")
          .getBytes(StandardCharsets.ISO_8859_1);
  private static final byte[] POST =
      ("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n"
              + "Content-Type: application/x-www-form-urlencoded\r\n")
          .getBytes(StandardCharsets.ISO_8859_1);

  /** One server for every input; short deadlines so that a truncated request ends fast. */
  private static final EndpointServer SERVER =
      EndpointServer.builder()
          .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
          .endpoint(
              "/",
              SendUrlEndpoint.builder()
                  .credentials("MyUsername", SENTINEL)
                  // A fixed key, so that no answer echoes what the input chose.
                  .handler(
                      request ->
                          TurnledResponse.of(Turnled.builder("K").state(LedState.ON).build()))
                  .build())
          .readTimeout(Duration.ofMillis(200))
          .idleTimeout(Duration.ofMillis(200))
          .start();

  @FuzzTest(maxDuration = "30s")
  void anyBytesGetStatusLinesOrACloseNeverTheSecretAStackOrA500(FuzzedDataProvider data)
      throws IOException {
    String answer = WireFuzz.exchange(SERVER, data, GET, POST);

    WireFuzz.assertStatusLinesNever500(answer);
    assertThat(answer).doesNotContain(SENTINEL);
  }
}
