package dev.deskphone.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.deskphone.core.PhoneHeaders;
import dev.deskphone.core.TlsPolicy;
import dev.deskphone.core.server.EndpointResponse;
import dev.deskphone.core.server.EndpointServer;
import dev.deskphone.snom.SnomPhone;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deskphone fake lab}, as people testing from other languages use it: its output contract
 * (shared/API.md), and the call scenarios driven by curl and by a Python script with the standard
 * library only, both with Digest, never through the SDK.
 */
class FakeLabCommandTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Pattern PHONE =
      Pattern.compile(
          "(?m)^(snom 870|unify CP600)  ext (\\d+)  (https?://127\\.0\\.0\\.1:\\d+/\\S*)$");

  @TempDir Path dir;

  @Test
  void printsOneLinePerPhoneWithItsExtensionThenItsUrlBeforeAnythingElseAboutIt() throws Exception {
    CliRun.Running lab = CliRun.start(Map.of(), "fake", "lab", "--snom", "3", "--unify", "1");
    try {
      lab.awaitOutput("(switchboard: 4 phones, extensions 101..104)", WAIT);
      List<String[]> phones = phones(lab.out());
      assertThat(phones)
          .extracting(p -> p[0] + " " + p[1])
          .containsExactly("snom 870 101", "snom 870 102", "snom 870 103", "unify CP600 104");
      assertThat(phones).extracting(p -> p[2]).doesNotHaveDuplicates();

      SnomPhone.builder().uri(java.net.URI.create(phones.get(0)[2])).build().dial("103");
      lab.awaitOutput("(103  call \\S+ from 101: RINGING)", WAIT);
      String out = lab.out();
      assertThat(out.indexOf("ext 103")).isNotNegative().isLessThan(out.indexOf("103  call"));
      assertThat(out).contains("101  #1 GET /command.htm?number=103");
    } finally {
      lab.stop();
      assertThat(lab.await().exit).isZero();
    }
  }

  @Test
  void curlCallsAnExtensionAnswersAndHangsUpWithDigestAndAnUmlautPassword() throws Exception {
    assumeTrue(installed("curl"), "curl is not installed");
    CliRun.Running lab =
        CliRun.start(Map.of(), "fake", "lab", "--snom", "2", "--digest", "admin:pässwort");
    try {
      lab.awaitOutput("(switchboard: )", WAIT);
      List<String[]> phones = phones(lab.out());
      String a = phones.get(0)[2];
      String b = phones.get(1)[2];

      curl("GET", a + "command.htm?number=102");
      lab.awaitOutput("(102  call \\S+ from 101: RINGING)", WAIT);
      curl("POST", b + "command.htm?key=ENTER");
      lab.awaitOutput("(101  call \\S+ to 102: CONNECTED)", WAIT);
      curl("GET", a + "command.htm?key_dtmf=42");
      lab.awaitOutput("(102  call \\S+: DTMF received 42)", WAIT);
      curl("GET", b + "command.htm?key=ONHOOK");
      lab.awaitOutput("(101  call \\S+ to 102: ENDED)", WAIT);
      lab.awaitOutput("(102  call \\S+ from 101: ENDED)", WAIT);
    } finally {
      lab.stop();
      assertThat(lab.await().exit).isZero();
    }
  }

  @Test
  void aPythonTestPlaysEveryCallScenarioAgainstTheLab() throws Exception {
    assumeTrue(installed("python3"), "python3 is not installed");
    Path script = dir.resolve("lab_calls.py");
    try (InputStream in = FakeLabCommandTest.class.getResourceAsStream("/lab_calls.py")) {
      Files.write(script, in.readAllBytes());
    }
    CliRun.Running lab =
        CliRun.start(
            Map.of(),
            "fake",
            "lab",
            "--snom",
            "3",
            "--digest",
            "admin:secret",
            "--busy",
            "555",
            "--no-answer",
            "556");
    try {
      lab.awaitOutput("(switchboard: )", WAIT);
      List<String> command =
          new ArrayList<>(List.of("python3", script.toString(), "admin", "secret"));
      phones(lab.out()).forEach(p -> command.add(p[2]));
      Process python = new ProcessBuilder(command).redirectErrorStream(true).start();
      python.getOutputStream().close();
      String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(python.waitFor(60, TimeUnit.SECONDS)).as("python ended").isTrue();

      assertThat(python.exitValue()).as(out + "\nlab:\n" + lab.out()).isZero();
      assertThat(out.lines())
          .containsExactly(
              "answered and hung up",
              "rejected",
              "busy far end",
              "no answer",
              "hold and DTMF",
              "second call");
      lab.awaitOutput("(102  call \\S+: DTMF received 12#)", WAIT);
      lab.awaitOutput("(103  call \\S+ to 102: ENDED)", WAIT);
      assertThat(lab.out()).contains("102  fired #1 INCOMING ANSWERED 200");
      assertThat(lab.out()).doesNotContain("not carried out");
    } finally {
      lab.stop();
      assertThat(lab.await().exit).isZero();
    }
  }

  @Test
  void overHttpsEachPhoneLineGivesAnHttpsUrlAndItsCertificate() throws Exception {
    CliRun.Running lab =
        CliRun.start(Map.of(), "fake", "lab", "--snom", "2", "--basic", "admin:pw", "--https");
    try {
      lab.awaitOutput("(switchboard: )", WAIT);
      List<String[]> phones = phones(lab.out());
      assertThat(phones).extracting(p -> p[2]).allMatch(u -> u.startsWith("https://"));
      Matcher m = Pattern.compile("ext 101 certificate SHA-256 (\\S+)").matcher(lab.out());
      assertThat(m.find()).isTrue();

      SnomPhone.builder()
          .uri(java.net.URI.create(phones.get(0)[2]))
          .credentials("admin", "pw")
          .tls(TlsPolicy.pinned(m.group(1)))
          .build()
          .dial("102");
      lab.awaitOutput("(102  call \\S+ from 101: RINGING)", WAIT);
    } finally {
      lab.stop();
      assertThat(lab.await().exit).isZero();
    }
  }

  @Test
  void printsWhatEachScreenShowsAndItsLeds() throws Exception {
    byte[] menu =
        ("<SnomIPPhoneMenu><Title>Main</Title>"
                + "<MenuItem><Name>Phonebook</Name><URL>/dir</URL></MenuItem>"
                + "<MenuItem><Name>Door</Name><URL>snom://mb_exit#numberdial=555</URL></MenuItem>"
                + "<LED number=\"2\" color=\"red\">blinkfast</LED></SnomIPPhoneMenu>")
            .getBytes(StandardCharsets.UTF_8);
    try (EndpointServer docs =
        EndpointServer.builder()
            .bind(new java.net.InetSocketAddress("127.0.0.1", 0))
            .endpoint("/menu", r -> EndpointResponse.of(200, PhoneHeaders.empty(), menu))
            .start()) {
      CliRun.Running lab = CliRun.start(Map.of(), "fake", "lab", "--snom", "1");
      try {
        lab.awaitOutput("(switchboard: )", WAIT);
        String phone = phones(lab.out()).get(0)[2];
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        java.net.URI.create(
                            phone
                                + "minibrowser.htm?url="
                                + URLEncoder.encode(
                                    docs.uri("/menu").toString(), StandardCharsets.UTF_8)))
                    .build(),
                HttpResponse.BodyHandlers.discarding());

        lab.awaitOutput("(101  screen: MENU \"Main\": 0\\. Phonebook 1\\. Door  from \\S+)", WAIT);
        lab.awaitOutput("(101  LED 2: blinkfast red)", WAIT);
      } finally {
        lab.stop();
        assertThat(lab.await().exit).isZero();
      }
    }
  }

  @Test
  void badCountsAndBothLoginsAreRefusedBeforeAnythingStarts() {
    CliRun none = CliRun.run("fake", "lab", "--snom", "0");
    CliRun both = CliRun.run("fake", "lab", "--basic", "a:b", "--digest", "a:b");
    CliRun busy = CliRun.run("fake", "lab", "--busy", "12 34");

    assertThat(none.exit).isNotZero();
    assertThat(none.err).contains("--snom and --unify must add up to 1..1000");
    assertThat(both.err).contains("give --digest or --basic, not both");
    assertThat(busy.err).contains("'12 34'");
  }

  /** Kind, extension and URL of each phone line, in order. */
  private static List<String[]> phones(String out) {
    List<String[]> found = new ArrayList<>();
    Matcher m = PHONE.matcher(out);
    while (m.find()) {
      found.add(new String[] {m.group(1), m.group(2), m.group(3)});
    }
    return found;
  }

  private static void curl(String method, String url) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(
                "curl",
                "-s",
                "--globoff",
                "--digest",
                "-u",
                "admin:pässwort",
                "-X",
                method,
                "-o",
                "/dev/null",
                "-w",
                "%{http_code}",
                url)
            .redirectErrorStream(true)
            .start();
    p.getOutputStream().close();
    String status = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("curl ended").isTrue();
    assertThat(status).as(method + " " + url).isEqualTo("200");
  }

  private static boolean installed(String command) {
    try {
      Process p = new ProcessBuilder(command, "--version").redirectErrorStream(true).start();
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
