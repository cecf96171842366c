package dev.deskphone.cli;

import dev.deskphone.core.server.EndpointServer;
import dev.deskphone.snom.SnomCallState;
import dev.deskphone.snom.SnomCallTracker;
import dev.deskphone.snom.SnomEvent;
import dev.deskphone.snom.SnomEventEndpoint;
import dev.deskphone.snom.SnomEventType;
import dev.deskphone.snom.SnomPhone;
import dev.deskphone.testkit.FakeSnomPhone;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The demo's snom events part: a {@link SnomEventEndpoint} and a {@link SnomCallTracker} on an
 * {@link EndpointServer}, the fake phone configured by {@link SnomPhone#configureEvents}, and its
 * stored URLs fired as the phone would fire them.
 */
final class DemoSnomEvents {
  /** What a phone fills in for its action URLs' variables during the demo's call. */
  private static final Map<String, String> CALL =
      Map.of(
          "$phone_ip", "10.0.0.5",
          "$mac", "000413A1B2C3",
          "$call-id", "4f9a@10.0.0.5",
          "$local", "101@pbx",
          "$remote", "102@pbx",
          "$display_remote", "Anna Müller",
          "$nr_ongoing_calls", "1");

  private DemoSnomEvents() {}

  /** Runs the steps on the demo's fake snom phone and its client. */
  static void run(DemoSteps steps, FakeSnomPhone fake, SnomPhone phone)
      throws IOException, InterruptedException {
    BlockingQueue<SnomEvent> received = new LinkedBlockingQueue<>();
    SnomCallTracker tracker = SnomCallTracker.builder().build();
    try (SnomEventEndpoint events =
            SnomEventEndpoint.builder().listener(received::add).listener(tracker::accept).build();
        EndpointServer server =
            EndpointServer.builder()
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .endpoint("/snom/events", events)
                .start()) {
      steps.heading(
          "snom events: the phone calls "
              + server.uri("/snom/events")
              + " when something happens (SnomEventEndpoint on an EndpointServer)");
      steps.say(
          "Point the phone's action URLs at the endpoint: each carries the phone's id and a"
              + " secret, never a password",
          "phone.configureEvents(events, server.uri(\"/snom/events\"), EnumSet.of(INCOMING,"
              + " CONNECTED))");
      phone.configureEvents(
          events,
          server.uri("/snom/events"),
          EnumSet.of(SnomEventType.INCOMING, SnomEventType.CONNECTED));
      steps.show(
          "action_incoming_url = "
              + fake.setting("action_incoming_url").orElse("?").replaceAll("sig=[^&]+", "sig=***"));

      steps.say(
          "A call comes in: the phone fires its incoming URL, $remote and the rest filled in",
          "GET action_incoming_url with $remote=102@pbx, $display_remote=Anna Müller, ...");
      fire(fake.setting("action_incoming_url").orElseThrow());
      event(steps, received.poll(5, TimeUnit.SECONDS));
      tracker.awaitState(phone.id(), SnomCallState.RINGING, Duration.ofSeconds(5));
      steps.show("tracker.state(phone.id()) = " + tracker.state(phone.id()));

      steps.say(
          "The call is answered: the phone fires its connected URL", "GET action_connected_url");
      fire(fake.setting("action_connected_url").orElseThrow());
      event(steps, received.poll(5, TimeUnit.SECONDS));
      tracker.awaitState(phone.id(), SnomCallState.CONNECTED, Duration.ofSeconds(5));
      steps.show("tracker.state(phone.id()) = " + tracker.state(phone.id()));

      steps.say(
          "Anyone else: a URL with a wrong secret is refused (403), logged, counted, never delivered",
          "GET ...&sig=AAAAAAAAAAAAAAAAAAAAAA...");
      int status =
          fire(
              fake.setting("action_incoming_url")
                  .orElseThrow()
                  .replaceAll("sig=[^&]+", "sig=AAAAAAAAAAAAAAAAAAAAAA"));
      steps.show(
          "HTTP " + status + "; events.counters(): " + EventLines.summary(events.counters()));
    }
  }

  /** Fires an action URL as a ringing phone would: its variables replaced, a plain JDK client. */
  private static int fire(String actionUrl) throws IOException, InterruptedException {
    String url = actionUrl;
    for (Map.Entry<String, String> v : CALL.entrySet()) {
      url =
          url.replace(
              v.getKey(),
              URLEncoder.encode(v.getValue(), StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static void event(DemoSteps steps, SnomEvent e) {
    if (e == null) {
      steps.show(steps.terminal().paint("no event arrived", Terminal.Colour.YELLOW));
      return;
    }
    steps.show(
        "SnomEvent "
            + e.type().map(Enum::name).orElse(e.eventName())
            + ": phone "
            + e.phone()
            + ", call "
            + e.callId().orElse("-")
            + ", remote "
            + e.remote().orElse("-")
            + " \""
            + e.displayRemote().orElse("")
            + "\"");
  }
}
