package dev.deskphone.testkit.assertj;

import static dev.deskphone.testkit.assertj.DeskphoneAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deskphone.core.LedColour;
import dev.deskphone.core.LedState;
import dev.deskphone.snom.SnomModel;
import dev.deskphone.snom.SnomPhone;
import dev.deskphone.snom.SnomSettings;
import dev.deskphone.testkit.FakeLed;
import dev.deskphone.testkit.FakeSnomPhone;
import dev.deskphone.testkit.FakeUnifyPhone;
import dev.deskphone.testkit.internal.Action;
import dev.deskphone.testkit.internal.ScriptedHttpServer;
import dev.deskphone.unify.SendUrlKey;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeskphoneAssertionsTest {
  private static final String RED_FLASH =
      "<Batch><Remote_Control><Turnled ID=\"Door\" STATE=\"FLASH\" COLOUR=\"RED\" LABEL=\"Open\""
          + " WAKE=\"true\"/></Remote_Control></Batch>";

  @Test
  void snomAssertionsReadLikeThePhone() {
    try (FakeSnomPhone fake = FakeSnomPhone.builder().model(SnomModel.SNOM_870).start()) {
      SnomPhone phone = SnomPhone.builder().uri(fake.uri()).build();
      phone.press("OFFHOOK;1");
      phone.dial("+4930123456");
      phone.sendDtmf("12#");

      assertThat(fake).pressedKeys().containsExactly("OFFHOOK", "1");
      assertThat(fake)
          .dialed("+4930123456")
          .isOffHook()
          .sentDtmf("12#")
          .hasRebooted(0)
          .receivedRequests(3)
          .hasNoRejectedRequests();
      assertThat(fake).dialedNumbers().containsExactly("+4930123456");
    }
  }

  @Test
  void aFailedSnomAssertionShowsWhatWasExpectedWhatTheFakeSawAndItsJournal() {
    try (FakeSnomPhone fake = FakeSnomPhone.builder().start()) {
      SnomPhone.builder().uri(fake.uri()).build().dial("+4930999");

      assertThatThrownBy(() -> assertThat(fake).dialed("+4930123456"))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("to have dialed \"+4930123456\"")
          .hasMessageContaining("but it dialed [\"+4930999\"]")
          .hasMessageContaining("Journal (last 1 of 1 requests)")
          .hasMessageContaining("GET /command.htm?number=%2B4930999");
      assertThatThrownBy(() -> assertThat(fake).isOnHook())
          .hasMessageContaining("to be ONHOOK")
          .hasMessageContaining("but it is OFFHOOK");
      assertThatThrownBy(() -> assertThat(fake).pressedKeys().containsExactly("ENTER"))
          .hasMessageContaining("keys pressed on FakeSnomPhone")
          .hasMessageContaining("Journal");
    }
  }

  @Test
  void aSettingAssertionNamesTheSettingAndWhatThePhoneHolds() {
    try (FakeSnomPhone fake = FakeSnomPhone.builder().start()) {
      SnomPhone.builder()
          .uri(fake.uri())
          .build()
          .writeSettings(SnomSettings.builder().set("language", "Deutsch").build());

      assertThat(fake).hasSetting("language", "Deutsch");
      assertThatThrownBy(() -> assertThat(fake).hasSetting("language", "English"))
          .hasMessageContaining("to hold setting language=\"English\"")
          .hasMessageContaining("but it holds language=\"Deutsch\"")
          .hasMessageContaining("GET /dummy.htm?settings=save&language=Deutsch");
      assertThatThrownBy(() -> assertThat(fake).hasSetting("fkey0", "speed 1"))
          .hasMessageContaining(
              "but it holds no setting fkey0; its settings are {language=Deutsch}");
    }
  }

  @Test
  void rejectedRequestsAreListedAndCountAsSeen() throws Exception {
    try (FakeSnomPhone fake = FakeSnomPhone.builder().start()) {
      var client = java.net.http.HttpClient.newHttpClient();
      client.send(
          java.net.http.HttpRequest.newBuilder(fake.uri().resolve("/command.htm?key=NOPE")).build(),
          java.net.http.HttpResponse.BodyHandlers.discarding());

      assertThatThrownBy(() -> assertThat(fake).hasNoRejectedRequests())
          .hasMessageContaining("to have understood every request")
          .hasMessageContaining("key=NOPE");
      assertThat(fake).rejectedRequests().hasSize(1);
    } // closes without failing: the test has seen the rejection
  }

  @Test
  void unifyLedAssertionsNameTheKeyAndTheLed() throws Exception {
    try (ScriptedHttpServer server =
            ScriptedHttpServer.start(
                r -> Action.respond(200, RED_FLASH).header("Content-Type", "text/xml"));
        FakeUnifyPhone unify =
            FakeUnifyPhone.builder()
                .key(SendUrlKey.builder().symbolicName("Door").server(server.uri("/")).build())
                .start()) {
      unify.pressKey("Door");

      assertThat(unify).led("Door").isFlashing().hasColour(LedColour.RED).hasLabel("Open");
      assertThat(unify).sentKeyRequests(1).receivedPushes(0).hasNoRejectedRequests();
      assertThatThrownBy(() -> assertThat(unify).led("Door").hasColour(LedColour.GREEN))
          .hasMessageContaining("Expecting the LED of key \"Door\"")
          .hasMessageContaining("to be GREEN")
          .hasMessageContaining("but it is RED")
          .hasMessageContaining("Journal: no pushes.")
          .hasMessageContaining("Journal (last 1 of 1 key requests):\n  #1 GET ");
    }
  }

  @Test
  void aLedReadEarlierCanBeAssertedOnItsOwn() {
    FakeLed led = new FakeLed(LedState.ON, Optional.of(LedColour.GREEN), Optional.empty(), false);

    assertThat(led).isOn().hasColour(LedColour.GREEN).hasNoLabel();
    assertThatThrownBy(() -> assertThat(led).isFluttering())
        .hasMessageContaining("to be FLUTTER")
        .hasMessageContaining("but it is ON");
  }
}
