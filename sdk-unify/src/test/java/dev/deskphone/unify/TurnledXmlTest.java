package dev.deskphone.unify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.deskphone.core.LedColour;
import dev.deskphone.core.LedState;
import dev.deskphone.core.Turnled;
import dev.deskphone.core.TurnledResponse;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TurnledXmlTest {

  /** The reply form of PROTOCOL.md, byte for byte, with the LF that ends its last line. */
  private static final String GOLDEN =
      "<Batch>\n"
          + "  <Capabilities_Req TYPE=\"ALL_OF\">\n"
          + "    <Capability NAME=\"XML_LED_STATE_CONTROL\"/>\n"
          + "  </Capabilities_Req>\n"
          + "  <Remote_Control>\n"
          + "    <Turnled ID=\"MySymbolicName\" WAKE=\"FALSE\" STATE=\"FLASH\" COLOUR=\"GREEN\""
          + " LABEL=\"FPK label\"/>\n"
          + "  </Remote_Control>\n"
          + "</Batch>\n";

  private static final Turnled VENDOR_EXAMPLE =
      Turnled.builder("MySymbolicName")
          .state(LedState.FLASH)
          .colour(LedColour.GREEN)
          .label("FPK label")
          .wake(false)
          .build();

  @Test
  void writesTheProtocolExampleByteForByte() {
    byte[] bytes = TurnledXml.toBytes(TurnledResponse.of(VENDOR_EXAMPLE));
    assertThat(bytes).isEqualTo(GOLDEN.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void escapesEveryAttributeCharacterThatCouldEndOrBendIt() {
    Turnled led = Turnled.builder("Key1").state(LedState.ON).label("a&b<c>d\"e'f\tg\nh\ri").build();
    assertThat(TurnledXml.write(TurnledResponse.of(led)))
        .contains("LABEL=\"a&amp;b&lt;c&gt;d&quot;e&apos;f&#9;g&#10;h&#13;i\"");
  }

  @Test
  void escapedLabelReadsBackUnchangedTabsAndLineBreaksIncluded() {
    Turnled led = Turnled.builder("Key1").state(LedState.ON).label("a&b<c>d\"e'f\tg\nh\ri").build();
    assertThat(TurnledXml.read(TurnledXml.write(TurnledResponse.of(led))).turnleds())
        .containsExactly(led);
  }

  @Test
  void bytesAreUtf8SoContentLengthCountsBytesNotCharacters() {
    Turnled led = Turnled.builder("Key1").state(LedState.ON).label("Grüße \uD83D\uDE00").build();
    String xml = TurnledXml.write(TurnledResponse.of(led));
    byte[] bytes = TurnledXml.toBytes(TurnledResponse.of(led));
    assertThat(bytes.length).isEqualTo(xml.length() + 4); // ü, ß: 2 bytes each; emoji: 4 for 2
    assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(xml);
  }

  @Test
  void writesWakeTrueAndLeavesOutAbsentColourAndLabel() {
    Turnled led = Turnled.builder("Key1").state(LedState.OFF).wake(true).build();
    assertThat(TurnledXml.write(TurnledResponse.of(led)))
        .contains("<Turnled ID=\"Key1\" WAKE=\"TRUE\" STATE=\"OFF\"/>");
  }

  @Test
  void readsTheProtocolExample() {
    assertThat(TurnledXml.read(GOLDEN).turnleds()).containsExactly(VENDOR_EXAMPLE);
  }

  @Test
  void roundTripsSeveralTurnledsInOrder() {
    TurnledResponse reply =
        TurnledResponse.of(
            Turnled.builder("A").state(LedState.FLUTTER).colour(LedColour.RED).build(),
            Turnled.builder("B").state(LedState.OFF).wake(true).build());
    assertThat(TurnledXml.read(TurnledXml.toBytes(reply))).isEqualTo(reply);
  }

  @Test
  void readsTheBareFragmentOfTheVendorPage() {
    String fragment =
        "<Capabilities_Req TYPE=\"ALL_OF\">\n"
            + "<Turnled ID=\"MySymbolicName\" WAKE=\"FALSE\" STATE=\"FLASH\" COLOUR=\"GREEN\""
            + " LABEL=\"FPK label\" />\n"
            + "</Capabilities_Req>";
    assertThat(TurnledXml.read(fragment).turnleds()).containsExactly(VENDOR_EXAMPLE);
  }

  @Test
  void readsCapabilitiesFollowedByASiblingTurnled() {
    String fragment =
        "<Capabilities_Req TYPE=\"ALL_OF\"/>\n"
            + "<Turnled ID=\"Key1\" WAKE=\"FALSE\" STATE=\"ON\" COLOUR=\"RED\"/>";
    assertThat(TurnledXml.read(fragment).turnleds())
        .containsExactly(Turnled.builder("Key1").state(LedState.ON).colour(LedColour.RED).build());
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "True", "TRUE", "tRuE"})
  void readsWakeTrueInAnyCase(String wake) {
    String xml = "<Turnled ID=\"Key1\" WAKE=\"" + wake + "\" STATE=\"ON\"/>";
    assertThat(TurnledXml.read(xml).turnleds().get(0).wake()).isTrue();
  }

  @Test
  void readsLowerCaseWakeFalseAsFalseAsTheAddOnWritesIt() {
    assertThat(TurnledXml.read("<Turnled ID=\"K\" WAKE=\"false\" STATE=\"on\"/>").turnleds())
        .containsExactly(Turnled.builder("K").state(LedState.ON).build());
  }

  @Test
  void acceptsAUtf8DeclarationAndRejectsAnyOtherEncoding() {
    assertThat(TurnledXml.read("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + GOLDEN).turnleds())
        .hasSize(1);
    assertThatThrownBy(
            () -> TurnledXml.read("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + GOLDEN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("only UTF-8");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "<Batch/>",
        "<Batch><Remote_Control>",
        "<Turnled ID=\"K\" STATE=\"ON\"",
        "not xml at all",
        "<Turnled STATE=\"ON\"/>",
        "<Turnled ID=\"K\"/>",
        "<Turnled ID=\"K\" STATE=\"BLINK\"/>",
        "<Turnled ID=\"K\" STATE=\"ON\" COLOUR=\"BLUE\"/>",
        "<Turnled ID=\"K\" STATE=\"OFF\" COLOUR=\"RED\"/>",
        "<Turnled ID=\"K\" STATE=\"ON\" WAKE=\"yes\"/>",
        "<Turnled ID=\"bad id\" STATE=\"ON\"/>",
        "<Turnled ID=\"K\" STATE=\"ON\"/><Turnled ID=\"K\" STATE=\"OFF\"/>",
        "<Turnled ID=\"K\" STATE=\"ON\" LABEL=\"&lol;\"/>",
        "<!doctype Turnled><Turnled ID=\"K\" STATE=\"ON\"/>",
        "<Turnled ID=\"K\" STATE=\"ON\"/><!DOCTYPE x>"
      })
  void rejectsWhatIsNotAValidReply(String xml) {
    assertThatThrownBy(() -> TurnledXml.read(xml)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsBytesThatAreNotUtf8() {
    byte[] latin1 =
        "<Turnled ID=\"K\" STATE=\"ON\" LABEL=\"Gr\u00fc\u00df\"/>"
            .getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> TurnledXml.read(latin1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not valid UTF-8");
  }

  @Test
  void externalEntityToAFileIsRejectedAndItsContentNeverShows(@TempDir Path dir) throws Exception {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-CONTENT");
    String xml =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE Turnled [<!ENTITY xxe SYSTEM \""
            + secret.toUri()
            + "\">]>\n<Turnled ID=\"K\" STATE=\"ON\" LABEL=\"&xxe;\"/>";
    assertThatThrownBy(() -> TurnledXml.read(xml))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DOCTYPE")
        .hasMessageNotContaining("TOP-SECRET");
  }

  @Test
  void externalEntityAndDtdOnLoopbackAreNeverFetched() throws Exception {
    AtomicInteger hits = new AtomicInteger();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          hits.incrementAndGet();
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      String entity =
          "<!DOCTYPE Turnled [<!ENTITY xxe SYSTEM \""
              + base
              + "/entity\">]>"
              + "<Turnled ID=\"K\" STATE=\"ON\" LABEL=\"&xxe;\"/>";
      String dtd = "<!DOCTYPE Turnled SYSTEM \"" + base + "/dtd\"><Turnled ID=\"K\" STATE=\"ON\"/>";
      String parameterEntity =
          "<!DOCTYPE Turnled [<!ENTITY % p SYSTEM \""
              + base
              + "/p\"> %p;]>"
              + "<Turnled ID=\"K\" STATE=\"ON\"/>";
      for (String xml : new String[] {entity, dtd, parameterEntity}) {
        assertThatThrownBy(() -> TurnledXml.read(xml)).isInstanceOf(IllegalArgumentException.class);
      }
      assertThat(hits).hasValue(0);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void billionLaughsIsRejectedAtOnce() {
    StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
    for (int i = 1; i <= 9; i++) {
      dtd.append("<!ENTITY lol").append(i).append(" \"");
      for (int j = 0; j < 10; j++) {
        dtd.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
      }
      dtd.append("\">");
    }
    String xml = dtd + "]><Turnled ID=\"K\" STATE=\"ON\" LABEL=\"&lol9;\"/>";
    assertThatThrownBy(() -> TurnledXml.read(xml))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DOCTYPE");
  }

  @Test
  void deepNestingStopsAtTheDepthLimit() {
    String xml = "<a>".repeat(5000);
    assertThatThrownBy(() -> TurnledXml.read(xml))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nest deeper than " + TurnledXml.MAX_DEPTH);
  }

  @Test
  void nestingWithinTheLimitIsRead() {
    String xml = "<Batch><Remote_Control><Turnled ID=\"K\" STATE=\"ON\"/></Remote_Control></Batch>";
    assertThat(TurnledXml.read(xml).turnleds()).hasSize(1);
  }

  @Test
  void hugeAttributeStopsAtTheAttributeLimit() {
    String xml = "<Turnled ID=\"K\" STATE=\"ON\" LABEL=\"" + "x".repeat(5000) + "\"/>";
    assertThatThrownBy(() -> TurnledXml.read(xml))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("attribute LABEL is longer than " + TurnledXml.MAX_ATTRIBUTE_LENGTH);
  }

  @Test
  void oversizedDocumentIsRejectedBeforeParsing() {
    byte[] big = new byte[TurnledXml.MAX_BYTES + 1];
    java.util.Arrays.fill(big, (byte) ' ');
    assertThatThrownBy(() -> TurnledXml.read(big))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most " + TurnledXml.MAX_BYTES);
  }

  @Test
  void tooManyElementsAreRejected() {
    String xml = "<Batch>" + "<Capability/>".repeat(TurnledXml.MAX_ELEMENTS + 1) + "</Batch>";
    assertThatThrownBy(() -> TurnledXml.read(xml))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more than " + TurnledXml.MAX_ELEMENTS + " elements");
  }
}
