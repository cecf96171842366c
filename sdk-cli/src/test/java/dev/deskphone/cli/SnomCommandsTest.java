package dev.deskphone.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskphone.snom.SnomModel;
import dev.deskphone.testkit.Dialed;
import dev.deskphone.testkit.FakeSnomPhone;
import dev.deskphone.testkit.Fault;
import dev.deskphone.testkit.PressedKey;
import dev.deskphone.testkit.Touch;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnomCommandsTest {
  private final List<FakeSnomPhone> fakes = new ArrayList<>();
  @TempDir Path dir;

  @AfterEach
  void close() {
    fakes.forEach(FakeSnomPhone::close);
  }

  private FakeSnomPhone fake(SnomModel model) {
    FakeSnomPhone fake =
        model == null
            ? FakeSnomPhone.builder().start()
            : FakeSnomPhone.builder().model(model).start();
    fakes.add(fake);
    return fake;
  }

  private static String url(FakeSnomPhone fake) {
    return fake.uri().toString();
  }

  @Test
  void dialSendsTheNumberAndSaysOk() {
    FakeSnomPhone fake = fake(null);

    CliRun run = CliRun.run("snom", "dial", "--phone", url(fake), "+4930123");

    assertThat(run.exit).as(run.toString()).isZero();
    assertThat(run.out).contains("ok  snom dial on " + url(fake));
    assertThat(fake.dialed()).containsExactly(Dialed.of("+4930123"));
  }

  @Test
  void showServesAOneOffDocumentThePhoneFetchesAndShows() throws Exception {
    FakeSnomPhone fake = fake(SnomModel.SNOM_870);
    fake.holdMinibrowserConnections(true); // as real phones are reported to

    CliRun run =
        CliRun.run(
            "snom",
            "show",
            "--phone",
            url(fake),
            "--title",
            "Door",
            "--text",
            "Anna & Bob",
            "--seconds",
            "30");

    assertThat(run.exit).as(run.toString()).isZero();
    assertThat(run.out)
        .contains("ok  snom show document on " + url(fake))
        .containsPattern(
            "document fetched 1 time\\(s\\) for 1 phone\\(s\\) from http://127\\.0\\.0\\.1:\\d+/deskphone/show/\\.\\.\\.");
    assertThat(fake.awaitScreen(s -> s.title().equals("Door"), Duration.ofSeconds(5)))
        .hasValueSatisfying(s -> assertThat(s.text()).isEqualTo("Anna & Bob"));
  }

  @Test
  void showRefusesATextThePhoneWouldRunBeforeAnythingIsSent() {
    FakeSnomPhone fake = fake(null);

    CliRun run = CliRun.run("snom", "show", "--phone", url(fake), "--text", "$(set:http_pass)");

    assertThat(run.exit).as(run.toString()).isEqualTo(2);
    assertThat(run.err).contains("$(");
    assertThat(fake.requests()).isEmpty();
  }

  @Test
  void everySnomCommandReachesThePhone() {
    FakeSnomPhone fake = fake(SnomModel.SNOM_870);
    String[][] commands = {
      {"press", "OFFHOOK;1,200,100;#", "ENTER"},
      {"touch", "100,120", "5,5,press", "5,5,release"},
      {"dial", "1234", "--outgoing-uri", "sip:1234@pbx.example"},
      {"dtmf", "12#"},
      {"release-all"},
      {"logoff", "2"},
      {"logoff", "--all"},
      {"reregister", "1"},
      {"ringer", "3"},
      {"clear-list", "missed"},
      {"upgrade", "http://fw.example/snom870.bin"},
      {"reboot"},
    };
    for (String[] command : commands) {
      List<String> args = new ArrayList<>(List.of("snom", command[0], "--phone", url(fake)));
      args.addAll(List.of(command).subList(1, command.length));
      CliRun run = CliRun.run(args.toArray(String[]::new));
      assertThat(run.exit).as(run.toString()).isZero();
    }

    assertThat(fake.rejected()).isEmpty();
    assertThat(fake.pressedKeys()).hasSize(4).endsWith(PressedKey.of("ENTER"));
    assertThat(fake.touches())
        .hasSize(3)
        .first()
        .isEqualTo(new Touch(100, 120, Touch.Action.PRESS_RELEASE));
    assertThat(fake.dialed()).containsExactly(Dialed.of("1234", "sip:1234@pbx.example"));
    assertThat(fake.dtmf()).containsExactly("12#");
    assertThat(fake.state().lastRinger()).hasValue(3);
    assertThat(fake.state().firmwareUrl()).hasValue("http://fw.example/snom870.bin");
    assertThat(fake.state().reboots()).isEqualTo(1);
  }

  @Test
  void fixLilAndFactoryResetNeedTheirModelAndConfirmation() {
    FakeSnomPhone fake = fake(SnomModel.SNOM_820);

    assertThat(CliRun.run("snom", "fix-lil", "--phone", url(fake), "--model", "820").exit).isZero();
    CliRun unconfirmed = CliRun.run("snom", "factory-reset", "--phone", url(fake));
    assertThat(unconfirmed.exit).isEqualTo(2);
    assertThat(unconfirmed.err).contains("add --yes to confirm");
    assertThat(CliRun.run("snom", "factory-reset", "--phone", url(fake), "--yes").exit).isZero();

    assertThat(fake.state().lineInfoLayerFixes()).isEqualTo(1);
    assertThat(fake.state().resets()).isEqualTo(1);
  }

  @Test
  void badInputIsExitTwoWithOneLineAndNothingSent() {
    FakeSnomPhone fake = fake(null);

    CliRun run = CliRun.run("snom", "dial", "--phone", url(fake), "1&number=2");

    assertThat(run.exit).isEqualTo(2);
    assertThat(run.err.strip()).startsWith("deskphone: number must be").doesNotContain("\n");
    assertThat(run.err).doesNotContain("Exception");
    assertThat(CliRun.run("snom", "press", "--phone", url(fake), "--model", "300", "P5").err)
        .contains("the snom 300 has P1-P4");
    assertThat(CliRun.run("snom", "dial", "1").err)
        .contains("give either --phone URL or --phones FILE");
    assertThat(CliRun.run("snom", "ringer", "--phone", url(fake), "--model", "999", "1").err)
        .contains("unknown snom model '999'; known: 190, 200");
    assertThat(fake.requests()).isEmpty();
  }

  @Test
  void verboseAddsTheStackTrace() {
    CliRun run = CliRun.run("snom", "dial", "--phone", "http://127.0.0.1:1", "x", "--verbose");

    assertThat(run.exit).isEqualTo(2);
    assertThat(run.err).contains("deskphone: number must be", "IllegalArgumentException", "\tat ");
  }

  @Test
  void anUnreachablePhoneIsExitOne() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    CliRun run = CliRun.run("snom", "reboot", "--phone", "http://127.0.0.1:" + port);

    assertThat(run.exit).isEqualTo(1);
    assertThat(run.err).contains("connection refused or unreachable");
  }

  @Test
  void aMissingRemoteControlIsExitFive() {
    FakeSnomPhone fake = fake(SnomModel.D862);

    CliRun run = CliRun.run("snom", "press", "--phone", url(fake), "ENTER");

    assertThat(run.exit).as(run.toString()).isEqualTo(5);
    assertThat(run.err).contains("no HTTP remote control");
    assertThat(fake.rejected())
        .singleElement()
        .satisfies(r -> assertThat(r.status()).isEqualTo(404));
  }

  @Test
  void anAnswerThatNeverCameIsExitThree() {
    FakeSnomPhone fake = fake(null);
    fake.faults().onRequest(1, Fault.closeWithoutAnswer());

    CliRun run = CliRun.run("snom", "reboot", "--phone", url(fake));

    assertThat(run.exit).as(run.toString()).isEqualTo(3);
    assertThat(fake.state().reboots()).isEqualTo(1);
  }

  @Test
  void thePasswordComesFromAFileOrTheEnvironmentNeverTheCommandLine() throws IOException {
    FakeSnomPhone fake = FakeSnomPhone.builder().digestAuth("admin", "s3cret").start();
    fakes.add(fake);
    Path file = Files.writeString(dir.resolve("password"), "s3cret\n");

    CliRun fromFile =
        CliRun.run(
            "snom",
            "dial",
            "--phone",
            url(fake),
            "--user",
            "admin",
            "--password-file",
            file.toString(),
            "1");
    CliRun fromEnv =
        CliRun.run(
            Map.of("DESKPHONE_PASSWORD", "s3cret"),
            "snom",
            "dial",
            "--phone",
            url(fake),
            "--user",
            "admin",
            "2");
    CliRun none = CliRun.run("snom", "dial", "--phone", url(fake), "--user", "admin", "3");
    CliRun wrong =
        CliRun.run(
            Map.of("DESKPHONE_PASSWORD", "nope"),
            "snom",
            "dial",
            "--phone",
            url(fake),
            "--user",
            "admin",
            "4");
    CliRun onTheCommandLine =
        CliRun.run(
            "snom", "dial", "--phone", url(fake), "--user", "admin", "--password", "s3cret", "5");

    assertThat(fromFile.exit).as(fromFile.toString()).isZero();
    assertThat(fromEnv.exit).as(fromEnv.toString()).isZero();
    assertThat(none.exit).isEqualTo(2);
    assertThat(none.err).contains("--password-file FILE, set DESKPHONE_PASSWORD");
    assertThat(wrong.exit).isEqualTo(4);
    assertThat(wrong.err).doesNotContain("nope");
    // One failed login: each command starts a client of its own, whose first request is refused
    // without credentials (not a failed login) and whose answer to the challenge is refused.
    assertThat(fake.rejected()).hasSize(1).allSatisfy(r -> assertThat(r.status()).isEqualTo(401));
    assertThat(onTheCommandLine.exit).isEqualTo(2);
    assertThat(onTheCommandLine.err)
        .contains("Unknown option", "'--password'")
        .doesNotContain("s3cret");
    assertThat(fake.dialed()).containsExactly(Dialed.of("1"), Dialed.of("2"));
  }

  @Test
  void aPhoneListRunsOnEveryPhoneAndFailsIfAnyFailed() throws IOException {
    FakeSnomPhone a = fake(null);
    FakeSnomPhone b = fake(SnomModel.SNOM_870);
    FakeSnomPhone c = fake(null);
    c.remoteControl(false);
    Path list =
        Files.writeString(
            dir.resolve("phones.csv"),
            "# office\n" + url(a) + "\n" + url(b) + ",870\n\n" + url(c) + ",\n");

    CliRun run =
        CliRun.run("snom", "press", "--phones", list.toString(), "--concurrency", "2", "P15");

    assertThat(run.exit).as(run.toString()).isEqualTo(1);
    assertThat(run.out).contains("PHONE", "RESULT", "2 of 3 phones ok");
    assertThat(run.out.lines().filter(l -> l.contains("FAILED")))
        .singleElement()
        .satisfies(l -> assertThat(l).startsWith(url(c)).contains("HTTP 403"));
    assertThat(a.pressedKeys()).containsExactly(PressedKey.of("P15"));
    assertThat(b.pressedKeys()).containsExactly(PressedKey.of("P15"));
    assertThat(c.rejected()).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(403));
  }

  @Test
  void aBadPhoneListNamesTheLine() throws IOException {
    Path list =
        Files.writeString(dir.resolve("phones.csv"), "http://127.0.0.1:1\nhttp://x,870,extra\n");

    CliRun run = CliRun.run("snom", "reboot", "--phones", list.toString());

    assertThat(run.exit).isEqualTo(2);
    assertThat(run.err).contains("phones.csv line 2: expected URL[,MODEL], found 3 columns");
  }

  @Test
  void helpIsOnEveryCommandAndListsTheExitCodes() {
    for (String command :
        List.of(
            "press",
            "touch",
            "dial",
            "dtmf",
            "release-all",
            "logoff",
            "reregister",
            "ringer",
            "reboot",
            "factory-reset",
            "clear-list",
            "upgrade",
            "fix-lil",
            "configure-events")) {
      CliRun run = CliRun.run("snom", command, "--help");
      assertThat(run.exit).isZero();
      assertThat(run.out).contains("Usage: deskphone snom " + command, "--phone", "Exit codes:");
    }
    assertThat(CliRun.run("generate-completion").out).contains("complete -F");
  }

  @Test
  void aTimeoutIsChecked() {
    assertThat(CliRun.run("snom", "reboot", "--phone", "http://127.0.0.1:1", "--timeout", "0").err)
        .contains("--timeout must be more than 0");
    assertThat(Duration.ofMillis(1)).isPositive();
  }
}
