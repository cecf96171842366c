package dev.deskphone.testkit;

import static dev.deskphone.testkit.assertj.DeskphoneAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deskphone.core.PhoneHeaders;
import dev.deskphone.core.server.EndpointResponse;
import dev.deskphone.core.server.EndpointServer;
import dev.deskphone.snom.SnomEventType;
import dev.deskphone.snom.SnomPhone;
import dev.deskphone.snom.SnomSettings;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fake snom phone's minibrowser: documents written by hand here (never by the SDK's writer),
 * served from loopback, pushed with {@code minibrowser.htm?url=} by a plain JDK client, and driven
 * as a user would: select an item, type into an input.
 */
class FakeSnomMinibrowserTest {
  private static final Duration WAIT = Duration.ofSeconds(5);

  private final Map<String, String> documents = new ConcurrentHashMap<>();
  private final List<String> fetched = new CopyOnWriteArrayList<>();
  private EndpointServer server;
  private FakeLab lab;
  private FakeSnomPhone phone;
  private FakeSnomPhone other;

  @BeforeEach
  void start() {
    server =
        EndpointServer.builder()
            .bind(new InetSocketAddress("127.0.0.1", 0))
            .endpoint(
                "/*",
                r -> {
                  fetched.add(r.target());
                  String doc = documents.get(r.path());
                  return doc == null
                      ? EndpointResponse.text(404, "no such document")
                      : EndpointResponse.of(
                          200,
                          PhoneHeaders.builder()
                              .add("Content-Type", "application/xml; charset=utf-8")
                              .build(),
                          doc.getBytes(StandardCharsets.UTF_8));
                })
            .start();
    lab = FakeLab.builder().snom(2).start();
    phone = lab.snomPhone("101");
    other = lab.snomPhone("102");
  }

  @AfterEach
  void stop() {
    lab.close();
    server.close();
  }

  @Test
  void aMenuLeadsToADirectoryWhoseEntryDialsOnTheSwitchboard() throws Exception {
    documents.put(
        "/menu",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><SnomIPPhoneMenu><Title>Main</Title>"
            + "<MenuItem><Name>Phonebook</Name><URL>/dir?page=1</URL></MenuItem>"
            + "<MenuItem><Name>Door</Name><URL>snom://mb_exit#numberdial=555</URL></MenuItem>"
            + "</SnomIPPhoneMenu>");
    documents.put(
        "/dir",
        "<SnomIPPhoneDirectory><Title>People &amp; rooms</Title><Prompt>Pick</Prompt>"
            + "<DirectoryEntry><Name>Bob Müller</Name><Telephone>102</Telephone></DirectoryEntry>"
            + "<DirectoryEntry><Name>Lobby</Name><Telephone>0301234</Telephone></DirectoryEntry>"
            + "</SnomIPPhoneDirectory>");

    show(phone, url("/menu").toString());
    FakeScreen menu = phone.awaitScreen(s -> s.title().equals("Main"), WAIT).orElseThrow();
    assertThat(menu.kind()).isEqualTo(FakeScreen.Kind.MENU);
    assertThat(menu.itemNames()).containsExactly("Phonebook", "Door");

    phone.select(0);
    FakeScreen dir = phone.awaitScreen(s -> s.kind() == FakeScreen.Kind.DIRECTORY, WAIT).get();
    assertThat(dir.title()).isEqualTo("People & rooms");
    assertThat(dir.items())
        .containsExactly(
            new FakeScreen.Item("Bob Müller", "102"), new FakeScreen.Item("Lobby", "0301234"));
    assertThat(fetched).contains("/menu", "/dir?page=1");

    phone.select(0);

    assertThat(other).within(WAIT).isRinging();
    assertThat(phone.dialed()).extracting(Dialed::number).containsExactly("102");
  }

  @Test
  void aFragmentDialsAndExitsAndAnInputSendsWhatWasTyped() throws Exception {
    documents.put(
        "/menu",
        "<SnomIPPhoneMenu><Title>Main</Title>"
            + "<MenuItem><Name>Door</Name><URL>snom://mb_exit#numberdial=%2B4930555</URL></MenuItem>"
            + "</SnomIPPhoneMenu>");
    documents.put(
        "/search",
        "<SnomIPPhoneInput><Title>Search</Title><Prompt>Name?</Prompt>"
            + "<URL>/found?q=__Q__&amp;x=1</URL><InputItem><DisplayName>Name</DisplayName>"
            + "<InputToken>__Q__</InputToken><DefaultValue>An</DefaultValue>"
            + "<InputFlags>a</InputFlags></InputItem></SnomIPPhoneInput>");
    documents.put(
        "/found", "<SnomIPPhoneText><Title>Found</Title><Text>1 match</Text></SnomIPPhoneText>");

    show(phone, url("/menu").toString());
    phone.awaitScreen(s -> s.title().equals("Main"), WAIT).orElseThrow();
    phone.select(0);
    assertThat(phone).within(WAIT).isConnected(); // the far end +4930555 answers
    assertThat(phone.calls().get(0).remote()).isEqualTo("+4930555");

    show(phone, url("/search").toString());
    FakeScreen input = phone.awaitScreen(s -> s.kind() == FakeScreen.Kind.INPUT, WAIT).get();
    assertThat(input.input())
        .hasValue(new FakeScreen.Input("Name", "An", "a", "/found?q=__Q__&x=1", "__Q__"));
    phone.type("Müller & Co");

    assertThat(phone.awaitScreen(s -> s.title().equals("Found"), WAIT).get().text())
        .isEqualTo("1 match");
    assertThat(fetched).contains("/found?q=M%C3%BCller%20%26%20Co&x=1");
  }

  @Test
  void ledsFetchAndCancel() throws Exception {
    documents.put(
        "/leds",
        "<SnomIPPhoneText><Title>Door</Title><Text>Open</Text>"
            + "<LED number=\"3\" color=\"red\">On</LED><LED number=\"4\">blinkfast</LED>"
            + "<fetch mil=\"300\">/next</fetch></SnomIPPhoneText>");
    documents.put(
        "/next",
        "<SnomIPPhoneBatch><LED number=\"3\" color=\"green\">Off</LED>"
            + "<fetch mil=\"10\">snom://mb_exit</fetch></SnomIPPhoneBatch>");

    show(phone, url("/leds").toString());
    phone.awaitScreen(s -> s.title().equals("Door"), WAIT).orElseThrow();

    assertThat(phone.awaitNoScreen(WAIT)).isTrue(); // fetched /next, which exits
    assertThat(fetched).containsSubsequence("/leds", "/next");
    assertThat(phone.leds())
        .containsEntry(3, new FakeSnomLed(3, "green", "off"))
        .containsEntry(4, new FakeSnomLed(4, "", "blinkfast"));
    assertThat(phone.leds().get(4).lit()).isTrue();

    documents.put("/text", "<SnomIPPhoneText><Title>Hi</Title><Text>x</Text></SnomIPPhoneText>");
    show(phone, url("/text").toString());
    phone.awaitScreen(s -> s.title().equals("Hi"), WAIT).orElseThrow();
    SnomPhone.builder().uri(phone.uri()).build().press("CANCEL");
    assertThat(phone.awaitNoScreen(WAIT)).isTrue();
  }

  @Test
  void aSoftKeyOfTheDocumentShownFetchesItsUrlInsteadOfDoingItsOwnWork() throws Exception {
    documents.put(
        "/page1",
        "<SnomIPPhoneDirectory><Title>Page 1</Title>"
            + "<DirectoryEntry><Name>A</Name><Telephone>102</Telephone></DirectoryEntry>"
            + "<SoftKeyItem><Name>RIGHT</Name><URL>/page2</URL></SoftKeyItem>"
            + "</SnomIPPhoneDirectory>");
    documents.put(
        "/page2",
        "<SnomIPPhoneDirectory><Title>Page 2</Title>"
            + "<DirectoryEntry><Name>B</Name><Telephone>103</Telephone></DirectoryEntry>"
            + "</SnomIPPhoneDirectory>");
    show(phone, url("/page1").toString());
    assertThat(phone.awaitScreen(s -> s.title().equals("Page 1"), WAIT).get().softKeys())
        .containsEntry("RIGHT", "/page2");

    SnomPhone.builder().uri(phone.uri()).build().press("RIGHT");

    assertThat(phone.awaitScreen(s -> s.title().equals("Page 2"), WAIT).get().itemNames())
        .containsExactly("B");
  }

  @Test
  void anActionUrlAnsweredWithADocumentShowsIt() throws Exception {
    documents.put(
        "/ring",
        "<SnomIPPhoneText><Title>Incoming</Title><Text>Call from 101</Text></SnomIPPhoneText>");
    SnomPhone.builder()
        .uri(other.uri())
        .build()
        .writeSettings(
            SnomSettings.builder().set("action_incoming_url", url("/ring") + "?r=$remote").build());

    SnomPhone.builder().uri(phone.uri()).build().dial("102");

    assertThat(other.awaitFired(SnomEventType.INCOMING, WAIT)).isPresent();
    assertThat(other.awaitScreen(s -> s.title().equals("Incoming"), WAIT).get().text())
        .isEqualTo("Call from 101");
  }

  @Test
  void documentsThePhoneCannotShowAreReportedNotShown() throws Exception {
    documents.put(
        "/dtd",
        "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
            + "<SnomIPPhoneText><Text>&e;</Text></SnomIPPhoneText>");
    documents.put("/html", "<html><body>hi</body></html>");
    documents.put("/menu", "<SnomIPPhoneMenu><Title>M</Title></SnomIPPhoneMenu>");

    show(phone, url("/dtd").toString());
    show(phone, url("/html").toString());
    show(phone, url("/missing").toString());
    show(phone, "snom://mb_nop#reboot=true");
    show(phone, url("/menu").toString());
    phone.awaitScreen(s -> s.title().equals("M"), WAIT).orElseThrow();

    assertThat(phone.screenFailures())
        .hasSize(4)
        .anySatisfy(f -> assertThat(f).contains("/dtd", "DOCTYPE"))
        .anySatisfy(f -> assertThat(f).contains("/html", "root element html"))
        .anySatisfy(f -> assertThat(f).contains("/missing answered 404"))
        .anySatisfy(f -> assertThat(f).contains("fragment 'reboot'"));
    assertThatThrownBy(() -> phone.select(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0 item(s)");
    assertThatThrownBy(() -> phone.type("x"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no input is shown");
  }

  @Test
  void aPushWithoutAUsableUrlIsNotCarriedOut() throws Exception {
    get(phone.uri() + "minibrowser.htm?url=ftp%3A%2F%2Fx%2Fy");

    assertThat(phone.rejected())
        .singleElement()
        .satisfies(rej -> assertThat(rej.reason()).contains("ftp://x/y"));
  }

  /** A URL of the document server. */
  private URI url(String path) {
    URI any = server.uri("/*");
    return URI.create("http://" + any.getHost() + ":" + any.getPort() + path);
  }

  private static void show(FakeSnomPhone fake, String url) throws Exception {
    HttpResponse<String> r =
        get(fake.uri() + "minibrowser.htm?url=" + URLEncoder.encode(url, StandardCharsets.UTF_8));
    assertThat(r.statusCode()).isEqualTo(200);
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
