package dev.deskphone.snom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.deskphone.core.server.EndpointServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** curl, an independent client, fires the configured URLs as a phone would; skipped without it. */
class SnomEventEndpointCurlTest {
  private final BlockingQueue<SnomEvent> received = new LinkedBlockingQueue<>();
  private SnomEventEndpoint events;
  private EndpointServer server;
  private URI base;

  @BeforeEach
  void start() throws Exception {
    assumeTrue(curlInstalled(), "curl is not installed");
    events = SnomEventEndpoint.builder().listener(received::add).build();
    server =
        EndpointServer.builder()
            .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
            .endpoint("/snom/events", events)
            .start();
    base = server.uri("/snom/events");
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
      events.close();
    }
  }

  private static boolean curlInstalled() throws InterruptedException {
    try {
      return run(List.of("curl", "--version")).startsWith("curl ");
    } catch (IOException notFound) {
      return false;
    }
  }

  /** Runs curl on {@code url} (no shell, no globbing) and returns the status it got. */
  private static String curl(String url, String... options) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of("curl", "-s", "--globoff", "-o", "/dev/null", "-w", "%{http_code}"));
    command.addAll(List.of(options));
    command.add(url);
    return run(command);
  }

  /** What {@code command} printed, both streams, once it ended (within 30 s). */
  private static String run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("timed out: " + command);
    }
    return out;
  }

  private SnomEvent next() throws InterruptedException {
    SnomEvent event = received.poll(10, TimeUnit.SECONDS);
    assertThat(event).as("an event within 10 s").isNotNull();
    return event;
  }

  @Test
  void curlFiringTheConfiguredUrlWithVariablesReplacedDeliversTheEvent() throws Exception {
    String configured = events.actionUrl("10.0.0.5", SnomEventType.DISCONNECTED, base);
    Map<String, String> values =
        Map.of(
            "$phone_ip", "10.0.0.5",
            "$mac", "000413A1B2C3",
            "$call-id", "a1b2@pbx",
            "$local", "101@pbx",
            "$remote", "102@pbx",
            "$display_remote", "Anna & Bob = \"us\"",
            "$nr_ongoing_calls", "0",
            "$cancel_reason", "Call completed elsewhere");

    assertThat(curl(FiringPhone.fire(configured, values))).isEqualTo("200");
    SnomEvent event = next();

    assertThat(event.type()).hasValue(SnomEventType.DISCONNECTED);
    assertThat(event.callId()).hasValue("a1b2@pbx");
    assertThat(event.displayRemote()).hasValue("Anna & Bob = \"us\"");
    assertThat(event.ongoingCalls()).hasValue(0);
    assertThat(event.mac()).hasValue("000413A1B2C3");
    assertThat(event.parameters()).containsEntry("cr", "Call completed elsewhere");
  }

  @Test
  void curlSendingTheTokensUnreplacedGivesAbsentValues() throws Exception {
    String configured = events.actionUrl("10.0.0.5", SnomEventType.INCOMING, base);

    assertThat(curl(configured)).isEqualTo("200");
    SnomEvent event = next();

    assertThat(event.remote()).isEmpty();
    assertThat(event.local()).isEmpty();
    assertThat(event.phoneIp()).isEmpty();
    assertThat(event.parameters()).containsOnlyKeys("e", "p");
  }

  @Test
  void curlWithoutTheSecretOrWithPostIsRefused() throws Exception {
    String configured = events.actionUrl("10.0.0.5", SnomEventType.INCOMING, base);
    String withoutSecret = configured.replaceFirst("&sig=[^&]*", "");

    assertThat(curl(withoutSecret)).isEqualTo("403");
    assertThat(curl(configured, "-X", "POST", "--data", "a=1")).isEqualTo("405");
    assertThat(received.poll(50, TimeUnit.MILLISECONDS)).isNull();
    assertThat(events.counters().forged()).isEqualTo(1);
  }
}
