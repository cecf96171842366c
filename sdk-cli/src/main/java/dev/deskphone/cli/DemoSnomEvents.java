package dev.deskphone.cli;

import dev.deskphone.core.server.EndpointServer;
import dev.deskphone.snom.MinibrowserDirectory;
import dev.deskphone.snom.MinibrowserText;
import dev.deskphone.snom.SnomCallState;
import dev.deskphone.snom.SnomCallTracker;
import dev.deskphone.snom.SnomDirectoryEndpoint;
import dev.deskphone.snom.SnomEvent;
import dev.deskphone.snom.SnomEventEndpoint;
import dev.deskphone.snom.SnomEventType;
import dev.deskphone.snom.SnomPhone;
import dev.deskphone.testkit.FakeCall;
import dev.deskphone.testkit.FakeSnomPhone;
import dev.deskphone.testkit.Switchboard;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The demo's snom events part: a {@link SnomEventEndpoint} and a {@link SnomCallTracker} on an
 * {@link EndpointServer}, the fake phone configured by {@link SnomPhone#configureEvents}, and a
 * call to it from a second fake on the same switchboard, which makes it fire its action URLs.
 */
final class DemoSnomEvents {
  private DemoSnomEvents() {}

  /**
   * Runs the steps on the demo's fake snom phone (extension 101 on {@code board}) and its client.
   */
  static void run(DemoSteps steps, Switchboard board, FakeSnomPhone fake, SnomPhone phone)
      throws IOException, InterruptedException {
    BlockingQueue<SnomEvent> received = new LinkedBlockingQueue<>();
    SnomCallTracker tracker = SnomCallTracker.builder().build();
    AtomicReference<SnomDirectoryEndpoint> phonebook = new AtomicReference<>();
    try (SnomEventEndpoint events =
            SnomEventEndpoint.builder()
                .listener(received::add)
                .listener(tracker::accept)
                .screen(
                    event ->
                        event
                            .type()
                            .filter(type -> type == SnomEventType.INCOMING)
                            .map(
                                type ->
                                    MinibrowserText.builder()
                                        .title("Incoming call")
                                        .text(
                                            event.displayRemote().orElse("Unknown")
                                                + "\n"
                                                + event.remote().orElse(""))
                                        .build()))
                .build();
        EndpointServer server =
            EndpointServer.builder()
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .endpoint("/snom/events", events)
                .endpoint("/phonebook", request -> phonebook.get().handle(request))
                .start()) {
      steps.heading(
          "snom events: the phone calls "
              + server.uri("/snom/events")
              + " when something happens (SnomEventEndpoint on an EndpointServer)");
      steps.say(
          "Point the phone's action URLs at the endpoint: each carries the phone's id and a"
              + " secret, never a password",
          "phone.configureEvents(events, server.uri(\"/snom/events\"), EnumSet.of(INCOMING,"
              + " CONNECTED, DISCONNECTED))");
      phone.configureEvents(
          events,
          server.uri("/snom/events"),
          EnumSet.of(SnomEventType.INCOMING, SnomEventType.CONNECTED, SnomEventType.DISCONNECTED));
      steps.show(
          "action_incoming_url = "
              + fake.setting("action_incoming_url").orElse("?").replaceAll("sig=[^&]+", "sig=***"));

      try (FakeSnomPhone anna =
          FakeSnomPhone.builder()
              .switchboard(board, "102")
              .displayName("Anna Müller")
              .lenient()
              .start()) {
        SnomPhone annasPhone = SnomPhone.builder().uri(anna.uri()).build();
        steps.say(
            "A call comes in: Anna (ext 102, a second fake on the same Switchboard) dials 101;"
                + " the phone rings and fires its incoming URL, $remote and the rest filled in",
            "annasPhone.dial(\"101\")");
        annasPhone.dial("101");
        event(steps, received.poll(5, TimeUnit.SECONDS));
        tracker.awaitState(phone.id(), SnomCallState.RINGING, Duration.ofSeconds(5));
        steps.show("tracker.state(phone.id()) = " + tracker.state(phone.id()));
        steps.show(
            "the endpoint answered with a screen (.screen(event -> MinibrowserText...)); the phone"
                + " shows: "
                + fake.awaitScreen(s -> s.title().equals("Incoming call"), Duration.ofSeconds(5))
                    .map(s -> "\"" + s.title() + "\" " + s.text().replace("\n", " / "))
                    .orElse("nothing"));

        steps.say(
            "Answer it on the phone: both sides connect, the phone fires its connected URL",
            "phone.press(\"ENTER\")");
        phone.press("ENTER");
        event(steps, received.poll(5, TimeUnit.SECONDS));
        tracker.awaitState(phone.id(), SnomCallState.CONNECTED, Duration.ofSeconds(5));
        steps.show("tracker.state(phone.id()) = " + tracker.state(phone.id()));

        steps.say(
            "Anna hangs up: the phone fires its disconnected URL", "annasPhone.press(\"ONHOOK\")");
        annasPhone.press("ONHOOK");
        event(steps, received.poll(5, TimeUnit.SECONDS));
        tracker.awaitState(phone.id(), SnomCallState.IDLE, Duration.ofSeconds(5));
        fake.awaitFired(SnomEventType.DISCONNECTED, Duration.ofSeconds(5));
        steps.show(
            "tracker.state(phone.id()) = "
                + tracker.state(phone.id())
                + "; fake.firedEvents(): "
                + fake.firedEvents().stream().map(e -> e.event() + " " + e.outcome()).toList());
      }

      steps.heading("the screen: minibrowser documents, pushed and picked like a user would");
      phonebook.set(
          SnomDirectoryEndpoint.builder()
              .publicUri(server.uri("/phonebook"))
              .title("Phonebook")
              .pageSize(2)
              .entries(
                  () ->
                      List.of(
                          new MinibrowserDirectory.Entry("Anna Müller", "102"),
                          new MinibrowserDirectory.Entry("Reception", "0301234"),
                          new MinibrowserDirectory.Entry("Lobby", "0305678")))
              .build());
      steps.say(
          "Push a phonebook to the screen (SnomDirectoryEndpoint: 3 entries, 2 a page)",
          "phone.show(server.uri(\"/phonebook\"))");
      phone.show(server.uri("/phonebook"));
      steps.show(
          "the phone shows: "
              + fake.awaitScreen(s -> s.title().equals("Phonebook"), Duration.ofSeconds(5))
                  .map(s -> s.kind() + " " + s.itemNames())
                  .orElse("nothing"));
      steps.say(
          "Pick the second page, then its entry: the phone dials it",
          "fake.select(1); fake.select(0)");
      fake.select(1);
      fake.awaitScreen(s -> s.title().equals("Phonebook 2/2"), Duration.ofSeconds(5));
      fake.select(0);
      steps.show(
          "the phone dialed "
              + (fake.awaitCall(FakeCall.State.CONNECTED, Duration.ofSeconds(5)).isPresent()
                  ? fake.dialed().get(fake.dialed().size() - 1).number() + ", connected"
                  : "nothing"));
      phone.releaseAllCalls();
      fake.awaitFired(SnomEventType.DISCONNECTED, 2, Duration.ofSeconds(5));

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

  /** Sends a forged action URL, its variables left as they are, with a plain JDK client. */
  private static int fire(String actionUrl) throws IOException, InterruptedException {
    String url = actionUrl.replace("$", "%24");
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
