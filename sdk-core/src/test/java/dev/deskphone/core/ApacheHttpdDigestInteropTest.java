package dev.deskphone.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SDK's Digest against an independent server: Apache httpd's mod_auth_digest (MD5, qop=auth),
 * on 127.0.0.1. Skipped where httpd is not installed ({@code .ci/run} installs Debian's apache2).
 */
class ApacheHttpdDigestInteropTest {
  private static final Path HTTPD = Path.of("/usr/sbin/apache2");
  private static final Path MODULES = Path.of("/usr/lib/apache2/modules");
  private static final String REALM = "snom phone";
  private static final String PASSWORD = "Sentinel-httpd-4b2c";

  @TempDir static Path root;
  private static Process httpd;
  private static int port;

  @BeforeAll
  static void startHttpd() throws Exception {
    assumeTrue(Files.isExecutable(HTTPD), "Apache httpd is not installed");
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    Path docs = Files.createDirectories(root.resolve("htdocs"));
    Files.writeString(docs.resolve("command.htm"), "ok");
    Files.writeString(root.resolve("htdigest"), "admin:" + REALM + ":" + ha1() + "\n");
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
            ""));
    for (Path p : List.of(root, docs)) {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    httpd =
        new ProcessBuilder(
                HTTPD.toString(), "-f", root.resolve("httpd.conf").toString(), "-DFOREGROUND")
            .redirectErrorStream(true)
            .redirectOutput(root.resolve("stdout.log").toFile())
            .start();
    awaitListening();
  }

  @AfterAll
  static void stopHttpd() throws Exception {
    if (httpd != null) {
      httpd.destroy();
      if (!httpd.waitFor(10, TimeUnit.SECONDS)) {
        httpd.destroyForcibly();
      }
    }
  }

  private static void awaitListening() throws IOException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < end) {
      if (!httpd.isAlive()) {
        throw new IOException("httpd exited: " + Files.readString(root.resolve("stdout.log")));
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return;
      } catch (IOException notYet) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
      }
    }
    throw new IOException("httpd did not listen on port " + port);
  }

  private static String ha1() throws Exception {
    byte[] d =
        MessageDigest.getInstance("MD5")
            .digest(("admin:" + REALM + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(d);
  }

  private static List<String> accessLog() throws IOException {
    Path log = root.resolve("access.log");
    return Files.exists(log) ? Files.readAllLines(log) : List.of();
  }

  private static int send(PhoneAuthenticator authenticator, String target, String password) {
    URI uri = URI.create("http://127.0.0.1:" + port + target);
    PhoneAuth auth = PhoneAuth.of(Credentials.of("admin", password));
    try {
      return authenticator
          .send(JdkHttpTransport.create(), PhoneRequest.get(uri), auth)
          .join()
          .status();
    } catch (CompletionException e) {
      throw (RuntimeException) e.getCause();
    }
  }

  /** httpd writes its access log line after answering; wait for it without sleeping blindly. */
  private static List<String> accessLogOf(int lines) throws IOException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    List<String> log = accessLog();
    while (log.size() < lines && System.nanoTime() < end) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
      log = accessLog();
    }
    return log;
  }

  @Test
  void httpdAcceptsOurDigestAndNonceReuseSavesARoundTrip() throws Exception {
    PhoneAuthenticator authenticator = PhoneAuthenticator.builder().build();
    int before = accessLog().size();

    assertThat(send(authenticator, "/command.htm?key=ENTER", PASSWORD)).isEqualTo(200);
    assertThat(send(authenticator, "/command.htm?key=%23;1,200,100", PASSWORD)).isEqualTo(200);
    assertThat(send(authenticator, "/command.htm?number=%2B4930123", PASSWORD)).isEqualTo(200);

    List<String> log = accessLogOf(before + 4).subList(before, before + 4);
    assertThat(log)
        .containsExactly(
            "GET /command.htm?key=ENTER HTTP/1.1 401",
            "GET /command.htm?key=ENTER HTTP/1.1 200",
            "GET /command.htm?key=%23;1,200,100 HTTP/1.1 200",
            "GET /command.htm?number=%2B4930123 HTTP/1.1 200");
  }

  @Test
  void httpdRefusingAWrongPasswordIsOneAuthenticatedAttempt() throws Exception {
    PhoneAuthenticator authenticator = PhoneAuthenticator.builder().build();
    int before = accessLog().size();
    assertThatThrownBy(() -> send(authenticator, "/command.htm?key=1", "wrong"))
        .isInstanceOf(PhoneAuthenticationException.class)
        .hasMessageNotContaining("wrong");
    assertThat(accessLogOf(before + 2).subList(before, before + 2))
        .containsExactly(
            "GET /command.htm?key=1 HTTP/1.1 401", "GET /command.htm?key=1 HTTP/1.1 401");
  }
}
