package dev.deskphone.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Independent clients (curl, Python) against the fake's authentication; skipped without them. */
class FakeSnomPhoneInteropTest {
  private static final String ENTER = "command.htm?key=ENTER";

  /** User names and passwords as users type them: Latin-1 and beyond, quotes and spaces. */
  private static final List<String[]> NON_ASCII_USERS =
      List.of(
          new String[] {"admin", "pä ss\"w"},
          new String[] {"admin", "пароль € 密码"},
          new String[] {"ädmin", "pä ss\"w"},
          new String[] {"Иван", "пароль"});

  private static String run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getOutputStream().close();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("timed out: " + List.of(command));
    }
    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
  }

  private static boolean works(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String curl(FakeSnomPhone fake, String... options) throws Exception {
    return curlTo(fake, ENTER, options);
  }

  /** curl on {@code target} (relative to the fake's root), printing the status only. */
  private static String curlTo(FakeSnomPhone fake, String target, String... options)
      throws Exception {
    assumeTrue(works("curl", "--version"), "curl is not installed");
    List<String> command =
        new ArrayList<>(List.of("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}"));
    command.addAll(List.of(options));
    command.add(fake.uri() + target);
    return run(command.toArray(String[]::new));
  }

  private static String python(String script, String url) throws Exception {
    assumeTrue(works("python3", "--version"), "python3 is not installed");
    return run("python3", "-c", script, url);
  }

  @Test
  void curlDigestMd5IsAccepted() throws Exception {
    try (FakeSnomPhone fake = FakeSnomPhone.builder().digestAuth("admin", "secret").start()) {
      assertThat(curl(fake, "--digest", "-u", "admin:secret")).isEqualTo("200");
      assertThat(fake.pressedKeys()).containsExactly(PressedKey.of("ENTER"));
      assertThat(fake.rejected()).isEmpty();
    }
  }

  @Test
  void curlDigestSha256IsAccepted() throws Exception {
    try (FakeSnomPhone fake =
        FakeSnomPhone.builder()
            .digestAuth("admin", "secret")
            .digestAlgorithms(DigestAlgorithm.SHA_256)
            .start()) {
      assertThat(curl(fake, "--digest", "-u", "admin:secret")).isEqualTo("200");
      assertThat(fake.requests().get(1).header("Authorization"))
          .hasValueSatisfying(a -> assertThat(a).contains("algorithm=SHA-256"));
      assertThat(fake.pressedKeys()).hasSize(1);
    }
  }

  @Test
  void curlDigestWithAWrongPasswordIsRefused() throws Exception {
    try (FakeSnomPhone fake = FakeSnomPhone.builder().digestAuth("admin", "secret").start()) {
      assertThat(curl(fake, "--digest", "-u", "admin:nope")).isEqualTo("401");
      assertThat(fake.pressedKeys()).isEmpty();
      assertThat(fake.rejected()).hasSize(1);
    }
  }

  @Test
  void curlBasicIsAccepted() throws Exception {
    try (FakeSnomPhone fake = FakeSnomPhone.builder().basicAuth("admin", "secret").start()) {
      assertThat(curl(fake, "--basic", "-u", "admin:secret")).isEqualTo("200");
      assertThat(fake.pressedKeys()).hasSize(1);
    }
  }

  @Test
  void curlDigestOverHttpsTrustsTheRunCertificate(@TempDir Path dir) throws Exception {
    try (FakeSnomPhone fake =
        FakeSnomPhone.builder().digestAuth("admin", "secret").https().start()) {
      Path pem = Files.writeString(dir.resolve("fake.pem"), fake.certificatePem());

      assertThat(curl(fake, "--cacert", pem.toString(), "--digest", "-u", "admin:secret"))
          .isEqualTo("200");
      assertThat(fake.pressedKeys()).hasSize(1);
    }
  }

  @Test
  void pythonUrllibDigestIsAccepted() throws Exception {
    String script =
        String.join(
            "\n",
            "import sys, urllib.request",
            "m = urllib.request.HTTPPasswordMgrWithDefaultRealm()",
            "m.add_password(None, sys.argv[1], 'admin', 'secret')",
            "o = urllib.request.build_opener(urllib.request.HTTPDigestAuthHandler(m))",
            "print(o.open(sys.argv[1]).status)");
    try (FakeSnomPhone fake = FakeSnomPhone.builder().digestAuth("admin", "secret").start()) {
      assertThat(python(script, fake.uri() + ENTER)).isEqualTo("200");
      assertThat(fake.pressedKeys()).containsExactly(PressedKey.of("ENTER"));
    }
  }

  @Test
  void pythonRequestsDigestSha256IsAccepted() throws Exception {
    assumeTrue(works("python3", "-c", "import requests"), "python3 requests is not installed");
    String script =
        String.join(
            "\n",
            "import sys, requests",
            "from requests.auth import HTTPDigestAuth",
            "s = requests.Session()",
            "s.auth = HTTPDigestAuth('admin', 'secret')",
            "print(s.get(sys.argv[1]).status_code, s.get(sys.argv[1]).status_code)");
    try (FakeSnomPhone fake =
        FakeSnomPhone.builder()
            .digestAuth("admin", "secret")
            .digestAlgorithms(DigestAlgorithm.SHA_256)
            .start()) {
      assertThat(python(script, fake.uri() + ENTER)).isEqualTo("200 200");
      assertThat(fake.pressedKeys()).hasSize(2);
      assertThat(fake.rejected()).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(DigestAlgorithm.class)
  void curlDigestWithANonAsciiPasswordAndNameIsAccepted(DigestAlgorithm algorithm)
      throws Exception {
    for (String[] user : NON_ASCII_USERS) {
      try (FakeSnomPhone fake =
          FakeSnomPhone.builder()
              .digestAuth(user[0], user[1])
              .digestAlgorithms(algorithm)
              .start()) {
        assertThat(curl(fake, "--digest", "-u", user[0] + ":" + user[1]))
            .as("%s:%s", user[0], user[1])
            .isEqualTo("200");
        assertThat(fake.rejected()).isEmpty();
      }
    }
  }

  @Test
  void curlBasicWithANonAsciiPasswordAndNameIsAccepted() throws Exception {
    for (String[] user : NON_ASCII_USERS) {
      try (FakeSnomPhone fake = FakeSnomPhone.builder().basicAuth(user[0], user[1]).start()) {
        assertThat(curl(fake, "--basic", "-u", user[0] + ":" + user[1])).isEqualTo("200");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(DigestAlgorithm.class)
  void pythonRequestsDigestWithANonAsciiPasswordIsAccepted(DigestAlgorithm algorithm)
      throws Exception {
    assumeTrue(works("python3", "-c", "import requests"), "python3 requests is not installed");
    // requests encodes header text as Latin-1, so a user name beyond ASCII fails there (as it
    // does against httpd): passwords only.
    String script =
        String.join(
            "\n",
            "import sys, requests",
            "from requests.auth import HTTPDigestAuth",
            "print(requests.get(sys.argv[1], auth=HTTPDigestAuth('admin', sys.argv[2]))"
                + ".status_code)");
    for (String password : List.of("pä ss\"w", "пароль € 密码")) {
      try (FakeSnomPhone fake =
          FakeSnomPhone.builder()
              .digestAuth("admin", password)
              .digestAlgorithms(algorithm)
              .start()) {
        assertThat(run("python3", "-c", script, fake.uri() + ENTER, password))
            .as(password)
            .isEqualTo("200");
      }
    }
  }

  /** curl as admin:secret with Digest on {@code target} of a fake that asks for it. */
  private static String curlAsAdmin(FakeSnomPhone fake, String target, String... options)
      throws Exception {
    List<String> all = new ArrayList<>(List.of("--digest", "-u", "admin:secret"));
    all.addAll(List.of(options));
    return curlTo(fake, target, all.toArray(String[]::new));
  }

  /**
   * The fake holds exactly {@code settings}, every request came as {@code method}, none refused.
   */
  private static void assertWrote(FakeSnomPhone fake, String method, Map<String, String> settings) {
    assertThat(fake.settings()).containsExactlyEntriesOf(settings);
    assertThat(fake.requests()).extracting(FakeRequest::method).containsOnly(method);
    assertThat(fake.rejected()).isEmpty();
  }

  @Test
  void curlGetWritesSettingsItEncodesItself() throws Exception {
    try (FakeSnomPhone fake = FakeSnomPhone.builder().digestAuth("admin", "secret").start()) {
      String status =
          curlAsAdmin(
              fake,
              "settings.htm",
              "-G",
              "--data-urlencode",
              "settings=save",
              "--data-urlencode",
              "fkey_label0=Tür ☎ &store_settings=save#x",
              "--data-urlencode",
              "fkey0=speed 100");

      assertThat(status).isEqualTo("200");
      Map<String, String> written = new LinkedHashMap<>();
      written.put("fkey_label0", "Tür ☎ &store_settings=save#x");
      written.put("fkey0", "speed 100");
      assertWrote(fake, "GET", written);
    }
  }

  @Test
  void curlPostWithTheSettingsInTheQueryWritesThem() throws Exception {
    try (FakeSnomPhone fake = FakeSnomPhone.builder().digestAuth("admin", "secret").start()) {
      String target = "settings.htm?settings=save&fkey_label0=T%C3%BCr&store_settings=save";

      assertThat(curlAsAdmin(fake, target, "-X", "POST")).isEqualTo("200");
      assertWrote(fake, "POST", Map.of("fkey_label0", "Tür"));
    }
  }

  @Test
  void curlPostWithTheSettingsAsAFormBodyWritesThem() throws Exception {
    try (FakeSnomPhone fake = FakeSnomPhone.builder().digestAuth("admin", "secret").start()) {
      String status =
          curlAsAdmin(
              fake,
              "settings.htm",
              "--data-urlencode",
              "settings=save",
              "--data-urlencode",
              "fkey_label0=Tür ☎ 1+1=2&x");

      assertThat(status).isEqualTo("200");
      assertWrote(fake, "POST", Map.of("fkey_label0", "Tür ☎ 1+1=2&x"));
      assertThat(fake.requests()).last().extracting(FakeRequest::target).isEqualTo("/settings.htm");
    }
  }

  @Test
  void pythonRequestsPostsTheQueryAsPeersDo() throws Exception {
    assumeTrue(works("python3", "-c", "import requests"), "python3 requests is not installed");
    // as Netzvamp/snom-dialer sends action URLs: POST, settings.htm, '$' ':' '/' '?' '=' raw
    String script =
        String.join(
            "\n",
            "import sys, requests",
            "from urllib.parse import quote",
            "from requests.auth import HTTPDigestAuth",
            "v = quote(sys.argv[2], safe='$:/?=,-_.~')",
            "u = sys.argv[1] + 'settings.htm?settings=save&action_incoming_url=' + v",
            "print(requests.post(u, auth=HTTPDigestAuth('admin', 'secret')).status_code)");
    String url = "http://10.0.0.2:5000/snom/incoming?remote=$remote&local=$local";
    try (FakeSnomPhone fake = FakeSnomPhone.builder().digestAuth("admin", "secret").start()) {
      assertThat(run("python3", "-c", script, fake.uri().toString(), url)).isEqualTo("200");
      assertThat(fake.setting("action_incoming_url")).contains(url);
      assertThat(fake.rejected()).isEmpty();
    }
  }
}
