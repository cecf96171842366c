package dev.deskphone.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.deskphone.core.LedColour;
import dev.deskphone.core.LedState;
import dev.deskphone.core.Turnled;
import dev.deskphone.core.TurnledResponse;
import dev.deskphone.unify.SendUrlKey;
import dev.deskphone.unify.SendUrlServer;
import dev.deskphone.unify.TurnledXml;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** curl exactly as the vendor page shows it, against the server and the fake's push endpoint. */
class UnifyCurlTest {
  private static final String QUERY =
      "userid=MyUsername&password=MyPassword&id=1&item=2&ipaddress=10.0.0.7"
          + "&phonenumber=004930123456&devicetype=OpenStage&symbn=MySymbolicName";

  private final List<AutoCloseable> open = new ArrayList<>();

  @BeforeAll
  static void needsCurl() {
    assumeTrue(curlWorks(), "curl is not installed");
  }

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  private static boolean curlWorks() {
    try {
      Process p = new ProcessBuilder("curl", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Runs curl with {@code args} (plus -s and a time limit) and returns what it printed. */
  private static String curl(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("curl", "-s", "--max-time", "10"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("curl exit code, output: %s", out).isZero();
    return out;
  }

  /** Runs curl with {@code args} and returns only the HTTP status it got. */
  private static String curlStatus(String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of("-o", "/dev/null", "-w", "%{http_code}"));
    all.addAll(List.of(args));
    return curl(all.toArray(String[]::new));
  }

  private SendUrlServer server() {
    SendUrlServer server =
        SendUrlServer.builder()
            .bind(new InetSocketAddress("127.0.0.1", 0))
            .credentials("MyUsername", "MyPassword")
            .handler(
                request ->
                    TurnledResponse.of(
                        Turnled.builder(request.symbolicName())
                            .state(LedState.ON)
                            .colour(LedColour.YELLOW)
                            .build()))
            .start();
    open.add(server);
    return server;
  }

  @Test
  void vendorGetCurlGetsTheTurnledReply() throws Exception {
    SendUrlServer server = server();
    String out = curl("--url", server.uri() + "?" + QUERY);
    assertThat(TurnledXml.read(out).turnleds().get(0).colour()).contains(LedColour.YELLOW);
  }

  @Test
  void vendorPostCurlGetsTheTurnledReply() throws Exception {
    SendUrlServer server = server();
    String out = curl("--url", server.uri().toString(), "--data", QUERY);
    assertThat(TurnledXml.read(out).turnleds().get(0).symbolicName()).isEqualTo("MySymbolicName");
  }

  @Test
  void vendorPostCurlWithAWrongPasswordIsForbidden() throws Exception {
    SendUrlServer server = server();
    String status =
        curlStatus(
            "--url", server.uri().toString(), "--data", QUERY.replace("MyPassword", "guess"));
    assertThat(status).isEqualTo("403");
  }

  @Test
  void vendorPushCurlOverHttpsFiresTheFakesKey(@TempDir Path dir) throws Exception {
    SendUrlServer server = server();
    SendUrlKey key =
        SendUrlKey.builder()
            .symbolicName("MySymbolicName")
            .server(server.uri())
            .userId("MyUsername")
            .password("MyPassword")
            .build();
    FakeUnifyPhone fake = FakeUnifyPhone.builder().key(key).https().start();
    open.add(fake);
    Path pem = Files.writeString(dir.resolve("fake.pem"), fake.certificatePem());
    String out =
        curl(
            "--cacert",
            pem.toString(),
            "--url",
            fake.uri() + "/server_push.html/ServerPush",
            "--data",
            "MidletName=MySymbolicName&ServerProtocol=http&ServerAddr=127.0.0.1&ServerPort="
                + server.uri().getPort()
                + "&ProgramName=MySymbolicName&RequestType=sendURL");
    assertThat(out).isEqualTo("OK\n");
    assertThat(fake.takeRequest(Duration.ofSeconds(10)))
        .hasValueSatisfying(r -> assertThat(r.pushed()).isTrue());
    assertThat(fake.led("MySymbolicName").colour()).contains(LedColour.YELLOW);
  }

  @Test
  void vendorPushCurlThatMatchesNoKeyIsRefused() throws Exception {
    SendUrlServer server = server();
    FakeUnifyPhone fake =
        FakeUnifyPhone.builder()
            .key(SendUrlKey.builder().symbolicName("MySymbolicName").server(server.uri()).build())
            .start();
    open.add(fake);
    String status =
        curlStatus(
            "--url",
            fake.uri() + "/server_push.html/ServerPush",
            "--data",
            "MidletName=Other&ServerProtocol=http&ServerAddr=127.0.0.1&ServerPort=1"
                + "&ProgramName=Other&RequestType=sendURL");
    assertThat(status).isEqualTo("403");
    assertThat(fake.pushes()).hasSize(1);
    assertThat(fake.requests()).isEmpty();
    assertThat(fake.rejected()).singleElement().extracting(RejectedRequest::status).isEqualTo(403);
  }
}
