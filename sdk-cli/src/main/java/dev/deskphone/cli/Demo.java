package dev.deskphone.cli;

import com.sun.net.httpserver.HttpServer;
import dev.deskphone.core.LedColour;
import dev.deskphone.core.LedState;
import dev.deskphone.core.PushRequest;
import dev.deskphone.core.TouchCommand;
import dev.deskphone.core.Turnled;
import dev.deskphone.core.TurnledResponse;
import dev.deskphone.core.server.EndpointServer;
import dev.deskphone.snom.CallList;
import dev.deskphone.snom.FunctionKey;
import dev.deskphone.snom.SnomModel;
import dev.deskphone.snom.SnomPhone;
import dev.deskphone.snom.SnomSettings;
import dev.deskphone.testkit.FakeLed;
import dev.deskphone.testkit.FakeSnomPhone;
import dev.deskphone.testkit.FakeUnifyPhone;
import dev.deskphone.testkit.MutableClock;
import dev.deskphone.testkit.PressedKey;
import dev.deskphone.testkit.Switchboard;
import dev.deskphone.unify.SendUrlEndpoint;
import dev.deskphone.unify.SendUrlKey;
import dev.deskphone.unify.SendUrlReply;
import dev.deskphone.unify.SendUrlRoutes;
import dev.deskphone.unify.UnifyPhone;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code deskphone demo}: a fake snom phone, a fake Unify phone and a Send URL server, all
 * in-process on 127.0.0.1, and every capability of the SDK run against them, step by step.
 */
@Command(
    name = "demo",
    description = "Walk through every capability on fake phones started in-process on 127.0.0.1.")
final class Demo implements Callable<Integer> {
  private static final String USER = "admin";
  private static final String PASSWORD = "demo-secret";

  @ParentCommand Deskphone root;

  private Terminal t;
  private DemoSteps steps;

  @Override
  public Integer call() throws IOException, InterruptedException {
    t = root.terminal();
    steps = new DemoSteps(t);
    t.out()
        .println(
            t.paint("Deskphone SDK demo", Terminal.Colour.BOLD)
                + ": everything below talks to fake phones on 127.0.0.1.");
    snom();
    unify();
    t.out().println();
    t.out()
        .println(
            t.paint("Done.", Terminal.Colour.BOLD)
                + " Try `./deskphone --help`, or `./deskphone fake snom` to get a fake phone of your own.");
    t.out().flush();
    return ExitCode.OK;
  }

  private void snom() throws IOException, InterruptedException {
    try (Switchboard board = Switchboard.create();
        FakeSnomPhone fake =
            FakeSnomPhone.builder()
                .switchboard(board, "101")
                .model(SnomModel.SNOM_870)
                .digestAuth(USER, PASSWORD)
                .callList(CallList.MISSED, List.of("+4930111", "+4930222"))
                .rebootDowntime(Duration.ofDays(1))
                .https()
                .lenient() // a demo shows, it does not fail
                .start()) {
      heading("snom 870 (fake) at " + fake.uri() + ", Digest login, self-signed certificate");
      say(
          "Trust exactly the phone's certificate by its SHA-256 fingerprint (no trust-all)",
          "TlsPolicy.pinned(\"" + fake.certificateFingerprint().substring(0, 11) + "...\")");
      SnomPhone phone =
          SnomPhone.builder()
              .uri(fake.uri())
              .tls(fake.tls())
              .credentials(USER, PASSWORD)
              .model(SnomModel.SNOM_870)
              .build();

      say(
          "Press keys: lift the handset, hold 1 for 200 ms, then #",
          "phone.press(\"OFFHOOK;1,200,100;#\")");
      phone.press("OFFHOOK;1,200,100;#");
      show("the phone pressed " + keys(fake.pressedKeys()) + "; hook " + fake.state().hook());

      say("Dial a number (+ goes as %2B)", "phone.dial(\"+4930123456\")");
      phone.dial("+4930123456");
      show("the phone dialed " + fake.dialed().get(0).number());

      say(
          "Tap the touch screen, chained in one request",
          "phone.touch(tap(100, 120), tap(240, 200))");
      phone.touch(TouchCommand.tap(100, 120), TouchCommand.tap(240, 200));
      show(
          "the phone saw "
              + fake.touches().stream().map(x -> "(" + x.x() + ", " + x.y() + ")").toList());

      say("Refuse what the model lacks, before sending", "phone.touch(tap(480, 0))");
      try {
        phone.touch(TouchCommand.tap(480, 0));
      } catch (IllegalArgumentException e) {
        show(t.paint("refused: ", Terminal.Colour.YELLOW) + e.getMessage());
      }

      say("Play ringer 3", "phone.playRinger(3)");
      phone.playRinger(3);
      show("last ringer " + fake.state().lastRinger().orElse(0));

      say("Clear the missed-calls list", "phone.clearCallList(CallList.MISSED)");
      show("before: " + fake.state().callList(CallList.MISSED));
      phone.clearCallList(CallList.MISSED);
      show("after:  " + fake.state().callList(CallList.MISSED));

      say("Reboot: the phone goes away for a while", "phone.reboot()");
      phone.reboot();
      show("reboots " + fake.state().reboots() + ", online " + fake.state().online());
      try {
        phone.releaseAllCalls();
      } catch (RuntimeException e) {
        show(t.paint("while it reboots: ", Terminal.Colour.YELLOW) + e.getMessage());
      }
      fake.finishReboot();
      phone.releaseAllCalls();
      show(
          "back again; released calls "
              + fake.state().releasedCalls()
              + "; "
              + fake.requests().size()
              + " requests in all (one login challenge per nonce)");

      say(
          "Write settings: a speed-dial function key with its label, kept across reboots",
          "phone.writeSettings(SnomSettings.builder()"
              + ".functionKey(FunctionKey.speed(0, \"100\").withLabel(\"Reception\"))"
              + ".persistent(true).build())");
      phone.writeSettings(
          SnomSettings.builder()
              .functionKey(FunctionKey.speed(0, "100").withLabel("Reception"))
              .persistent(true)
              .build());
      show(
          "fake.setting(\"fkey0\") = "
              + fake.setting("fkey0").orElse("?")
              + ", fkey_label0 = "
              + fake.setting("fkey_label0").orElse("?"));

      DemoSnomEvents.run(steps, board, fake, phone);
    }
  }

  private void unify() throws IOException, InterruptedException {
    MutableClock clock = MutableClock.at(Instant.parse("2026-12-01T09:00:00Z"));
    AtomicInteger lampPresses = new AtomicInteger();
    SendUrlRoutes routes =
        SendUrlRoutes.builder()
            .route(
                "Door",
                r ->
                    TurnledResponse.of(
                        Turnled.builder("Door")
                            .state(LedState.FLASH)
                            .colour(LedColour.RED)
                            .label("Door open")
                            .build()))
            .respond(
                "Lamp",
                r ->
                    SendUrlReply.leds(
                        TurnledResponse.of(
                            lampPresses.getAndIncrement() % 2 == 0
                                ? Turnled.builder("Lamp")
                                    .state(LedState.ON)
                                    .colour(LedColour.YELLOW)
                                    .label("Lamp on")
                                    .build()
                                : Turnled.builder("Lamp")
                                    .state(LedState.OFF)
                                    .label("Lamp off")
                                    .build())))
            .acknowledge("Ping")
            .build();
    HttpServer careless = carelessServer();
    // The Send URL endpoint on the SDK's own server, at a path of its own: the same endpoint
    // mounts in Jetty, Tomcat or Spring Boot with sdk-servlet's EndpointServlet.
    try (EndpointServer server =
            EndpointServer.builder()
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .endpoint(
                    "/keys",
                    SendUrlEndpoint.builder().credentials(USER, PASSWORD).responder(routes).build())
                .workers(8)
                .start();
        FakeUnifyPhone fake =
            FakeUnifyPhone.builder()
                .key(key("Door", server.uri("/keys")))
                .key(key("Lamp", server.uri("/keys")))
                .key(key("Ping", server.uri("/keys")))
                .key(
                    SendUrlKey.builder()
                        .symbolicName("Careless")
                        .server(
                            URI.create("http://127.0.0.1:" + careless.getAddress().getPort() + "/"))
                        .build())
                .clock(clock)
                .lenient()
                .start()) {
      heading(
          "Unify CP600 (fake) with Send URL keys, and a Send URL endpoint at "
              + server.uri("/keys")
              + " (EndpointServer: one port, endpoints by path)");

      say(
          "Press the Door key: the phone asks the server, the server answers with LED XML",
          "fake.pressKey(\"Door\")");
      led("Door", fake.pressKey("Door"));

      say("Push: the server asks the phone to fire the Lamp key itself", "UnifyPhone.push(Lamp)");
      UnifyPhone phone = UnifyPhone.builder().uri(fake.uri()).build();
      phone.push(PushRequest.builder().symbolicName("Lamp").server(server.uri("/keys")).build());
      fake.takeRequest(Duration.ofSeconds(5)); // the Door press above
      fake.takeRequest(Duration.ofSeconds(5)); // the Lamp request the push fired
      led("Lamp", fake.led("Lamp"));
      say("Press Lamp again: the server toggles it", "fake.pressKey(\"Lamp\")");
      led("Lamp", fake.pressKey("Lamp"));

      say(
          "Acknowledge: an empty 200 lights the LED green for 2 seconds",
          "routes.acknowledge(\"Ping\")");
      led("Ping", fake.pressKey("Ping"));
      clock.advance(FakeUnifyPhone.ACKNOWLEDGE_GREEN);
      led("Ping", fake.led("Ping"));
      show("(2 seconds later, on the fake's clock)");

      say(
          "A careless server answers 200 with broken XML: the phone shows the same green flash,"
              + " which is why SendUrlEndpoint never writes one by accident",
          "fake.pressKey(\"Careless\")");
      led("Careless", fake.pressKey("Careless"));
    } finally {
      careless.stop(0);
    }
  }

  private static String keys(List<PressedKey> keys) {
    StringBuilder s = new StringBuilder();
    for (PressedKey k : keys) {
      s.append(s.length() == 0 ? "" : ", ").append(k.key());
      k.pressTime().ifPresent(p -> s.append(" held ").append(p.toMillis()).append(" ms"));
      k.pause().ifPresent(p -> s.append(", pause ").append(p.toMillis()).append(" ms"));
    }
    return s.toString();
  }

  private static SendUrlKey key(String name, URI server) {
    return SendUrlKey.builder()
        .symbolicName(name)
        .server(server)
        .userId(USER)
        .password(PASSWORD)
        .build();
  }

  /** A bare JDK server that answers every key with 200 and XML that does not parse. */
  private static HttpServer carelessServer() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    byte[] broken = "<Batch><Remote_Control><Turnled ID=".getBytes(StandardCharsets.UTF_8);
    server.createContext(
        "/",
        exchange -> {
          exchange.getResponseHeaders().set("Content-Type", "text/xml");
          exchange.sendResponseHeaders(200, broken.length);
          exchange.getResponseBody().write(broken);
          exchange.close();
        });
    server.start();
    return server;
  }

  private void heading(String text) {
    steps.heading(text);
  }

  private void say(String what, String code) {
    steps.say(what, code);
  }

  private void show(String text) {
    steps.show(text);
  }

  private void led(String key, FakeLed led) {
    Turnled.Builder b = Turnled.builder(key).state(led.state()).wake(led.wake());
    led.colour().ifPresent(b::colour);
    led.label().ifPresent(b::label);
    show(key + " LED: " + LedView.describe(t, b.build()));
  }
}
