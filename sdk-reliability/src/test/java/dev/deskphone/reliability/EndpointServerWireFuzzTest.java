package dev.deskphone.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.deskphone.core.LedState;
import dev.deskphone.core.Turnled;
import dev.deskphone.core.TurnledResponse;
import dev.deskphone.core.server.EndpointServer;
import dev.deskphone.unify.SendUrlEndpoint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EndpointServer's own HTTP/1.1 reader and connection loop, hosting a SendUrlEndpoint, from raw
 * bytes on the wire: any input gets nothing or answers that start with a status line, never the
 * password, a stack trace or a 500.
 */
class EndpointServerWireFuzzTest {
  private static final String SENTINEL = "S3ntinel-Wire-Pw";
  private static final Pattern STATUS = Pattern.compile("HTTP/1\\.1 (\\d{3}) ");
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
  @SuppressWarnings("try") // the resource only scopes Jazzer's permission to connect
  void anyBytesGetStatusLinesOrACloseNeverTheSecretAStackOrA500(FuzzedDataProvider data)
      throws IOException {
    int prefix = data.consumeInt(0, 2);
    byte[] fuzzed = data.consumeRemainingAsBytes();
    byte[] start = prefix == 1 ? GET : prefix == 2 ? POST : new byte[0];
    byte[] input = new byte[start.length + fuzzed.length];
    System.arraycopy(start, 0, input, 0, start.length);
    System.arraycopy(fuzzed, 0, input, start.length, fuzzed.length);

    String answer;
    // Jazzer's SSRF detector allows this connection only: to the server, on loopback.
    try (SilentCloseable toTheServer =
        BugDetectors.allowNetworkConnections(
            (host, port) ->
                port == SERVER.address().getPort()
                    && (host.equals("localhost") || host.equals("127.0.0.1")))) {
      answer = exchange(input);
    }

    if (!answer.isEmpty()) {
      Matcher first = STATUS.matcher(answer);
      assertThat(first.lookingAt()).as(answer).isTrue();
      int status = Integer.parseInt(first.group(1));
      assertThat(status).as(answer).isBetween(100, 599).isNotEqualTo(500);
    }
    assertThat(answer).doesNotContain(SENTINEL, "\tat ");
  }

  /**
   * Writes {@code input} on a new connection, then ends the sending side, so that the server sees
   * the end at once instead of waiting out its deadlines (thousands of inputs a second instead of
   * tens), and reads until the server closes, resets or pauses.
   */
  private static String exchange(byte[] input) throws IOException {
    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), SERVER.address().getPort())) {
      s.setSoTimeout(2000);
      // Closed with a reset at the end: thousands of inputs leave no TIME_WAIT behind.
      s.setSoLinger(true, 0);
      try {
        s.getOutputStream().write(input);
        s.shutdownOutput();
      } catch (SocketException closedWhileWriting) {
        // the server may refuse before all of a long input is written; read what it said
      }
      InputStream in = s.getInputStream();
      byte[] buf = new byte[8192];
      try {
        for (int n; (n = in.read(buf)) >= 0 && answer.size() < 1 << 20; ) {
          answer.write(buf, 0, n);
        }
      } catch (SocketTimeoutException | SocketException endedOrReset) {
        // a pause, a close or a reset ends the answer
      }
    }
    return answer.toString(StandardCharsets.ISO_8859_1);
  }
}
