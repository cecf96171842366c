package dev.deskphone.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The SDK's Digest and Basic against an independent server: Apache httpd's mod_auth_digest (MD5,
 * qop=auth, no {@code charset} in its challenge) and mod_auth_basic, on 127.0.0.1, with users
 * written by hand the way {@code htdigest} and {@code htpasswd} write them: UTF-8 bytes. Skipped
 * where httpd is not installed ({@code .ci/run} installs Debian's apache2). httpd offers no SHA-256
 * Digest; {@link LighttpdDigestInteropTest} covers that.
 */
class ApacheHttpdDigestInteropTest {
  private static final Path HTTPD = Path.of("/usr/sbin/apache2");
  private static final Path MODULES = Path.of("/usr/lib/apache2/modules");
  private static final String REALM = "snom phone";
  private static final String PASSWORD = "Sentinel-httpd-4b2c";

  /** Users beside admin: Latin-1 and beyond, in the password and in the name. */
  private static final List<Credentials> USERS =
      List.of(
          Credentials.of("latin", "pä ss\"w"),
          Credentials.of("beyond", "пароль € 密码"),
          Credentials.of("ädmin", "pä ss\"w"),
          Credentials.of("Иван", "пароль"));

  @TempDir static Path root;
  private static ExternalServer httpd;
  private static JdkHttpTransport transport;

  @BeforeAll
  static void startHttpd() throws Exception {
    assumeTrue(Files.isExecutable(HTTPD), "Apache httpd is not installed");
    transport = JdkHttpTransport.create();
    int port = ExternalServer.freePort();
    Path docs = Files.createDirectories(root.resolve("htdocs"));
    Files.writeString(docs.resolve("command.htm"), "ok");
    Files.writeString(Files.createDirectories(docs.resolve("basic")).resolve("command.htm"), "ok");
    StringBuilder htdigest = new StringBuilder("admin:" + REALM + ":" + ha1("admin", PASSWORD));
    StringBuilder htpasswd = new StringBuilder();
    for (Credentials c : USERS) {
      htdigest.append('\n').append(c.username()).append(':').append(REALM).append(':');
      htdigest.append(ha1(c.username(), c.password()));
      htpasswd.append(c.username()).append(":{SHA}").append(sha1(c.password())).append('\n');
    }
    Files.writeString(root.resolve("htdigest"), htdigest + "\n", StandardCharsets.UTF_8);
    Files.writeString(root.resolve("htpasswd"), htpasswd, StandardCharsets.UTF_8);
    Files.writeString(
        root.resolve("httpd.conf"),
        String.join(
            "\n",
            "ServerRoot " + root,
            "ServerName localhost",
            "Listen 127.0.0.1:" + port,
            "PidFile " + root.resolve("httpd.pid"),
            "ErrorLog " + root.resolve("error.log"),
            "LoadModule mpm_event_module " + MODULES.resolve("mod_mpm_event.so"),
            "LoadModule authn_core_module " + MODULES.resolve("mod_authn_core.so"),
            "LoadModule authn_file_module " + MODULES.resolve("mod_authn_file.so"),
            "LoadModule authz_core_module " + MODULES.resolve("mod_authz_core.so"),
            "LoadModule authz_user_module " + MODULES.resolve("mod_authz_user.so"),
            "LoadModule auth_digest_module " + MODULES.resolve("mod_auth_digest.so"),
            "LoadModule auth_basic_module " + MODULES.resolve("mod_auth_basic.so"),
            "User www-data",
            "Group www-data",
            "DocumentRoot " + docs,
            "LogFormat \"%r %>s\" plain",
            "CustomLog " + root.resolve("access.log") + " plain",
            "<Location \"/\">",
            "  AuthType Digest",
            "  AuthName \"" + REALM + "\"",
            "  AuthDigestProvider file",
            "  AuthUserFile " + root.resolve("htdigest"),
            "  Require valid-user",
            "</Location>",
            "<Location \"/basic/\">",
            "  AuthType Basic",
            "  AuthName \"" + REALM + "\"",
            "  AuthBasicProvider file",
            "  AuthUserFile " + root.resolve("htpasswd"),
            "  Require valid-user",
            "</Location>",
            ""));
    ExternalServer.readableByAll(root, docs, docs.resolve("basic"));
    httpd =
        ExternalServer.start(
            root,
            port,
            List.of(HTTPD.toString(), "-f", root.resolve("httpd.conf").toString(), "-DFOREGROUND"));
  }

  @AfterAll
  static void stopHttpd() {
    if (httpd != null) {
      httpd.close();
    }
    if (transport != null) {
      transport.close();
    }
  }

  private static String ha1(String user, String password) throws Exception {
    byte[] d =
        MessageDigest.getInstance("MD5")
            .digest((user + ":" + REALM + ":" + password).getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(d);
  }

  private static String sha1(String password) throws Exception {
    byte[] d = MessageDigest.getInstance("SHA-1").digest(password.getBytes(StandardCharsets.UTF_8));
    return Base64.getEncoder().encodeToString(d);
  }

  private static int send(PhoneTransport client, String target) {
    PhoneRequest request = PhoneRequest.get(URI.create("http://127.0.0.1:" + httpd.port + target));
    try {
      return client.send(request).join().status();
    } catch (CompletionException e) {
      throw (RuntimeException) e.getCause();
    }
  }

  private static PhoneTransport admin(String password) {
    return transport.withAuth(PhoneAuth.of(Credentials.of("admin", password)));
  }

  @Test
  void httpdAcceptsOurDigestAndNonceReuseSavesARoundTrip() throws Exception {
    PhoneTransport client = admin(PASSWORD);
    int before = httpd.accessLog().size();

    assertThat(send(client, "/command.htm?key=ENTER")).isEqualTo(200);
    assertThat(send(client, "/command.htm?key=%23;1,200,100")).isEqualTo(200);
    assertThat(send(client, "/command.htm?number=%2B4930123")).isEqualTo(200);

    List<String> log = httpd.accessLogOf(before + 4).subList(before, before + 4);
    assertThat(log)
        .containsExactly(
            "GET /command.htm?key=ENTER HTTP/1.1 401",
            "GET /command.htm?key=ENTER HTTP/1.1 200",
            "GET /command.htm?key=%23;1,200,100 HTTP/1.1 200",
            "GET /command.htm?number=%2B4930123 HTTP/1.1 200");
  }

  @Test
  void httpdRefusingAWrongPasswordIsOneAuthenticatedAttempt() throws Exception {
    PhoneTransport client = admin("wrong");
    int before = httpd.accessLog().size();
    assertThatThrownBy(() -> send(client, "/command.htm?key=1"))
        .isInstanceOf(PhoneAuthenticationException.class)
        .hasMessageNotContaining("wrong");
    assertThat(httpd.accessLogOf(before + 2).subList(before, before + 2))
        .containsExactly(
            "GET /command.htm?key=1 HTTP/1.1 401", "GET /command.htm?key=1 HTTP/1.1 401");
  }

  /**
   * Passwords only: a user name beyond ASCII goes as {@code username*}, which httpd does not read
   * ({@link LighttpdDigestInteropTest} checks it).
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"latin", "beyond"})
  void httpdAcceptsOurDigestWithANonAsciiPassword(String user) {
    Credentials credentials = credentialsOf(user);
    PhoneTransport client = transport.withAuth(PhoneAuth.of(credentials));
    assertThat(send(client, "/command.htm?key=ENTER")).isEqualTo(200);
    assertThat(send(client, "/command.htm?key=1")).isEqualTo(200);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"latin", "beyond", "ädmin", "Иван"})
  void httpdAcceptsOurBasicWithANonAsciiPasswordOrName(String user) {
    PhoneAuth auth = PhoneAuth.of(credentialsOf(user)).allowingBasicOverHttp();
    assertThat(send(transport.withAuth(auth), "/basic/command.htm?key=ENTER")).isEqualTo(200);
  }

  private static Credentials credentialsOf(String user) {
    return USERS.stream().filter(c -> c.username().equals(user)).findFirst().orElseThrow();
  }
}
