package dev.deskphone.testkit;

import static dev.deskphone.testkit.assertj.DeskphoneAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deskphone.core.PhoneOutcomeUnknownException;
import dev.deskphone.core.PhoneUnsupportedException;
import dev.deskphone.snom.FunctionKey;
import dev.deskphone.snom.SnomCommand;
import dev.deskphone.snom.SnomModel;
import dev.deskphone.snom.SnomPhone;
import dev.deskphone.snom.SnomSettings;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SnomPhone.writeSettings end to end against FakeSnomPhone, whose decoder is its own. */
class SnomSettingsWireTest {
  /** Values that would add a parameter, end the query or break a naive decoder. */
  private static final Map<String, String> HOSTILE =
      Map.of(
          "a", "1&store_settings=save",
          "b", "a=b",
          "c", "#x",
          "d", "%zz",
          "e", "Tür ☎ +1",
          "f", "http://10.0.0.2:8080/e?ip=$phone_ip&remote=$remote",
          "g", "");

  private FakeSnomPhone fake;

  @AfterEach
  void close() {
    if (fake != null) {
      fake.close();
    }
  }

  private SnomPhone phone() {
    return SnomPhone.builder().uri(fake.uri()).build();
  }

  private static SnomSettings.Builder hostile() {
    SnomSettings.Builder b = SnomSettings.builder();
    HOSTILE.forEach(b::set);
    return b;
  }

  @Test
  void everyValueArrivesAsTheTextItWasWithDigestOverHttps() {
    fake = FakeSnomPhone.builder().digestAuth("admin", "secret").https().start();
    SnomPhone phone =
        SnomPhone.builder().uri(fake.uri()).credentials("admin", "secret").tls(fake.tls()).build();

    phone.writeSettings(hostile().build());

    assertThat(fake.settings()).containsExactlyInAnyOrderEntriesOf(HOSTILE);
    assertThat(fake.requests()).hasSize(2); // the challenge, then the write
    assertThat(fake.requests().get(1).target()).startsWith("/dummy.htm?settings=save&");
    assertThat(fake.rejected()).isEmpty();
  }

  @Test
  void manyLongSettingsGoInSeveralRequestsAndAllAreWrittenInOrder() {
    fake = FakeSnomPhone.builder().digestAuth("admin", "secret").start();
    SnomPhone phone = SnomPhone.builder().uri(fake.uri()).credentials("admin", "secret").build();
    Map<String, String> written = new LinkedHashMap<>();
    SnomSettings.Builder builder = SnomSettings.builder().persistent(true);
    for (int i = 0; i < 40; i++) {
      String value = i + " Tür&=#%☎ ".repeat(20);
      written.put("fkey_label" + i, value);
      builder.set("fkey_label" + i, value);
    }
    SnomSettings settings = builder.build();

    phone.writeSettings(settings);

    assertThat(settings.commands().size()).isGreaterThan(5);
    assertThat(fake.settings()).containsExactlyEntriesOf(written);
    assertThat(fake.requests())
        .filteredOn(r -> !r.headerValues("Authorization").isEmpty())
        .hasSize(settings.commands().size())
        .allSatisfy(
            r -> {
              assertThat(r.target()).startsWith("/dummy.htm?settings=save&");
              assertThat(r.target()).endsWith("&store_settings=save");
              assertThat(r.target().length()).isLessThanOrEqualTo(SnomSettings.MAX_TARGET_LENGTH);
            });
    assertThat(fake.rejected()).isEmpty();
  }

  @Test
  void persistentSettingsSurviveTheFakesRebootAndTheOthersDoNot() throws Exception {
    fake = FakeSnomPhone.builder().rebootDowntime(Duration.ofDays(1)).start();
    SnomPhone phone = phone();
    phone.writeSettings(
        SnomSettings.builder().set("language", "Deutsch").set("tone_scheme", "GER").build());
    phone.writeSettings(
        SnomSettings.builder().set("language", "English").set("timezone", "GBR+0").build());
    phone.writeSettings(SnomSettings.builder().set("fkey0", "speed 100").persistent(true).build());
    phone.writeSettings(
        SnomSettings.builder().set("language", "Français").persistent(true).build());
    phone.writeSettings(SnomSettings.builder().set("language", "Italiano").build());

    phone.reboot();
    assertThat(fake.state().online()).isFalse();
    fake.finishReboot();

    assertThat(fake.settings())
        .containsExactly(Map.entry("fkey0", "speed 100"), Map.entry("language", "Français"));
    assertThat(fake).hasSetting("language", "Français").hasRebooted(1);
  }

  @Test
  void functionKeysArriveAsTheirSettings() {
    fake = FakeSnomPhone.builder().model(SnomModel.SNOM_870).start();
    SnomPhone phone = SnomPhone.builder().uri(fake.uri()).model(SnomModel.SNOM_870).build();

    phone.writeSettings(
        SnomSettings.builder()
            .functionKey(FunctionKey.speed(0, "+4930123").withLabel("Reception"))
            .functionKey(
                FunctionKey.destination(1, "sip:101@pbx.example")
                    .withLabel("Tür ☎")
                    .withShortLabel("Tür"))
            .functionKey(FunctionKey.url(2, URI.create("http://10.0.0.2/door?open=1&who=me")))
            .functionKey(FunctionKey.of(3, "blf", "<sip:102@pbx.example>"))
            .persistent(true)
            .build());

    assertThat(fake)
        .hasSetting("fkey0", "speed +4930123")
        .hasSetting("fkey_label0", "Reception")
        .hasSetting("fkey1", "dest <sip:101@pbx.example>")
        .hasSetting("fkey_label1", "Tür ☎")
        .hasSetting("fkey_short_label1", "Tür")
        .hasSetting("fkey2", "url http://10.0.0.2/door?open=1&who=me")
        .hasSetting("fkey3", "blf <sip:102@pbx.example>")
        .receivedRequests(1)
        .hasNoRejectedRequests();
    assertThat(fake.settings()).hasSize(7);
  }

  @Test
  void aRequestThatFailsStopsTheWriteAndNothingIsResent() {
    fake = FakeSnomPhone.builder().start();
    fake.faults().onRequest(2, Fault.closeWithoutAnswer());
    SnomSettings settings =
        SnomSettings.builder()
            .set("a", "1".repeat(1500))
            .set("b", "2".repeat(1500))
            .set("c", "3".repeat(1500))
            .build();

    assertThatThrownBy(() -> phone().writeSettings(settings))
        .isInstanceOf(PhoneOutcomeUnknownException.class)
        .hasMessageContaining("snom write settings (request 2 of 3)");

    assertThat(fake.requests()).hasSize(2);
    assertThat(fake.settings()).containsOnlyKeys("a", "b"); // the second ran; its answer was lost
  }

  @Test
  void aD8xxThatTakesNoSettingsFailsAsUnsupported() {
    fake = FakeSnomPhone.builder().model(SnomModel.D862).start();
    SnomPhone phone = SnomPhone.builder().uri(fake.uri()).model(SnomModel.D862).build();

    assertThatThrownBy(
            () -> phone.writeSettings(SnomSettings.builder().set("language", "Deutsch").build()))
        .isInstanceOf(PhoneUnsupportedException.class)
        .hasMessageContaining("404 to dummy.htm?settings=save");

    assertThat(fake.settings()).isEmpty();
    assertThat(fake).rejectedRequests().hasSize(1);
  }

  @Test
  void aSettingsCommandRunsAsyncLikeAnyOther() throws Exception {
    fake = FakeSnomPhone.builder().start();
    SnomCommand write = SnomSettings.builder().set("language", "Deutsch").build().commands().get(0);

    phone().sendAsync(write).get();

    assertThat(fake.setting("language")).contains("Deutsch");
  }
}
