package dev.deskphone.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deskphone.core.LedColour;
import dev.deskphone.core.LedState;
import dev.deskphone.testkit.internal.Action;
import dev.deskphone.testkit.internal.RecordedRequest;
import dev.deskphone.testkit.internal.ScriptedHttpServer;
import dev.deskphone.unify.SendUrlKey;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fake phone against a scripted server that reads the wire itself. */
class FakeUnifyPhoneTest {
  private static final String RED_FLASH =
      "<Batch><Remote_Control><Turnled ID=\"MySymbolicName\" WAKE=\"true\" STATE=\"FLASH\""
          + " COLOUR=\"RED\" LABEL=\"Busy &amp; away\"/></Remote_Control></Batch>";

  private final List<AutoCloseable> open = new ArrayList<>();
  private final MutableClock clock = MutableClock.at(Instant.parse("2026-12-01T12:00:00Z"));

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  private ScriptedHttpServer server(Function<RecordedRequest, Action> script) throws Exception {
    ScriptedHttpServer s = ScriptedHttpServer.start(script::apply);
    open.add(s);
    return s;
  }

  private static Action.Respond xml(String body) {
    return Action.respond(200, body).header("Content-Type", "text/xml");
  }

  private static SendUrlKey.Builder key(ScriptedHttpServer server) {
    return SendUrlKey.builder()
        .symbolicName("MySymbolicName")
        .server(server.uri("/"))
        .parameters("id=1&item=2")
        .userId("MyUsername")
        .password("MyPassword");
  }

  private FakeUnifyPhone fake(SendUrlKey key, FakeUnifyPhone.Model model) {
    FakeUnifyPhone fake =
        FakeUnifyPhone.builder()
            .key(key)
            .model(model)
            .clock(clock)
            .ipAddress("10.0.0.7")
            .phoneNumber("+4930123456")
            .start();
    open.add(fake);
    return fake;
  }

  @Test
  void aGetKeySendsTheVendorsQueryInOrder() throws Exception {
    ScriptedHttpServer server = server(r -> xml(RED_FLASH));
    fake(key(server).build(), FakeUnifyPhone.Model.CP600).pressKey("MySymbolicName");
    RecordedRequest r = server.requests().get(0);
    assertThat(r.method()).isEqualTo("GET");
    assertThat(r.target())
        .isEqualTo(
            "/?userid=MyUsername&password=MyPassword&id=1&item=2&ipaddress=10.0.0.7"
                + "&phonenumber=%2B4930123456&devicetype=OpenStage&symbn=MySymbolicName");
  }

  @Test
  void aPostKeySendsTheSameAsAFormBody() throws Exception {
    ScriptedHttpServer server = server(r -> xml(RED_FLASH));
    fake(key(server).method("POST").build(), FakeUnifyPhone.Model.CP600).pressKey("MySymbolicName");
    RecordedRequest r = server.requests().get(0);
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.target()).isEqualTo("/");
    assertThat(r.header("Content-Type")).contains("application/x-www-form-urlencoded");
    assertThat(r.bodyText())
        .isEqualTo(
            "userid=MyUsername&password=MyPassword&id=1&item=2&ipaddress=10.0.0.7"
                + "&phonenumber=%2B4930123456&devicetype=OpenStage&symbn=MySymbolicName");
  }

  @Test
  void aValidReplySetsStateColourLabelAndWake() throws Exception {
    ScriptedHttpServer server = server(r -> xml(RED_FLASH));
    FakeUnifyPhone fake = fake(key(server).build(), FakeUnifyPhone.Model.CP600);
    FakeLed led = fake.pressKey("MySymbolicName");
    assertThat(led)
        .isEqualTo(
            new FakeLed(
                LedState.FLASH, Optional.of(LedColour.RED), Optional.of("Busy & away"), true));
    assertThat(fake.led("MySymbolicName")).isEqualTo(led);
    assertThat(fake.ledHistory()).extracting(LedChange::led).containsExactly(led);
  }

  @Test
  void onlyTheCp600ShowsTheLabel() throws Exception {
    ScriptedHttpServer server = server(r -> xml(RED_FLASH));
    FakeLed led = fake(key(server).build(), FakeUnifyPhone.Model.CP400).pressKey("MySymbolicName");
    assertThat(led.state()).isEqualTo(LedState.FLASH);
    assertThat(led.label()).isEmpty();
  }

  @Test
  void aTurnledForAnotherKeyChangesNothing() throws Exception {
    ScriptedHttpServer server =
        server(r -> xml("<Turnled ID=\"Other\" STATE=\"ON\" COLOUR=\"RED\"/>"));
    FakeUnifyPhone fake = fake(key(server).build(), FakeUnifyPhone.Model.CP600);
    assertThat(fake.pressKey("MySymbolicName")).isEqualTo(FakeLed.INITIAL);
    assertThat(fake.ledHistory()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "<Batch>",
        "not xml",
        "<Turnled ID=\"MySymbolicName\" STATE=\"BLINK\"/>",
        "<Turnled ID=\"MySymbolicName\" STATE=\"OFF\" COLOUR=\"RED\"/>",
        "<!DOCTYPE x [<!ENTITY e \"e\">]><Turnled ID=\"MySymbolicName\" STATE=\"ON\"/>"
      })
  void anEmptyOrInvalid200IsGreenForTwoSecondsThenOff(String body) throws Exception {
    ScriptedHttpServer server = server(r -> xml(body));
    FakeUnifyPhone fake = fake(key(server).build(), FakeUnifyPhone.Model.CP600);
    FakeLed green = fake.pressKey("MySymbolicName");
    assertThat(green.state()).isEqualTo(LedState.ON);
    assertThat(green.colour()).contains(LedColour.GREEN);
    clock.advance(Duration.ofMillis(1999));
    assertThat(fake.led("MySymbolicName")).isEqualTo(green);
    clock.advance(Duration.ofMillis(1));
    assertThat(fake.led("MySymbolicName").state()).isEqualTo(LedState.OFF);
    assertThat(fake.ledHistory())
        .extracting(c -> c.led().state())
        .containsExactly(LedState.ON, LedState.OFF);
    assertThat(fake.ledHistory().get(1).at().minus(Duration.ofSeconds(2)))
        .isEqualTo(fake.ledHistory().get(0).at());
  }

  @Test
  void aContentLengthCountedInCharactersCutsTheReplyAndShowsGreen() throws Exception {
    String reply = "<Turnled ID=\"MySymbolicName\" STATE=\"ON\" COLOUR=\"RED\" LABEL=\"Grüße\"/>";
    ScriptedHttpServer server =
        server(
            r -> xml(reply).header("Content-Length", Integer.toString(reply.length())).closing());
    FakeLed led = fake(key(server).build(), FakeUnifyPhone.Model.CP600).pressKey("MySymbolicName");
    assertThat(led.colour()).contains(LedColour.GREEN); // the add-on's bug, as the phone shows it
  }

  @Test
  void a200ThatIsNotTextXmlCountsAsInvalid() throws Exception {
    ScriptedHttpServer server = server(r -> Action.respond(200, RED_FLASH));
    FakeLed led = fake(key(server).build(), FakeUnifyPhone.Model.CP600).pressKey("MySymbolicName");
    assertThat(led.colour()).contains(LedColour.GREEN);
  }

  @ParameterizedTest
  @ValueSource(ints = {201, 204, 302, 403, 404, 500, 503})
  void anyOtherStatusChangesNothingAndRedirectsAreNotFollowed(int status) throws Exception {
    ScriptedHttpServer server =
        server(r -> Action.respond(status, RED_FLASH).header("Location", "/elsewhere"));
    FakeUnifyPhone fake = fake(key(server).build(), FakeUnifyPhone.Model.CP600);
    assertThat(fake.pressKey("MySymbolicName")).isEqualTo(FakeLed.INITIAL);
    assertThat(server.requestCount()).isEqualTo(1);
    assertThat(fake.requests())
        .singleElement()
        .satisfies(r -> assertThat(r.status()).hasValue(status));
  }

  @Test
  void noAnswerChangesNothingAndIsJournaled() throws Exception {
    ScriptedHttpServer server = server(r -> new Action.Close());
    FakeUnifyPhone fake = fake(key(server).build(), FakeUnifyPhone.Model.CP600);
    assertThat(fake.pressKey("MySymbolicName")).isEqualTo(FakeLed.INITIAL);
    FakeKeyRequest sent = fake.takeRequest(Duration.ZERO).orElseThrow();
    assertThat(sent.status()).isEmpty();
    assertThat(sent.answer()).startsWith("no answer: ");
    assertThat(sent.toString()).contains("password=***").doesNotContain("MyPassword");
  }

  @Test
  void aKeyRequestIsSentOnceEvenWhenAKeptAliveConnectionClosesUnanswered() throws Exception {
    ScriptedHttpServer server =
        server(r -> r.indexOnConnection() == 1 ? xml(RED_FLASH) : new Action.Close());
    FakeUnifyPhone fake = fake(key(server).build(), FakeUnifyPhone.Model.CP600);
    fake.pressKey("MySymbolicName"); // leaves a kept-alive connection the JDK client reuses

    fake.pressKey("MySymbolicName");

    assertThat(server.requestCount()).isEqualTo(2); // the JDK client's own retry never went out
    assertThat(fake.requests())
        .extracting(r -> r.status().isPresent())
        .containsExactly(true, false);
  }

  @Test
  void theFakeEncodesTheFormItselfWithPlusForSpace() throws Exception {
    ScriptedHttpServer server = server(r -> xml(RED_FLASH));
    SendUrlKey key = key(server).parameters("note=Grüße aus+Berlin*~").password("p w").build();

    fake(key, FakeUnifyPhone.Model.CP600).pressKey("MySymbolicName");

    assertThat(server.requests().get(0).target())
        .startsWith("/?userid=MyUsername&password=p+w&note=Gr%C3%BC%C3%9Fe+aus%2BBerlin*%7E&");
  }

  @Test
  void takeRequestHandsOutEachKeyRequestOnceInOrder() throws Exception {
    ScriptedHttpServer server = server(r -> xml(RED_FLASH));
    FakeUnifyPhone fake = fake(key(server).build(), FakeUnifyPhone.Model.CP600);
    assertThat(fake.takeRequest(Duration.ZERO)).isEmpty();
    fake.pressKey("MySymbolicName");
    fake.pressKey("MySymbolicName");

    assertThat(fake.takeRequest(Duration.ZERO)).map(FakeKeyRequest::sequence).contains(1);
    assertThat(fake.takeRequest(Duration.ZERO)).map(FakeKeyRequest::sequence).contains(2);
    assertThat(fake.takeRequest(Duration.ZERO)).isEmpty();
    assertThat(fake.requests()).hasSize(2); // the journal keeps what was taken
  }

  @Test
  void aPushThatMatchesAKeyFiresItAndAMismatchFiresNothing() throws Exception {
    ScriptedHttpServer server = server(r -> xml(RED_FLASH));
    FakeUnifyPhone fake = fake(key(server).build(), FakeUnifyPhone.Model.CP600);
    String good =
        "MidletName=MySymbolicName&ServerProtocol=http&ServerAddr=127.0.0.1&ServerPort="
            + server.port()
            + "&ProgramName=MySymbolicName&RequestType=sendURL";
    try (var raw = new java.net.Socket("127.0.0.1", fake.uri().getPort())) {
      String bad = good.replace("ServerPort=" + server.port(), "ServerPort=443");
      raw.getOutputStream()
          .write(
              ("POST /server_push.html/ServerPush HTTP/1.1\r\nHost: x\r\nContent-Length: "
                      + bad.length()
                      + "\r\n\r\n"
                      + bad)
                  .getBytes(StandardCharsets.ISO_8859_1));
      String head = new String(raw.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1);
      assertThat(head).isEqualTo("HTTP/1.1 403");
    }
    assertThat(server.requestCount()).isZero();
    assertThat(fake.rejected())
        .singleElement()
        .satisfies(r -> assertThat(r.reason()).contains("ServerPort"));
    try (var raw = new java.net.Socket("127.0.0.1", fake.uri().getPort())) {
      raw.getOutputStream()
          .write(
              ("POST /server_push.html/ServerPush HTTP/1.1\r\nHost: x\r\nContent-Length: "
                      + good.length()
                      + "\r\n\r\n"
                      + good)
                  .getBytes(StandardCharsets.ISO_8859_1));
      String head = new String(raw.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1);
      assertThat(head).isEqualTo("HTTP/1.1 200");
    }
    FakeKeyRequest fired = fake.takeRequest(Duration.ofSeconds(10)).orElseThrow();
    assertThat(fired.pushed()).isTrue();
    assertThat(fired.status()).hasValue(200);
    assertThat(fake.led("MySymbolicName").state()).isEqualTo(LedState.FLASH);
    assertThat(fake.pushes()).extracting(FakeRequest::sequence).containsExactly(1, 2);
    assertThat(fake.requests()).containsExactly(fired);
  }

  @Test
  void badInputIsRejected() throws Exception {
    ScriptedHttpServer server = server(r -> xml(RED_FLASH));
    SendUrlKey key = key(server).build();
    assertThatThrownBy(() -> FakeUnifyPhone.builder().start())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("at least one key");
    assertThatThrownBy(() -> FakeUnifyPhone.builder().key(key).key(key))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unique");
    FakeUnifyPhone fake = fake(key, FakeUnifyPhone.Model.CP200);
    assertThatThrownBy(() -> fake.pressKey("Nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no key \"Nope\"");
    assertThatThrownBy(fake::tls)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("https()");
    assertThat(fake.toString()).doesNotContain("MyPassword");
  }

  @Test
  void overHttpsTheFakePresentsAPinnableRunCertificate() {
    FakeUnifyPhone fake =
        FakeUnifyPhone.builder()
            .key(
                SendUrlKey.builder()
                    .symbolicName("K")
                    .server(URI.create("http://127.0.0.1:9/"))
                    .build())
            .https()
            .start();
    open.add(fake);
    assertThat(fake.uri().getScheme()).isEqualTo("https");
    assertThat(fake.certificateFingerprint()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
    assertThat(fake.certificatePem()).startsWith("-----BEGIN CERTIFICATE-----");
    assertThat(fake.tls()).isNotNull();
  }
}
