package dev.deskphone.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.deskphone.snom.SnomEventEndpoint;
import dev.deskphone.testkit.FakeSnomPhone;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code snom configure-events} against fake snom phones that keep the settings, and {@code snom
 * events} receiving the stored URLs fired by an independent client (curl, or the JDK's client where
 * curl is not installed) with their {@code $} variables replaced as a phone replaces them.
 */
class SnomEventsCommandsTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String TIME = "\\d\\d:\\d\\d:\\d\\d  ";

  private final List<FakeSnomPhone> fakes = new ArrayList<>();
  @TempDir Path dir;

  @AfterEach
  void close() {
    fakes.forEach(FakeSnomPhone::close);
  }

  private FakeSnomPhone fake() {
    FakeSnomPhone fake = FakeSnomPhone.builder().start();
    fakes.add(fake);
    return fake;
  }

  /** The id the SDK gives a phone at this URI, and so its events: host and port. */
  private static String id(FakeSnomPhone fake) {
    return fake.uri().getHost() + ":" + fake.uri().getPort();
  }

  private static CliRun configure(FakeSnomPhone fake, String server, Path key, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "snom",
                "configure-events",
                "--phone",
                fake.uri().toString(),
                "--server",
                server,
                "--key-file",
                key.toString()));
    args.addAll(List.of(more));
    return CliRun.run(args.toArray(String[]::new));
  }

  @Test
  void configureEventsWritesTheDefaultCallEventsPointingAtTheServerAndCreatesTheKey()
      throws IOException {
    FakeSnomPhone fake = fake();
    Path key = dir.resolve("events.key");

    CliRun run = configure(fake, "http://pbx.example:8080/snom/events", key);

    assertThat(run.exit).as(run.toString()).isZero();
    assertThat(run.out)
        .contains("created key file " + key + " (owner only)")
        .contains(
            "events incoming, outgoing, connected, disconnected, missed, offhook, onhook, hold,"
                + " unhold -> http://pbx.example:8080/snom/events")
        .contains("ok  snom configure events on " + fake.uri())
        .doesNotContain("sig=");
    assertThat(fake.setting("action_incoming_url"))
        .hasValueSatisfying(
            url ->
                assertThat(url)
                    .startsWith(
                        "http://pbx.example:8080/snom/events?e=incoming&p=" + id(fake) + "&sig=")
                    .contains("&r=$remote&dr=$display_remote"));
    assertThat(fake.settings().keySet())
        .containsExactlyInAnyOrder(
            "action_incoming_url",
            "action_outgoing_url",
            "action_connected_url",
            "action_disconnected_url",
            "action_missed_url",
            "action_offhook_url",
            "action_onhook_url",
            "action_hold",
            "action_unhold");
    // Nine URLs do not fit one request of at most 2,000 characters: each request is persistent.
    assertThat(fake.requests())
        .hasSize(2)
        .allSatisfy(
            r ->
                assertThat(r.rawQuery())
                    .hasValueSatisfying(q -> assertThat(q).endsWith("&store_settings=save")));
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
          .isEqualTo("rw-------");
    }
  }

  @Test
  void configureEventsOnAFleetWritesEveryPhoneItsOwnUrlsAndPrintsTheTable() throws IOException {
    FakeSnomPhone a = fake();
    FakeSnomPhone b = fake();
    Path list = Files.writeString(dir.resolve("phones.csv"), a.uri() + "\n" + b.uri() + ",870\n");
    Path key = dir.resolve("events.key");

    CliRun run =
        CliRun.run(
            "snom",
            "configure-events",
            "--phones",
            list.toString(),
            "--server",
            "https://pbx.example/snom/events",
            "--key-file",
            key.toString(),
            "--events",
            "incoming,DND-on",
            "--events",
            "missed",
            "--concurrency",
            "2");

    assertThat(run.exit).as(run.toString()).isZero();
    assertThat(run.out).contains("PHONE", "RESULT", "snom configure events", "2 of 2 phones ok");
    for (FakeSnomPhone fake : List.of(a, b)) {
      assertThat(fake.settings().keySet())
          .containsExactlyInAnyOrder(
              "action_incoming_url", "action_dnd_on_url", "action_missed_url");
      assertThat(fake.setting("action_dnd_on_url"))
          .hasValueSatisfying(
              url ->
                  assertThat(url)
                      .startsWith(
                          "https://pbx.example/snom/events?e=dnd-on&p=" + id(fake) + "&sig="));
    }
    assertThat(sig(a.setting("action_incoming_url").orElseThrow()))
        .isNotEqualTo(sig(b.setting("action_incoming_url").orElseThrow()));
  }

  @Test
  void aKeyFileOthersCanReadIsUsedWithAWarning() throws IOException {
    assumeTrue(
        FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "no POSIX");
    FakeSnomPhone fake = fake();
    Path key = dir.resolve("events.key");
    SnomEventEndpoint.createKeyFile(key);
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));

    CliRun run = configure(fake, "http://pbx.example/snom/events", key, "--events", "incoming");

    assertThat(run.exit).as(run.toString()).isZero();
    assertThat(run.err)
        .contains("warning: key file " + key + " is readable by others", "chmod 600 " + key);
    assertThat(run.out).doesNotContain("created key file");
    assertThat(fake.setting("action_incoming_url")).isPresent();
  }

  @Test
  void anUnknownEventNameIsExitTwoListingTheKnownOnesWithNothingSentOrCreated() {
    FakeSnomPhone fake = fake();
    Path key = dir.resolve("events.key");

    CliRun run =
        configure(fake, "http://pbx.example/snom/events", key, "--events", "incoming,ringing");

    assertThat(run.exit).as(run.toString()).isEqualTo(2);
    assertThat(run.err.strip())
        .startsWith("deskphone: unknown event 'ringing'; known: incoming, outgoing, setup,")
        .contains("dnd-on", "firewall-test, or all")
        .doesNotContain("\n");
    assertThat(fake.requests()).isEmpty();
    assertThat(key).doesNotExist();
  }

  @Test
  void aServerUrlThePhonesCannotBeGivenIsExitTwoWithNothingSent() {
    FakeSnomPhone fake = fake();

    CliRun run = configure(fake, "http://pbx.example/snom/events?x=1", dir.resolve("events.key"));

    assertThat(run.exit).as(run.toString()).isEqualTo(2);
    assertThat(run.err).startsWith("deskphone: ").contains("query");
    assertThat(fake.requests()).isEmpty();
  }

  @Test
  void eventsPrintsEachEventFromAConfiguredPhoneAndCountsForgedOnesWithoutPrintingThem()
      throws Exception {
    FakeSnomPhone fake = fake();
    Path key = dir.resolve("events.key");
    CliRun.Running events =
        CliRun.start(
            Map.of(),
            "snom",
            "events",
            "--listen",
            "0",
            "--key-file",
            key.toString(),
            "--track",
            "--summary-every",
            "0.2");
    try {
      String server = events.awaitOutput("snom events on (http://\\S+)", WAIT);
      assertThat(events.out()).contains("created key file " + key);
      byte[] keyBytes = Files.readAllBytes(key);

      CliRun configured =
          configure(fake, server, key, "--events", "incoming,connected,disconnected,dnd-on");
      assertThat(configured.exit).as(configured.toString()).isZero();
      assertThat(configured.out).doesNotContain("created key file");
      assertThat(Files.readAllBytes(key)).isEqualTo(keyBytes);

      String incoming = fake.setting("action_incoming_url").orElseThrow();
      assertThat(fire(incoming, call("4f9a@10.0.0.5", "Anna Müller"))).isEqualTo(200);
      awaitLine(events, fake, "incoming  call 4f9a@10.0.0.5  from 102@pbx \"Anna Müller\"");
      awaitLine(events, fake, "IDLE -> RINGING");

      String forged = incoming.replaceFirst("sig=[^&]+", "sig=AAAAAAAAAAAAAAAAAAAAAA");
      assertThat(fire(forged, call("forged@10.0.0.5", "Mallory"))).isEqualTo(403);
      events.awaitOutput("events: received 1, delivered 1, forged 1, malformed 0, dropped 0", WAIT);

      String connected = fake.setting("action_connected_url").orElseThrow();
      assertThat(fire(connected, call("4f9a@10.0.0.5", "Anna \u001b[31mM\u202eüller")))
          .isEqualTo(200);
      awaitLine(
          events,
          fake,
          "connected  call 4f9a@10.0.0.5  with 102@pbx \"Anna \\u001b[31mM\\u202eüller\"");
      awaitLine(events, fake, "RINGING -> CONNECTED");

      String unknown =
          incoming.replace("?e=incoming&", "?e=frobnicate&").replace("&ip=", "&x=1&ip=");
      assertThat(fire(unknown, call("4f9a@10.0.0.5", "Anna"))).isEqualTo(200);
      awaitLine(events, fake, "frobnicate  call 4f9a@10.0.0.5  with 102@pbx \"Anna\"  x=1");

      String dnd = fake.setting("action_dnd_on_url").orElseThrow();
      assertThat(fire(dnd, Map.of("$active_user", "101@pbx"))).isEqualTo(200);
      awaitLine(events, fake, "dnd-on  user 101@pbx");
    } finally {
      events.stop();
    }
    CliRun run = events.await();
    assertThat(run.exit).as(run.toString()).isZero();
    assertThat(run.out)
        .doesNotContain("forged@", "Mallory", "\u001b", "\u202e", "sig=")
        .contains("stopped; events: received 4, delivered 4, forged 1, malformed 0, dropped 0");
  }

  @Test
  void eventsRefusesABadPortOrPathAndHasHelp() {
    Path key = dir.resolve("events.key");

    CliRun port = CliRun.run("snom", "events", "--listen", "70000", "--key-file", key.toString());
    CliRun path =
        CliRun.run(
            "snom", "events", "--listen", "0", "--key-file", key.toString(), "--path", "no-slash");
    CliRun help = CliRun.run("snom", "events", "--help");

    assertThat(port.exit).isEqualTo(2);
    assertThat(port.err).contains("--listen must be a port from 0 to 65535, was 70000");
    assertThat(path.exit).as(path.toString()).isEqualTo(2);
    assertThat(path.err).startsWith("deskphone: ").contains("no-slash");
    assertThat(help.exit).isZero();
    assertThat(help.out)
        .contains(
            "Usage: deskphone snom events", "--listen", "--key-file", "--track", "Exit codes:");
  }

  /** Waits for the line {@code TIME PHONE text} of an event or a change of {@code fake}. */
  private static void awaitLine(CliRun.Running events, FakeSnomPhone fake, String text)
      throws InterruptedException {
    events.awaitOutput(TIME + Pattern.quote(id(fake) + "  " + text), WAIT);
  }

  /** A ringing call's variables as a phone fills them in. */
  private static Map<String, String> call(String callId, String display) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("$phone_ip", "10.0.0.5");
    v.put("$mac", "000413A1B2C3");
    v.put("$call-id", callId);
    v.put("$local", "101@pbx");
    v.put("$remote", "102@pbx");
    v.put("$display_remote", display);
    v.put("$nr_ongoing_calls", "1");
    return v;
  }

  private static String sig(String url) {
    return url.replaceAll(".*[?&]sig=([^&]+).*", "$1");
  }

  /**
   * Fires {@code url} as the phone would, its variables replaced (percent-encoded UTF-8) and the
   * ones not given left as they are: with curl when installed, else with the JDK's client. Returns
   * the status the server answered.
   */
  private static int fire(String url, Map<String, String> variables) throws Exception {
    String fired = url;
    for (Map.Entry<String, String> v : variables.entrySet()) {
      fired =
          fired.replace(
              v.getKey(),
              URLEncoder.encode(v.getValue(), StandardCharsets.UTF_8).replace("+", "%20"));
    }
    if (curlInstalled()) {
      Process p =
          new ProcessBuilder(
                  "curl", "-s", "--globoff", "-o", "/dev/null", "-w", "%{http_code}", fired)
              .redirectErrorStream(true)
              .start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("curl ended").isTrue();
      return Integer.parseInt(out);
    }
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(fired)).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static boolean curlInstalled() {
    try {
      Process p = new ProcessBuilder("curl", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
