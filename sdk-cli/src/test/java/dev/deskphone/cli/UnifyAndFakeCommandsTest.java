package dev.deskphone.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskphone.core.LedColour;
import dev.deskphone.core.LedState;
import dev.deskphone.core.Turnled;
import dev.deskphone.core.TurnledResponse;
import dev.deskphone.testkit.FakeLed;
import dev.deskphone.testkit.FakeUnifyPhone;
import dev.deskphone.unify.SendUrlKey;
import dev.deskphone.unify.SendUrlServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnifyAndFakeCommandsTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path dir;

  private static SendUrlServer server(String symbolicName) {
    return SendUrlServer.builder()
        .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
        .withoutCredentials()
        .handler(
            r ->
                TurnledResponse.of(
                    Turnled.builder(symbolicName)
                        .state(LedState.FLASH)
                        .colour(LedColour.GREEN)
                        .label("Hi")
                        .build()))
        .start();
  }

  @Test
  void unifyPressActsAsAPhoneAndShowsTheLed() {
    try (SendUrlServer server = server("Door")) {
      CliRun run =
          CliRun.run(
              "unify", "press", "--server", server.uri().toString(), "--symbolic-name", "Door");

      assertThat(run.exit).as(run.toString()).isZero();
      assertThat(run.out).contains("Door: ● FLASH GREEN  label \"Hi\"");
    }
  }

  @Test
  void unifyPressReportsARefusalAsNoChange() {
    try (SendUrlServer server =
        SendUrlServer.builder()
            .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
            .credentials("u", "right")
            .handler(r -> TurnledResponse.of(Turnled.builder("Door").state(LedState.ON).build()))
            .start()) {
      Path password = write("password", "wrong\n");
      CliRun run =
          CliRun.run(
              "unify",
              "press",
              "--server",
              server.uri().toString(),
              "--symbolic-name",
              "Door",
              "--user",
              "u",
              "--password-file",
              password.toString());

      assertThat(run.exit).isEqualTo(1);
      assertThat(run.out).contains("unchanged (the server answered HTTP 403)");
      assertThat(run.out + run.err).doesNotContain("wrong");
    }
  }

  @Test
  void unifyPushMakesThePhoneFireItsKey() throws InterruptedException {
    try (SendUrlServer server = server("Lamp");
        FakeUnifyPhone phone =
            FakeUnifyPhone.builder()
                .key(SendUrlKey.builder().symbolicName("Lamp").server(server.uri()).build())
                .start()) {
      CliRun run =
          CliRun.run(
              "unify",
              "push",
              "--phone",
              phone.uri().toString(),
              "--symbolic-name",
              "Lamp",
              "--server",
              server.uri().toString());

      assertThat(run.exit).as(run.toString()).isZero();
      assertThat(run.out).contains("ok  push Lamp on");
      assertThat(phone.takeRequest(WAIT)).hasValueSatisfying(r -> assertThat(r.pushed()).isTrue());
      assertThat(phone.led("Lamp").state()).isEqualTo(LedState.FLASH);
    }
  }

  @Test
  void unifyPushToAMismatchedKeyFails() {
    try (FakeUnifyPhone phone =
        FakeUnifyPhone.builder()
            .key(
                SendUrlKey.builder()
                    .symbolicName("Lamp")
                    .server(URI.create("http://127.0.0.1:9/"))
                    .build())
            .start()) {
      CliRun run =
          CliRun.run(
              "unify",
              "push",
              "--phone",
              phone.uri().toString(),
              "--symbolic-name",
              "Other",
              "--server",
              "http://127.0.0.1:9/");

      assertThat(run.exit).as(run.toString()).isEqualTo(4);
      assertThat(run.err).contains("deskphone: ").contains("403");
      assertThat(phone.rejected())
          .singleElement()
          .satisfies(r -> assertThat(r.status()).isEqualTo(403));
    }
  }

  @Test
  void unifyServeAnswersFromItsConfigAndToggles() throws Exception {
    Path config =
        write(
            "leds.conf",
            "# test\nDoor = FLASH RED \"Door open\"\nLamp = toggle ON YELLOW | OFF\nPing = acknowledge\n");
    CliRun.Running serve =
        CliRun.start(Map.of(), "unify", "serve", "--port", "0", "--config", config.toString());
    URI uri = URI.create(serve.awaitOutput("Send URL server on (\\S+)", WAIT));
    try (FakeUnifyPhone phone =
        FakeUnifyPhone.builder()
            .key(SendUrlKey.builder().symbolicName("Door").server(uri).build())
            .key(SendUrlKey.builder().symbolicName("Lamp").server(uri).build())
            .key(SendUrlKey.builder().symbolicName("Ping").server(uri).build())
            .start()) {
      assertThat(phone.pressKey("Door"))
          .isEqualTo(
              new FakeLed(
                  LedState.FLASH, Optional.of(LedColour.RED), Optional.of("Door open"), false));
      assertThat(phone.pressKey("Lamp").state()).isEqualTo(LedState.ON);
      assertThat(phone.pressKey("Lamp").state()).isEqualTo(LedState.OFF);
      assertThat(phone.pressKey("Lamp").state()).isEqualTo(LedState.ON);
      assertThat(phone.pressKey("Ping").colour()).contains(LedColour.GREEN);
    } finally {
      serve.stop();
    }
    assertThat(serve.await().exit).isZero();
  }

  @Test
  void unifyServeRefusesABadConfigNamingTheLine() throws IOException {
    Path config = write("leds.conf", "Door = FLASH RED\nLamp = BLINK\n");

    CliRun run = CliRun.run("unify", "serve", "--port", "0", "--config", config.toString());

    assertThat(run.exit).isEqualTo(2);
    assertThat(run.err).contains("leds.conf line 2: 'BLINK' is not one of ON, OFF, FLASH, FLUTTER");
  }

  @Test
  void fakeSnomServesAndPrintsEachRequest() throws Exception {
    CliRun.Running fake = CliRun.start(Map.of(), "fake", "snom", "--model", "870");
    URI uri = URI.create(fake.awaitOutput("on (http://[^\\s,;]+)", WAIT));
    try {
      HttpResponse<String> answer =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(uri.resolve("/command.htm?key=ENTER")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).isEqualTo(200);
      fake.awaitOutput("GET /command.htm\\?key=ENTER", WAIT);
      HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(uri.resolve("/command.htm?key=F1")).build(),
              HttpResponse.BodyHandlers.ofString());
      fake.awaitOutput("not carried out: .*F1", WAIT);
    } finally {
      fake.stop();
    }
    assertThat(fake.await().exit).isZero();
  }

  @Test
  void fakeSnomWithDigestOverHttpsPrintsItsFingerprint() throws Exception {
    CliRun.Running fake = CliRun.start(Map.of(), "fake", "snom", "--digest", "admin:pw", "--https");
    String fingerprint = fake.awaitOutput("certificate SHA-256 (\\S+)", WAIT);
    String uri = fake.awaitOutput("on (https://[^\\s,;]+)", WAIT);
    try {
      CliRun reboot =
          CliRun.run(
              Map.of("DESKPHONE_PASSWORD", "pw"),
              "snom",
              "reboot",
              "--phone",
              uri,
              "--pin",
              fingerprint,
              "--user",
              "admin");
      assertThat(reboot.exit).as(reboot.toString()).isZero();
      fake.awaitOutput("GET /advanced_update.htm\\?reboot=Reboot", WAIT);
    } finally {
      fake.stop();
    }
    assertThat(fake.await().exit).isZero();
  }

  @Test
  void fakeUnifyTakesPushesAndPrintsThem() throws Exception {
    try (SendUrlServer server = server("Door")) {
      CliRun.Running fake =
          CliRun.start(Map.of(), "fake", "unify", "--key", "Door=" + server.uri());
      String uri = fake.awaitOutput("on (http://[^\\s,;]+)", WAIT);
      try {
        CliRun push =
            CliRun.run(
                "unify",
                "push",
                "--phone",
                uri,
                "--symbolic-name",
                "Door",
                "--server",
                server.uri().toString());
        assertThat(push.exit).as(push.toString()).isZero();
        fake.awaitOutput("push #1 POST /server_push.html/ServerPush", WAIT);
        fake.awaitOutput("key request #1 GET .*symbn=Door \\(Door, pushed\\) -> 200", WAIT);
      } finally {
        fake.stop();
      }
      assertThat(fake.await().exit).isZero();
    }
  }

  @Test
  void demoWalksThroughEveryCapability() {
    CliRun run = CliRun.run("demo");

    assertThat(run.exit).as(run.toString()).isZero();
    assertThat(run.out)
        .contains(
            "the phone pressed OFFHOOK, 1 held 200 ms, pause 100 ms, #; hook OFFHOOK",
            "the phone dialed +4930123456",
            "refused: touch at (480, 0) is off the snom 870's screen",
            "last ringer 3",
            "after:  []",
            "reboots 1, online false",
            "fake.setting(\"fkey0\") = speed 100, fkey_label0 = Reception",
            "action_incoming_url = http://127.0.0.1:",
            "&sig=***&ip=$phone_ip",
            "SnomEvent INCOMING: phone 127.0.0.1:",
            ", remote 102 \"Anna Müller\"",
            "tracker.state(phone.id()) = IDLE; fake.firedEvents(): [INCOMING ANSWERED, CONNECTED ANSWERED, DISCONNECTED ANSWERED]",
            "tracker.state(phone.id()) = RINGING",
            "SnomEvent CONNECTED: phone 127.0.0.1:",
            "tracker.state(phone.id()) = CONNECTED",
            "the phone shows: \"Incoming call\" Anna Müller / 102",
            "the phone shows: MENU [Anna Müller - Reception, Lobby - Lobby]",
            "the phone dialed 0305678, connected",
            "HTTP 403; events.counters(): received 5, delivered",
            "Door LED: ● FLASH RED  label \"Door open\"",
            "Lamp LED: ● ON YELLOW  label \"Lamp on\"",
            "Lamp LED: ● OFF  label \"Lamp off\"",
            "Ping LED: ● ON GREEN",
            "Ping LED: ● OFF",
            "Careless LED: ● ON GREEN",
            "Done.");
    assertThat(run.err).isEmpty();
    assertThat(run.out)
        .doesNotContain("no event arrived")
        .doesNotMatch("(?s).*sig=(?!\\*\\*\\*|A{22}).*");
  }

  private Path write(String name, String text) {
    try {
      return Files.writeString(dir.resolve(name), text);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
