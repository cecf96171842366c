package dev.deskphone.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.deskphone.snom.MinibrowserDocument;
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
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every XML reader of the project (sdk-unify's TurnledXml, the Unify fake's own parser and
 * sdk-snom's minibrowser reader) against the same attacks: each is refused, nothing is ever fetched
 * (a loopback server counts), and no entity's content ever shows up.
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

  /** The Turnled readers' attacks: a value goes into a Turnled's LABEL. */
  private List<String> attacks() throws IOException {
    return attacks(
        value -> "<Turnled ID=\"K\" STATE=\"ON\" LABEL=\"" + value + "\"/>",
        "<Batch>",
        "<Batch>" + "<Turnled ID=\"K\" STATE=\"ON\"/>".repeat(200_000) + "</Batch>");
  }

  /** The minibrowser reader's attacks: a value goes into a menu item's name attribute. */
  private List<String> minibrowserAttacks() throws IOException {
    return attacks(
        value ->
            "<SnomIPPhoneMenu><MenuItem name=\""
                + value
                + "\"><URL>http://127.0.0.1/</URL></MenuItem></SnomIPPhoneMenu>",
        "<SnomIPPhoneMenu>",
        "<SnomIPPhoneBatch>"
            + "<LED number=\"1\">On</LED>".repeat(200_000)
            + "</SnomIPPhoneBatch>");
  }

  /**
   * The same nine attacks in a reader's own elements: {@code withValue} puts a text where the
   * reader takes a value, {@code nest} is an element to nest 100,000 deep, {@code many} a document
   * of 200,000 elements.
   */
  private List<String> attacks(Function<String, String> withValue, String nest, String many)
      throws IOException {
    Path file = Files.writeString(dir.resolve("secret.txt"), SECRET);
    String url = "http://127.0.0.1:" + loopback.getAddress().getPort() + "/x.dtd";
    List<String> attacks = new ArrayList<>();
    attacks.add(
        "<?xml version=\"1.0\"?><!DOCTYPE t [<!ENTITY x SYSTEM \""
            + file.toUri()
            + "\">]>"
            + withValue.apply("&x;"));
    attacks.add(
        "<?xml version=\"1.0\"?><!DOCTYPE t [<!ENTITY x SYSTEM \""
            + url
            + "\">]>"
            + withValue.apply("&x;"));
    attacks.add(
        "<?xml version=\"1.0\"?><!DOCTYPE t SYSTEM \"" + url + "\">" + withValue.apply("K"));
    attacks.add(
        "<?xml version=\"1.0\"?><!DOCTYPE t [<!ENTITY % p SYSTEM \""
            + url
            + "\"> %p;]>"
            + withValue.apply("&leak;"));
    StringBuilder laughs =
        new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY l0 \"lol\">");
    for (int i = 1; i < 10; i++) {
      laughs.append("<!ENTITY l").append(i).append(" \"");
      laughs.append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
    }
    attacks.add(laughs.append("]>").append(withValue.apply("&l9;")).toString());
    attacks.add(nest.repeat(100_000) + withValue.apply("K"));
    attacks.add(withValue.apply("A".repeat(2_000_000)));
    attacks.add(withValue.apply("\u0000"));
    attacks.add(many);
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
  void minibrowserReaderRefusesEveryAttackAndFetchesNothing() throws IOException {
    for (String attack : minibrowserAttacks()) {
      assertThatThrownBy(() -> MinibrowserDocument.read(attack.getBytes(StandardCharsets.UTF_8)))
          .as(attack.substring(0, Math.min(80, attack.length())))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("not a minibrowser document: ")
          .hasMessageNotContaining(SECRET);
    }
    byte[] invalidUtf8 = {'<', 'T', (byte) 0xC3, (byte) 0x28, '/', '>'};
    assertThatThrownBy(() -> MinibrowserDocument.read(invalidUtf8))
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
