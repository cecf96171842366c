package dev.deskphone.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskphone.snom.SnomModel;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fake's settings pages, driven by requests written by hand (never the SDK's encoder). */
class FakeSnomPhoneSettingsTest {
  private static final String FORM = "application/x-www-form-urlencoded";

  @ParameterizedTest
  @ValueSource(strings = {"/dummy.htm", "/settings.htm"})
  void aGetWritesTheSettingsDecodedInOrder(String page) throws Exception {
    try (FakeSnomPhone fake = FakeSnomPhone.builder().start()) {
      int status =
          RawHttp.status(
              fake,
              page
                  + "?settings=save&fkey0=speed%20100&fkey_label0=T%C3%BCr+%E2%98%8E"
                  + "&action_incoming_url=http://h/e?a=1%26b=2&empty=");

      assertThat(status).isEqualTo(200);
      assertThat(fake.settings())
          .containsExactly(
              Map.entry("fkey0", "speed 100"),
              Map.entry("fkey_label0", "Tür ☎"),
              Map.entry("action_incoming_url", "http://h/e?a=1&b=2"),
              Map.entry("empty", ""));
      assertThat(fake.setting("fkey0")).contains("speed 100");
      assertThat(fake.setting("fkey1")).isEmpty();
      assertThat(fake.rejected()).isEmpty();
      assertThat(fake.requests()).singleElement().extracting(FakeRequest::path).isEqualTo(page);
    }
  }

  @Test
  void aWrittenActionUrlsSecretIsKeptButNotShownInTheRequestsToString() throws Exception {
    try (FakeSnomPhone fake = FakeSnomPhone.builder().start()) {
      String url = "http%3A%2F%2Fh%2Fe%3Fe%3Dincoming%26p%3D10.0.0.7%26sig%3DS3cr3tS3cr3tS3cr3tS3c";

      assertThat(RawHttp.status(fake, "/dummy.htm?settings=save&action_incoming_url=" + url))
          .isEqualTo(200);

      assertThat(fake.setting("action_incoming_url"))
          .contains("http://h/e?e=incoming&p=10.0.0.7&sig=S3cr3tS3cr3tS3cr3tS3c");
      FakeRequest request = fake.requests().get(0);
      assertThat(request.target()).contains("S3cr3t");
      assertThat(request.toString()).doesNotContain("S3cr3t").contains("action_incoming_url=");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/dummy.htm", "/settings.htm", "/command.htm"})
  void aPostTakesTheQueryAsAGetDoes(String page) throws Exception {
    try (FakeSnomPhone fake = FakeSnomPhone.builder().start()) {
      String query = page.equals("/command.htm") ? "?key=ENTER" : "?settings=save&language=Deutsch";

      HttpResponse<String> answer = RawHttp.send(fake, "POST", page + query, null, "");

      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(fake.rejected()).isEmpty();
      if (page.equals("/command.htm")) {
        assertThat(fake.pressedKeys()).containsExactly(PressedKey.of("ENTER"));
      } else {
        assertThat(fake.setting("language")).contains("Deutsch");
      }
      assertThat(fake.requests()).singleElement().extracting(FakeRequest::method).isEqualTo("POST");
    }
  }

  @Test
  void aPostToSettingsHtmMayCarryTheSettingsAsAFormBody() throws Exception {
    try (FakeSnomPhone fake = FakeSnomPhone.builder().start()) {
      HttpResponse<String> answer =
          RawHttp.send(
              fake,
              "POST",
              "/settings.htm?settings=save",
              FORM + "; charset=UTF-8",
              "fkey_label1=T%C3%BCr+1&store_settings=save");

      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(fake.settings()).containsExactly(Map.entry("fkey_label1", "Tür 1"));
      // the write was stored: it survives a reboot
      RawHttp.get(fake, "/advanced_update.htm?reboot=Reboot");
      fake.finishReboot();
      assertThat(fake.setting("fkey_label1")).contains("Tür 1");
    }
  }

  @Test
  void aFormBodyElsewhereOrOfAnotherTypeIsNotReadAndNothingIsDone() throws Exception {
    try (FakeSnomPhone fake = FakeSnomPhone.builder().start()) {
      int onCommand = RawHttp.send(fake, "POST", "/command.htm", FORM, "key=ENTER").statusCode();
      int onDummy =
          RawHttp.send(fake, "POST", "/dummy.htm", FORM, "settings=save&a=1").statusCode();
      int json =
          RawHttp.send(fake, "POST", "/settings.htm", "application/json", "{\"a\":1}").statusCode();
      int latin1 =
          RawHttp.send(fake, "POST", "/settings.htm", FORM + ";charset=ISO-8859-1", "a=1")
              .statusCode();

      assertThat(onCommand).isEqualTo(200);
      assertThat(onDummy).isEqualTo(200);
      assertThat(json).isEqualTo(200);
      assertThat(latin1).isEqualTo(200);
      assertThat(fake.pressedKeys()).isEmpty();
      assertThat(fake.settings()).isEmpty();
      assertThat(fake.rejected())
          .extracting(RejectedRequest::reason)
          .containsExactly(
              "a POST body on /command.htm is not read (only settings.htm takes a form body)",
              "a POST body on /dummy.htm is not read (only settings.htm takes a form body)",
              "a form body on settings.htm must be application/x-www-form-urlencoded in UTF-8,"
                  + " was 'application/json'",
              "a form body on settings.htm must be application/x-www-form-urlencoded in UTF-8,"
                  + " was 'application/x-www-form-urlencoded;charset=iso-8859-1'");
    }
  }

  @Test
  void otherMethodsAndPostsToOtherPagesAre405WithAllow() throws Exception {
    try (FakeSnomPhone fake = FakeSnomPhone.builder().start()) {
      HttpResponse<String> put =
          RawHttp.send(fake, "PUT", "/settings.htm?settings=save&a=1", null, "");
      HttpResponse<String> post =
          RawHttp.send(fake, "POST", "/advanced_update.htm?reboot=Reboot", null, "");

      assertThat(put.statusCode()).isEqualTo(405);
      assertThat(put.headers().firstValue("Allow")).contains("GET, POST");
      assertThat(post.statusCode()).isEqualTo(405);
      assertThat(post.headers().firstValue("Allow")).contains("GET");
      assertThat(fake.state().reboots()).isZero();
      assertThat(fake.settings()).isEmpty();
      assertThat(fake.rejected())
          .extracting(RejectedRequest::reason)
          .containsExactly("method PUT on /settings.htm", "method POST on /advanced_update.htm");
    }
  }

  @Test
  void storedSettingsSurviveARebootAndTheOthersAreLost() throws Exception {
    try (FakeSnomPhone fake = FakeSnomPhone.builder().rebootDowntime(Duration.ofDays(1)).start()) {
      RawHttp.get(fake, "/dummy.htm?settings=save&kept=1&changed=stored&store_settings=save");
      RawHttp.get(fake, "/dummy.htm?settings=save&lost=2&changed=unstored");
      assertThat(fake.settings())
          .containsExactly(
              Map.entry("kept", "1"), Map.entry("changed", "unstored"), Map.entry("lost", "2"));

      RawHttp.get(fake, "/advanced_update.htm?reboot=Reboot");
      fake.finishReboot();

      assertThat(fake.settings())
          .containsExactly(Map.entry("kept", "1"), Map.entry("changed", "stored"));
      assertThat(fake.setting("lost")).isEmpty();
    }
  }

  @Test
  void aFactoryResetForgetsEverySetting() throws Exception {
    try (FakeSnomPhone fake = FakeSnomPhone.builder().rebootDowntime(Duration.ZERO).start()) {
      RawHttp.get(fake, "/dummy.htm?settings=save&store_settings=save&kept=1");

      RawHttp.get(fake, "/advanced_update.htm?reset=Reset");
      assertThat(fake.awaitOnline(Duration.ofSeconds(10))).isTrue();

      assertThat(fake.settings()).isEmpty();
      assertThat(fake.state().resets()).isEqualTo(1);
    }
  }

  @Test
  void anOutageIsNoRebootAndKeepsTheSettings() throws Exception {
    try (FakeSnomPhone fake = FakeSnomPhone.builder().start()) {
      RawHttp.get(fake, "/dummy.htm?settings=save&language=Deutsch");

      fake.faults().refuseConnectionsFor(Duration.ofDays(1));
      fake.faults().acceptConnections();

      assertThat(fake.setting("language")).contains("Deutsch");
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/dummy.htm?language=Deutsch&ok=1",
        "/dummy.htm?store_settings=save&ok=1",
        "/dummy.htm?settings=yes&ok=1",
        "/dummy.htm?settings=save&store_settings=1&ok=1",
        "/dummy.htm?settings=save&ok=1&a.b=2",
        "/dummy.htm?settings=save&ok=1&bare",
        "/dummy.htm?settings=save&ok=1&ok=2",
        "/settings.htm?ok=1",
        "/dummy.htm?settings=save&ok=1&swload=load&firmware=http://fw/x.bin"
      })
  void aWriteItDoesNotUnderstandWritesNothing(String target) throws Exception {
    try (FakeSnomPhone fake = FakeSnomPhone.builder().start()) {
      int status = RawHttp.status(fake, target);

      assertThat(status).isEqualTo(200);
      assertThat(fake.settings()).isEmpty();
      assertThat(fake.state().firmwareUrl()).isEmpty();
      assertThat(fake.rejected())
          .singleElement()
          .extracting(RejectedRequest::status)
          .isEqualTo(200);
    }
  }

  @Test
  void aBadEscapeIsUnreadableAndWritesNothing() throws Exception {
    try (FakeSnomPhone fake = FakeSnomPhone.builder().start()) {
      String badEscape =
          RawHttp.socket(fake, "GET /dummy.htm?settings=save&fkey_label0=%zz HTTP/1.1");

      assertThat(badEscape).startsWith("HTTP/1.1 400");
      assertThat(fake.settings()).isEmpty();
      assertThat(fake.rejected())
          .singleElement()
          .extracting(RejectedRequest::status)
          .isEqualTo(400);
    }
  }

  @Test
  void theSettingsPageWithoutParametersIsJustAPage() throws Exception {
    try (FakeSnomPhone fake = FakeSnomPhone.builder().start()) {
      assertThat(RawHttp.status(fake, "/settings.htm")).isEqualTo(200);
      assertThat(fake.rejected()).isEmpty();
    }
  }

  @Test
  void aD8xxTakesNoSettingsAnd404s() throws Exception {
    try (FakeSnomPhone fake = FakeSnomPhone.builder().model(SnomModel.D865).start()) {
      assertThat(RawHttp.status(fake, "/dummy.htm?settings=save&a=1")).isEqualTo(404);
      assertThat(RawHttp.status(fake, "/settings.htm?settings=save&a=1")).isEqualTo(404);

      assertThat(fake.settings()).isEmpty();
      assertThat(fake.rejected())
          .extracting(RejectedRequest::reason)
          .containsOnly("the snom D865 takes no settings over HTTP");
    }
  }

  @Test
  void aWriteIsCarriedOutOnlyOnceAuthenticated() throws Exception {
    try (FakeSnomPhone fake = FakeSnomPhone.builder().basicAuth("admin", "secret").start()) {
      int refused = RawHttp.status(fake, "/dummy.htm?settings=save&a=1");
      int accepted =
          RawHttp.get(
                  fake, "/dummy.htm?settings=save&a=2", "Authorization", "Basic YWRtaW46c2VjcmV0")
              .statusCode();

      assertThat(refused).isEqualTo(401);
      assertThat(accepted).isEqualTo(200);
      assertThat(fake.settings()).containsExactly(Map.entry("a", "2"));
    }
  }
}
