package dev.deskphone.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskphone.core.server.EndpointServer;
import dev.deskphone.snom.SnomCallState;
import dev.deskphone.snom.SnomCallTracker;
import dev.deskphone.snom.SnomEventEndpoint;
import dev.deskphone.snom.SnomEventType;
import dev.deskphone.snom.SnomPhone;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's events quick start, end to end: the SDK writes a phone's action URLs to a fake snom
 * phone, and a plain JDK client plays the phone's part, firing the stored URL with its {@code $}
 * variables replaced as a phone replaces them.
 */
class SnomEventsQuickstartTest {
  private static final Map<String, String> RINGING =
      Map.of(
          "$phone_ip", "10.0.0.5",
          "$mac", "000413A1B2C3",
          "$call-id", "4f9a@10.0.0.5",
          "$local", "101@pbx",
          "$remote", "102@pbx",
          "$display_remote", "Anna Müller",
          "$nr_ongoing_calls", "1");

  @Test
  void aConfiguredPhonesEventsArriveTypedAndTheTrackerFollowsTheCall(@TempDir Path dir)
      throws Exception {
    Path keyFile = dir.resolve("events.key");
    SnomEventEndpoint.createKeyFile(keyFile);
    try (FakeSnomPhone fake = FakeSnomPhone.builder().digestAuth("admin", "secret").start()) {
      CompletableFuture<Integer> ring = ringOnceConfigured(fake);

      // README:events-quickstart
      SnomCallTracker tracker = SnomCallTracker.builder().build();
      SnomEventEndpoint events =
          SnomEventEndpoint.builder().keyFile(keyFile).listener(tracker::accept).build();
      EndpointServer server =
          EndpointServer.builder()
              .bind(new InetSocketAddress("127.0.0.1", 0)) // 0.0.0.0:8080 for real phones
              .endpoint("/snom/events", events)
              .start();

      SnomPhone phone = SnomPhone.builder().uri(fake.uri()).credentials("admin", "secret").build();
      phone.configureEvents(
          events,
          server.uri("/snom/events"), // where the phone reaches the server
          EnumSet.of(SnomEventType.INCOMING, SnomEventType.CONNECTED, SnomEventType.DISCONNECTED));

      // ... a call comes in: the phone sends its action_incoming_url
      assertThat(tracker.awaitState(phone.id(), SnomCallState.RINGING, Duration.ofSeconds(10)))
          .isTrue();
      // README:end

      assertThat(ring.get(10, TimeUnit.SECONDS)).isEqualTo(200);
      assertThat(tracker.calls(phone.id()))
          .singleElement()
          .satisfies(
              call -> {
                assertThat(call.callId()).hasValue("4f9a@10.0.0.5");
                assertThat(call.remote()).hasValue("102@pbx");
                assertThat(call.displayRemote()).hasValue("Anna Müller");
              });
      assertThat(fake.setting("action_connected_url")).isPresent();
      // received is counted before the answer; delivered after the listeners, on their thread
      assertThat(events.counters().received()).isEqualTo(1);
      assertThat(events.counters().forged()).isZero();
      server.close();
      events.close();
    }
  }

  /**
   * Plays the phone: once the fake holds its action_incoming_url, fires it as a ringing phone
   * would, with a JDK client of its own. Completes with the status the server answered.
   */
  private static CompletableFuture<Integer> ringOnceConfigured(FakeSnomPhone fake) {
    CompletableFuture<Integer> status = new CompletableFuture<>();
    Thread phone =
        new Thread(
            () -> {
              try {
                Optional<String> url = Optional.empty();
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (url.isEmpty() && System.nanoTime() < until) {
                  if (fake.takeRequest(Duration.ofMillis(100)).isPresent()) {
                    url = fake.setting("action_incoming_url");
                  }
                }
                String fired = url.orElseThrow();
                for (Map.Entry<String, String> v : RINGING.entrySet()) {
                  fired =
                      fired.replace(
                          v.getKey(),
                          URLEncoder.encode(v.getValue(), StandardCharsets.UTF_8)
                              .replace("+", "%20"));
                }
                HttpClient client = HttpClient.newHttpClient();
                HttpResponse<Void> answer =
                    client.send(
                        HttpRequest.newBuilder(URI.create(fired)).build(),
                        HttpResponse.BodyHandlers.discarding());
                status.complete(answer.statusCode());
              } catch (Exception | Error e) {
                status.completeExceptionally(e);
              }
            },
            "ringing-phone");
    phone.setDaemon(true);
    phone.start();
    return status;
  }
}
