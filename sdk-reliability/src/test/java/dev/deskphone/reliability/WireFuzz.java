package dev.deskphone.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.api.SilentCloseable;
import dev.deskphone.core.server.EndpointServer;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The steps every wire fuzz target of an {@link EndpointServer} shares. */
final class WireFuzz {
  private static final Pattern STATUS = Pattern.compile("HTTP/1\\.1 (\\d{3}) ");

  private WireFuzz() {}

  /**
   * Sends the fuzzed bytes to {@code server} on a new connection, after one of {@code prefixes} or
   * none as the input chooses (its last byte: 0 none, 1 the first prefix, ...), and returns all it
   * answered ({@link RawWire#all}); Jazzer's SSRF detector allows this connection only: to the
   * server, on loopback.
   */
  @SuppressWarnings("try") // the resource only scopes Jazzer's permission to connect
  static String exchange(EndpointServer server, FuzzedDataProvider data, byte[]... prefixes)
      throws IOException {
    int choice = data.consumeInt(0, prefixes.length);
    byte[] fuzzed = data.consumeRemainingAsBytes();
    byte[] prefix = choice == 0 ? new byte[0] : prefixes[choice - 1];
    byte[] input = new byte[prefix.length + fuzzed.length];
    System.arraycopy(prefix, 0, input, 0, prefix.length);
    System.arraycopy(fuzzed, 0, input, prefix.length, fuzzed.length);
    int serverPort = server.address().getPort();
    try (SilentCloseable toTheServer =
        BugDetectors.allowNetworkConnections(
            (host, port) ->
                port == serverPort && (host.equals("localhost") || host.equals("127.0.0.1")))) {
      return RawWire.all(serverPort, input);
    }
  }

  /** Nothing, or answers that start with a status line other than 500, and no stack trace. */
  static void assertStatusLinesNever500(String answer) {
    if (!answer.isEmpty()) {
      Matcher first = STATUS.matcher(answer);
      assertThat(first.lookingAt()).as(answer).isTrue();
      int status = Integer.parseInt(first.group(1));
      assertThat(status).as(answer).isBetween(100, 599).isNotEqualTo(500);
    }
    assertThat(answer).doesNotContain("\tat ");
  }
}
