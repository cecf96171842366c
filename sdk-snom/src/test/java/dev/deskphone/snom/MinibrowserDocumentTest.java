package dev.deskphone.snom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The reader as a whole: what it tolerates, what it refuses, and that it never fetches. */
class MinibrowserDocumentTest {
  private static final String SECRET = "file-content-that-must-never-show";

  @TempDir Path dir;

  private static MinibrowserDocument read(String xml) {
    return MinibrowserDocument.read(xml.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsNamesInAnyCaseARootWithoutSnomCommentsAndNamespacedAttributes() {
    String xml =
        "\uFEFF<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
            + "<!-- a comment -->\n"
            + "<IPPHONETEXT xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
            + " xsi:noNamespaceSchemaLocation=\"../minibrowser_test.xsd\">\n"
            + "  <title>T</title>\n"
            + "  <TEXT><![CDATA[a <b>]]></TEXT>\n"
            + "  <?pi ignored?>\n"
            + "  <Fetch MIL=\" 10 \">  snom://mb_exit  </Fetch>\n"
            + "</IPPHONETEXT>\n";

    MinibrowserText text = (MinibrowserText) read(xml);

    assertThat(text.title()).contains("T");
    assertThat(text.text()).isEqualTo("a <b>");
    assertThat(text.fetch().orElseThrow().delay()).hasMillis(10);
    assertThat(text.fetch().orElseThrow().url()).hasToString("snom://mb_exit");
  }

  @Test
  void keepsTheWhitespaceOfATextExactly() {
    MinibrowserText text = MinibrowserText.builder().title("  T  ").text("\n  indented\n").build();
    assertThat(read(text.toXml())).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SnomIPPhoneImage",
        "SnomIPPhoneImageFile",
        "SnomIPPhoneSilent",
        "Batch",
        "html",
        "CiscoIPPhoneText"
      })
  void refusesARootItDoesNotKnow(String root) {
    assertThatThrownBy(() -> read("<" + root + "/>"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "not a minibrowser document: its root element \""
                + root
                + "\" is not one this reader knows: SnomIPPhoneText, SnomIPPhoneMenu,"
                + " SnomIPPhoneInput, SnomIPPhoneDirectory or SnomIPPhoneBatch");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<SnomIPPhoneText><Text>x</Text><SoftKeyItem/></SnomIPPhoneText>",
        "<SnomIPPhoneText document_id=\"x\"><Text>x</Text></SnomIPPhoneText>",
        "<SnomIPPhoneText><Text id=\"1\">x</Text></SnomIPPhoneText>",
        "<SnomIPPhoneText><Title>a<br/>b</Title><Text>x</Text></SnomIPPhoneText>",
        "<SnomIPPhoneText><Text>x</Text><Text>y</Text></SnomIPPhoneText>",
        "<SnomIPPhoneText><Text>x</Text>loose text</SnomIPPhoneText>",
        "<SnomIPPhoneText><Text>x</Text></SnomIPPhoneText><SnomIPPhoneText/>",
        "<SnomIPPhoneText><Text>x</Text><fetch>http://h/</fetch></SnomIPPhoneText>",
        "<SnomIPPhoneText><Text>x</Text><fetch mil=\"1\">../relative</fetch></SnomIPPhoneText>",
        "<SnomIPPhoneText><Text>x<br>y</br></Text></SnomIPPhoneText>",
        "<SnomIPPhoneText xmlns=\"urn:x\"><Text>x</Text></SnomIPPhoneText>",
        "<SnomIPPhoneBatch><Title>T</Title><Title>U</Title><LED number=\"1\">On</LED>"
            + "</SnomIPPhoneBatch>",
        "<SnomIPPhoneMenu><MenuItem name=\"a\"/></SnomIPPhoneMenu>",
        "<SnomIPPhoneMenu><MenuItem name=\"a\" sel=\"yes\"><URL>http://h/</URL></MenuItem>"
            + "</SnomIPPhoneMenu>",
        "<SnomIPPhoneDirectory><DirectoryEntry><Name>a</Name></DirectoryEntry>"
            + "</SnomIPPhoneDirectory>",
        "<SnomIPPhoneText><Text>x</Text>",
        "",
        "   ",
        "not xml"
      })
  void refusesWhatItCannotRepresentOrThatIsNotWellFormed(String xml) {
    assertThatThrownBy(() -> read(xml))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not a minibrowser document: ");
  }

  @Test
  void prefixesTheBuildersOwnMessage() {
    assertThatThrownBy(() -> read("<SnomIPPhoneText><Title>T</Title></SnomIPPhoneText>"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "not a minibrowser document: text is required for SnomIPPhoneText; it may be empty");
    assertThatThrownBy(() -> read("<SnomIPPhoneText><Text>&#0;</Text></SnomIPPhoneText>"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not a minibrowser document: ");
  }

  @Test
  void acceptsOnlyUtf8() {
    assertThatThrownBy(
            () ->
                read(
                    "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"
                        + "<SnomIPPhoneText><Text>x</Text></SnomIPPhoneText>"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "not a minibrowser document: only UTF-8 is read, the declaration says \"ISO-8859-1\"");
    byte[] latin1 = {'<', 'S', 'n', 'o', 'm', 'I', 'P', 'P', 'h', 'o', 'n', 'e', 'T', (byte) 0xE4};
    assertThatThrownBy(() -> MinibrowserDocument.read(latin1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a minibrowser document: it is not valid UTF-8");
  }

  @Test
  void refusesMoreThanSixtyFourKibibytesBeforeParsing() {
    byte[] big = new byte[MinibrowserDocument.MAX_BYTES + 1];
    assertThatThrownBy(() -> MinibrowserDocument.read(big))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a minibrowser document: it is 65537 bytes; at most 65536 are read");
  }

  @Test
  void refusesDeepNestingManyElementsAndLongAttributes() {
    assertThatThrownBy(() -> read("<SnomIPPhoneText><Text><br><x/></br></Text></SnomIPPhoneText>"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a minibrowser document: elements nest deeper than 3 levels");
    assertThatThrownBy(() -> read("<SnomIPPhoneText>" + "<Text>".repeat(10_000)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a minibrowser document: Text holds an element \"Text\"");
    assertThatThrownBy(
            () ->
                read(
                    "<SnomIPPhoneText><Text>" + "<br/>".repeat(8200) + "</Text></SnomIPPhoneText>"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a minibrowser document: it holds more than 8192 elements");
    assertThatThrownBy(
            () ->
                read(
                    "<SnomIPPhoneMenu><MenuItem name=\""
                        + "a".repeat(1025)
                        + "\"><URL>http://h/</URL></MenuItem></SnomIPPhoneMenu>"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "not a minibrowser document: attribute \"name\" is longer than 1024 characters");
  }

  @Test
  void refusesEveryDoctypeAndEntityAndFetchesNothing() throws IOException {
    Path secret = Files.writeString(dir.resolve("secret.txt"), SECRET);
    try (ServerSocket loopback = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      String url = "http://127.0.0.1:" + loopback.getLocalPort() + "/x.dtd";
      String[] attacks = {
        "<?xml version=\"1.0\"?><!DOCTYPE t [<!ENTITY x SYSTEM \""
            + secret.toUri()
            + "\">]><SnomIPPhoneText><Text>&x;</Text></SnomIPPhoneText>",
        "<!DOCTYPE t [<!ENTITY x SYSTEM \""
            + url
            + "\">]><SnomIPPhoneText><Text>&x;</Text></SnomIPPhoneText>",
        "<!DOCTYPE SnomIPPhoneText SYSTEM \"" + url + "\"><SnomIPPhoneText/>",
        "<!DOCTYPE t [<!ENTITY % p SYSTEM \"" + url + "\"> %p;]><SnomIPPhoneText/>",
        "<!DOCTYPE l [<!ENTITY l0 \"lol\"><!ENTITY l1 \"&l0;&l0;&l0;&l0;&l0;&l0;&l0;&l0;\">]>"
            + "<SnomIPPhoneText><Text>&l1;</Text></SnomIPPhoneText>",
        "<SnomIPPhoneText><Text>&undeclared;</Text></SnomIPPhoneText>",
        "<SnomIPPhoneText><Text>x</Text><!DOCTYPE x><fetch mil=\"1\">"
            + url
            + "</fetch></SnomIPPhoneText>",
      };
      for (String attack : attacks) {
        assertThatThrownBy(() -> read(attack))
            .as(attack)
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("not a minibrowser document: ")
            .hasMessageNotContaining(SECRET);
      }
      // A fetch in a document is data: reading it connects nowhere.
      MinibrowserDocument withFetch =
          read(
              "<SnomIPPhoneText><Text>x</Text><fetch mil=\"1\">"
                  + url
                  + "</fetch></SnomIPPhoneText>");
      assertThat(withFetch.fetch()).isPresent();
      loopback.setSoTimeout(200);
      assertThatThrownBy(loopback::accept)
          .as("a connection to the loopback server")
          .isInstanceOf(SocketTimeoutException.class);
    }
  }

  @Test
  void readsEveryDocumentTypeItWrites() {
    assertThat(read(MinibrowserText.builder().text("t").build().toXml()))
        .isInstanceOf(MinibrowserText.class);
    assertThat(
            read("<IPPhoneMenu><MenuItem name=\"a\"><URL>http://h/</URL></MenuItem></IPPhoneMenu>"))
        .isInstanceOf(MinibrowserMenu.class);
    assertThat(
            read(
                "<snomipphonedirectory><directoryentry><name>a</name><telephone>1</telephone>"
                    + "</directoryentry></snomipphonedirectory>"))
        .isInstanceOf(MinibrowserDirectory.class);
    assertThat(read("<SnomIPPhoneBatch><LED number=\"1\">On</LED></SnomIPPhoneBatch>"))
        .isInstanceOf(MinibrowserBatch.class);
  }
}
