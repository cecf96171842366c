package dev.deskphone.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SDK's Digest SHA-256 against an independent server: lighttpd's mod_auth with an htdigest file
 * of SHA-256 HA1s (UTF-8 bytes), on 127.0.0.1. lighttpd's challenge says {@code charset="UTF-8"},
 * so a non-ASCII name goes as {@code username*}. Skipped where lighttpd is not installed ({@code
 * .ci/run} installs Debian's lighttpd).
 */
class LighttpdDigestInteropTest {
  private static final Path LIGHTTPD = Path.of("/usr/sbin/lighttpd");
  private static final String REALM = "snom phone";
  private static final List<Credentials> USERS =
      List.of(
          Credentials.of("admin", "Sentinel-lighttpd-7d1e"),
          Credentials.of("latin", "pä ss\"w"),
          Credentials.of("beyond", "пароль € 密码"),
          Credentials.of("Иван", "пароль"));

  @TempDir static Path root;
  private static ExternalServer lighttpd;
  private static JdkHttpTransport transport;

  @BeforeAll
  static void startLighttpd() throws Exception {
    assumeTrue(Files.isExecutable(LIGHTTPD), "lighttpd is not installed");
    transport = JdkHttpTransport.create();
    int port = ExternalServer.freePort();
    Path docs = Files.createDirectories(root.resolve("htdocs"));
    Files.writeString(docs.resolve("command.htm"), "ok");
    StringBuilder htdigest = new StringBuilder();
    for (Credentials c : USERS) {
      htdigest.append(c.username()).append(':').append(REALM).append(':');
      htdigest.append(ha1(c.username(), c.password())).append('\n');
    }
    Files.writeString(root.resolve("htdigest"), htdigest, StandardCharsets.UTF_8);
    Files.writeString(
        root.resolve("lighttpd.conf"),
        String.join(
            "\n",
            "server.document-root = \"" + docs + "\"",
            "server.bind = \"127.0.0.1\"",
            "server.port = " + port,
            "server.errorlog = \"" + root.resolve("error.log") + "\"",
            "server.modules = (\"mod_auth\", \"mod_authn_file\", \"mod_accesslog\")",
            "accesslog.filename = \"" + root.resolve("access.log") + "\"",
            "accesslog.format = \"%r %>s\"",
            "auth.backend = \"htdigest\"",
            "auth.backend.htdigest.userfile = \"" + root.resolve("htdigest") + "\"",
            "auth.require = ( \"/\" => ( \"method\" => \"digest\", \"algorithm\" => \"SHA-256\",",
            "  \"realm\" => \"" + REALM + "\", \"require\" => \"valid-user\" ) )",
            ""));
    ExternalServer.readableByAll(root, docs);
    lighttpd =
        ExternalServer.start(
            root,
            port,
            List.of(LIGHTTPD.toString(), "-D", "-f", root.resolve("lighttpd.conf").toString()));
  }

  @AfterAll
  static void stopLighttpd() {
    if (lighttpd != null) {
      lighttpd.close();
    }
    if (transport != null) {
      transport.close();
    }
  }

  private static String ha1(String user, String password) throws Exception {
    byte[] d =
        MessageDigest.getInstance("SHA-256")
            .digest((user + ":" + REALM + ":" + password).getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(d);
  }

  private static int send(PhoneTransport client, String target) {
    PhoneRequest request =
        PhoneRequest.get(URI.create("http://127.0.0.1:" + lighttpd.port + target));
    try {
      return client.send(request).join().status();
    } catch (CompletionException e) {
      throw (RuntimeException) e.getCause();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"admin", "latin", "beyond", "Иван"})
  void lighttpdAcceptsOurDigestSha256AndNonceReuseSavesARoundTrip(String user) throws Exception {
    Credentials credentials =
        USERS.stream().filter(c -> c.username().equals(user)).findFirst().orElseThrow();
    PhoneTransport client = transport.withAuth(PhoneAuth.of(credentials));
    int before = lighttpd.accessLog().size();

    assertThat(send(client, "/command.htm?key=ENTER")).isEqualTo(200);
    assertThat(send(client, "/command.htm?key=%23")).isEqualTo(200);

    assertThat(lighttpd.accessLogOf(before + 3).subList(before, before + 3))
        .containsExactly(
            "GET /command.htm?key=ENTER HTTP/1.1 401",
            "GET /command.htm?key=ENTER HTTP/1.1 200",
            "GET /command.htm?key=%23 HTTP/1.1 200");
  }

  @Test
  void lighttpdRefusingAWrongPasswordIsOneAuthenticatedAttempt() {
    PhoneTransport client = transport.withAuth(PhoneAuth.of(Credentials.of("latin", "pa ss\"w")));
    assertThatThrownBy(() -> send(client, "/command.htm?key=1"))
        .isInstanceOf(PhoneAuthenticationException.class)
        .hasMessageNotContaining("pa ss");
  }
}
