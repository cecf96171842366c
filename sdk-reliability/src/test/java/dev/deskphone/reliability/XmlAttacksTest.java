package dev.deskphone.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.deskphone.testkit.internal.UnifyReplyParser;
import dev.deskphone.unify.TurnledXml;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every XML reader of the project (sdk-unify's TurnledXml and the Unify fake's own parser) against
 * the same attacks: each is refused, nothing is ever fetched (a loopback server counts), and no
 * entity's content ever shows up.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS) // a guard against a hang, not a speed assertion
class XmlAttacksTest {
  private static final String SECRET = "file-content-that-must-never-show";

  @TempDir Path dir;
  private HttpServer loopback;
  private final AtomicInteger fetches = new AtomicInteger();

  @BeforeEach
  void start() throws IOException {
    loopback = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    loopback.createContext(
        "/",
        exchange -> {
          fetches.incrementAndGet();
          byte[] body = ("<!ENTITY leak '" + SECRET + "'>").getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    loopback.start();
  }

  @AfterEach
  void stop() {
    loopback.stop(0);
  }

  private List<String> attacks() throws IOException {
    Path file = Files.writeString(dir.resolve("secret.txt"), SECRET);
    String url = "http://127.0.0.1:" + loopback.getAddress().getPort() + "/x.dtd";
    List<String> attacks = new ArrayList<>();
    attacks.add(
        "<?xml version=\"1.0\"?><!DOCTYPE t [<!ENTITY x SYSTEM \""
            + file.toUri()
            + "\">]><Turnled ID=\"&x;\" STATE=\"ON\"/>");
    attacks.add(
        "<?xml version=\"1.0\"?><!DOCTYPE t [<!ENTITY x SYSTEM \""
            + url
            + "\">]><Turnled ID=\"K\" STATE=\"ON\" LABEL=\"&x;\"/>");
    attacks.add(
        "<?xml version=\"1.0\"?><!DOCTYPE t SYSTEM \""
            + url
            + "\"><Turnled ID=\"K\" STATE=\"ON\"/>");
    attacks.add(
        "<?xml version=\"1.0\"?><!DOCTYPE t [<!ENTITY % p SYSTEM \""
            + url
            + "\"> %p;]><Turnled ID=\"K\" STATE=\"ON\" LABEL=\"&leak;\"/>");
    StringBuilder laughs =
        new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY l0 \"lol\">");
    for (int i = 1; i < 10; i++) {
      laughs.append("<!ENTITY l").append(i).append(" \"");
      laughs.append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
    }
    attacks.add(laughs.append("]><Turnled ID=\"K\" STATE=\"ON\" LABEL=\"&l9;\"/>").toString());
    attacks.add("<Batch>".repeat(100_000) + "<Turnled ID=\"K\" STATE=\"ON\"/>");
    attacks.add("<Turnled ID=\"K\" STATE=\"ON\" LABEL=\"" + "A".repeat(2_000_000) + "\"/>");
    attacks.add("<Turnled ID=\"K\" STATE=\"ON\" " + "a=\"1\" ".repeat(0) + "LABEL=\"\u0000\"/>");
    attacks.add("<Batch>" + "<Turnled ID=\"K\" STATE=\"ON\"/>".repeat(200_000) + "</Batch>");
    return attacks;
  }

  @Test
  void turnledXmlRefusesEveryAttackAndFetchesNothing() throws IOException {
    for (String attack : attacks()) {
      assertThatThrownBy(() -> TurnledXml.read(attack))
          .as(attack.substring(0, Math.min(80, attack.length())))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageNotContaining(SECRET);
    }
    byte[] invalidUtf8 = {'<', 'T', (byte) 0xC3, (byte) 0x28, '/', '>'};
    assertThatThrownBy(() -> TurnledXml.read(invalidUtf8))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(fetches).as("requests to the loopback server").hasValue(0);
  }

  @Test
  void theFakeUnifyPhoneTakesEveryAttackForAnInvalidReplyAndFetchesNothing() throws IOException {
    for (String attack : attacks().subList(0, 5)) {
      assertThat(UnifyReplyParser.turnleds(attack)).as(attack.substring(0, 60)).isEmpty();
    }
    assertThat(UnifyReplyParser.turnleds("<Turnled ID=\"K\" STATE=\"ON\" LABEL=\"\u0000\"/>"))
        .isEmpty();
    assertThat(fetches).as("requests to the loopback server").hasValue(0);
  }
}
