package dev.deskphone.snom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MinibrowserMenuTest {

  private static final URI DOOR = URI.create("https://apps.example/door?id=1&open=yes");

  private static MinibrowserDocument read(String xml) {
    return MinibrowserDocument.read(xml.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void writesEachItemWithItsNameAsAttributeAndElementAndTheUrlEscaped() {
    MinibrowserMenu menu =
        MinibrowserMenu.builder()
            .title("Doors")
            .item("Front & back", DOOR)
            .preselectedItem("Reception", SnomFragment.exit().numberDial("100").toUri())
            .build();

    assertThat(menu.toXml())
        .isEqualTo(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<SnomIPPhoneMenu>\n"
                + "<Title>Doors</Title>\n"
                + "<MenuItem name=\"Front &amp; back\"><Name>Front &amp; back</Name>"
                + "<URL>https://apps.example/door?id=1&amp;open=yes</URL></MenuItem>\n"
                + "<MenuItem name=\"Reception\" sel=\"true\"><Name>Reception</Name>"
                + "<URL>snom://mb_exit#numberdial=100</URL></MenuItem>\n"
                + "</SnomIPPhoneMenu>\n");
  }

  @Test
  void readsBackEqual() {
    MinibrowserMenu menu =
        MinibrowserMenu.builder()
            .title("Tür \"A\" 'B'")
            .item("Grüße \uD83D\uDE00", DOOR)
            .preselectedItem("x", URI.create("http://10.0.0.2:8080/a%20b"))
            .led(MinibrowserLed.of(0, MinibrowserLed.State.BLINK_SLOW))
            .build();

    MinibrowserMenu back = (MinibrowserMenu) MinibrowserDocument.read(menu.toBytes());

    assertThat(back).isEqualTo(menu);
    assertThat(back.items())
        .containsExactly(
            new MinibrowserMenu.Item("Grüße \uD83D\uDE00", DOOR, false),
            new MinibrowserMenu.Item("x", URI.create("http://10.0.0.2:8080/a%20b"), true));
  }

  @Test
  void attributesKeepTabsAndQuotesThroughCharacterReferences() {
    MinibrowserMenu menu = MinibrowserMenu.builder().item("a\"b'c<d>&e", DOOR).build();

    assertThat(menu.toXml()).contains("name=\"a&quot;b&apos;c&lt;d&gt;&amp;e\"");
    assertThat(((MinibrowserMenu) MinibrowserDocument.read(menu.toBytes())).items().get(0).name())
        .isEqualTo("a\"b'c<d>&e");
  }

  @Test
  void readsTheNameFromTheAttributeAloneAsCurrentFirmwareWritesIt() {
    MinibrowserDocument doc =
        read(
            "<SnomIPPhoneMenu><MenuItem name=\"A\"><Url>http://h/a</Url></MenuItem>"
                + "<MenuItem><Name>B</Name><URL>http://h/b</URL></MenuItem></SnomIPPhoneMenu>");

    assertThat(((MinibrowserMenu) doc).items())
        .extracting(MinibrowserMenu.Item::name)
        .containsExactly("A", "B");
  }

  @Test
  void refusesANameAttributeAndElementThatDiffer() {
    assertThatThrownBy(
            () ->
                read(
                    "<SnomIPPhoneMenu><MenuItem name=\"A\"><Name>B</Name><URL>http://h/</URL>"
                        + "</MenuItem></SnomIPPhoneMenu>"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "not a minibrowser document: a MenuItem's name attribute \"A\" and Name element \"B\""
                + " differ");
  }

  @Test
  void anItemIsRequiredAndOnlyOneMayBePreselected() {
    assertThatThrownBy(() -> MinibrowserMenu.builder().title("T").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a SnomIPPhoneMenu needs at least one item");
    MinibrowserMenu.Builder b = MinibrowserMenu.builder().preselectedItem("a", DOOR);
    assertThatThrownBy(() -> b.preselectedItem("b", DOOR))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("only one menu item can be preselected; \"b\" would be the second");
  }

  @Test
  void atMostOneHundredItems() {
    MinibrowserMenu.Builder b = MinibrowserMenu.builder();
    for (int i = 0; i < MinibrowserDocument.MAX_ENTRIES; i++) {
      b.item("item " + i, DOOR);
    }
    assertThat(b.build().items()).hasSize(100);
    assertThatThrownBy(() -> b.item("one more", DOOR))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a menu holds at most 100 items");
  }

  @Test
  void aDocumentOverSixtyFourKibibytesIsRefusedWhenBuilt() {
    MinibrowserMenu.Builder b = MinibrowserMenu.builder();
    URI longUrl = URI.create("https://apps.example/" + "a".repeat(1900));
    for (int i = 0; i < 40; i++) {
      b.item("item " + i, longUrl);
    }
    assertThatThrownBy(b::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the SnomIPPhoneMenu document would be ")
        .hasMessageEndingWith(" bytes of UTF-8, over the limit of 65536");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ftp://h/x",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "mailto:a@b",
        "/relative",
        "http:opaque",
        "snom://elsewhere",
        "snom://mb_exit/path",
        "snom://mb_exit?q=1",
        "http://h/$(set:http_pass)"
      })
  void aUrlOtherThanHttpHttpsOrAMinibrowserActionIsRefused(String url) {
    assertThatThrownBy(() -> MinibrowserMenu.builder().item("x", URI.create(url)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("menu item url must");
  }

  @Test
  void aUrlWithCredentialsIsRefusedWithoutShowingThem() {
    assertThatThrownBy(
            () -> MinibrowserMenu.builder().item("x", URI.create("https://u:s3cret@h.example/")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("user-info")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void urlsAreKeptInTheirAsciiForm() {
    MinibrowserMenu menu = MinibrowserMenu.builder().item("x", URI.create("http://h/tür")).build();
    assertThat(menu.items().get(0).url()).isEqualTo(URI.create("http://h/t%C3%BCr"));
    assertThat(MinibrowserDocument.read(menu.toBytes())).isEqualTo(menu);
  }

  @Test
  void anEmptyNameIsRefused() {
    assertThatThrownBy(() -> MinibrowserMenu.builder().item("", DOOR))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("menu item name must not be empty");
  }

  @Test
  void toStringCountsTheItems() {
    assertThat(MinibrowserMenu.builder().title("T").item("a", DOOR).build().toString())
        .isEqualTo("MinibrowserMenu[title=\"T\", 1 item]");
  }
}
