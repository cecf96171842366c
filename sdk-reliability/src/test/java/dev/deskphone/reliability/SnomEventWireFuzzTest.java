package dev.deskphone.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.deskphone.core.server.EndpointServer;
import dev.deskphone.snom.SnomEventEndpoint;
import dev.deskphone.snom.SnomEventType;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * EndpointServer hosting a SnomEventEndpoint, from raw bytes on the wire: any input gets nothing or
 * answers that start with a status line, never the phone's secret, a stack trace or a 500; and no
 * event reaches a listener for a phone whose secret the input does not carry.
 */
class SnomEventWireFuzzTest {
  private static final String PHONE = "10.0.0.5";
  private static final AtomicReference<String> FOREIGN = new AtomicReference<>();

  private static final SnomEventEndpoint EVENTS =
      SnomEventEndpoint.builder()
          .key("Fuzz-Key-0123456789-abcdefghijkl".getBytes(StandardCharsets.US_ASCII))
          .listener(
              e -> {
                if (!e.phone().equals(PHONE)) {
                  FOREIGN.set(e.phone());
                }
              })
          .build();

  /** One server for every input; short deadlines so that a truncated request ends fast. */
  private static final EndpointServer SERVER =
      EndpointServer.builder()
          .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
          .endpoint("/snom/events", EVENTS)
          .readTimeout(Duration.ofMillis(200))
          .idleTimeout(Duration.ofMillis(200))
          .start();

  private static final String URL =
      EVENTS.actionUrl(PHONE, SnomEventType.INCOMING, URI.create("http://127.0.0.1/snom/events"));
  private static final String SECRET =
      URL.substring(URL.indexOf("&sig=") + 5, URL.indexOf('&', URL.indexOf("&sig=") + 5));
  private static final String TARGET = URL.substring(URL.indexOf("/snom/events"));

  /** The fuzzed bytes continue the query of the phone's own URL. */
  private static final byte[] IN_QUERY =
      ("GET " + TARGET + "&x=").getBytes(StandardCharsets.ISO_8859_1);

  /** The fuzzed bytes follow the phone's request line and Host. */
  private static final byte[] IN_HEADERS =
      ("GET " + TARGET + " HTTP/1.1\r\nHost: 127.0.0.1\r\n").getBytes(StandardCharsets.ISO_8859_1);

  @FuzzTest(maxDuration = "30s")
  void anyBytesGetStatusLinesOrACloseNeverTheSecretAStackA500OrAForgedEvent(FuzzedDataProvider data)
      throws IOException {
    String answer = WireFuzz.exchange(SERVER, data, IN_QUERY, IN_HEADERS);

    WireFuzz.assertStatusLinesNever500(answer);
    assertThat(answer).doesNotContain(SECRET);
    assertThat(FOREIGN.get()).as("an event for a phone whose secret was not sent").isNull();
  }
}
