package dev.deskphone.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskphone.core.BatchResult;
import dev.deskphone.core.PhoneBatch;
import dev.deskphone.core.TouchCommand;
import dev.deskphone.snom.FunctionKey;
import dev.deskphone.snom.SnomCommand;
import dev.deskphone.snom.SnomModel;
import dev.deskphone.snom.SnomPhone;
import dev.deskphone.snom.SnomSettings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's sdk-snom and sdk-testkit examples, compiled and run against fake phones. */
class SnomReadmeExampleTest {

  @Test
  void snomExample() {
    try (FakeSnomPhone fake =
        FakeSnomPhone.builder().model(SnomModel.SNOM_870).digestAuth("admin", "secret").start()) {
      // README:snom
      SnomPhone phone =
          SnomPhone.builder()
              .uri(fake.uri()) // the phone's web server, e.g. http://10.0.0.5
              .credentials("admin", "secret") // Digest or Basic, as the phone asks
              .model(SnomModel.SNOM_870) // keys, touches and features checked before sending
              .build();
      phone.press("OFFHOOK;1,200,100;#"); // Key[,PressMs[,PauseMs]]
      phone.dial("+4930123456");
      phone.touch(TouchCommand.tap(100, 120));
      phone.releaseAllCalls();

      assertThat(fake.pressedKeys()).hasSize(3);
      assertThat(fake.dialed()).containsExactly(Dialed.of("+4930123456"));
      assertThat(fake.touches()).containsExactly(new Touch(100, 120, Touch.Action.PRESS_RELEASE));
      // README:end
    }
  }

  @Test
  void settingsExample() {
    try (FakeSnomPhone fake = FakeSnomPhone.builder().digestAuth("admin", "secret").start()) {
      SnomPhone phone = SnomPhone.builder().uri(fake.uri()).credentials("admin", "secret").build();
      // README:settings
      SnomSettings settings =
          SnomSettings.builder()
              .set("language", "Deutsch") // any setting the logged-in user may write
              .functionKey(FunctionKey.speed(0, "100").withLabel("Reception")) // fkey0, fkey_label0
              .persistent(true) // store_settings=save: kept across a reboot
              .build();
      phone.writeSettings(settings); // GET /dummy.htm?settings=save&language=Deutsch&fkey0=...

      assertThat(fake.setting("fkey0")).contains("speed 100");
      // README:end
      assertThat(fake.settings()).hasSize(3);
      assertThat(fake.rejected()).isEmpty();
    }
  }

  @Test
  void manyPhonesExample() {
    List<FakeSnomPhone> fakes =
        List.of(FakeSnomPhone.builder().start(), FakeSnomPhone.builder().start());
    try {
      List<SnomPhone> phones =
          fakes.stream().map(f -> SnomPhone.builder().uri(f.uri()).build()).toList();
      // README:batch
      PhoneBatch batch =
          PhoneBatch.builder().concurrency(64).deadline(Duration.ofMinutes(2)).build();
      BatchResult<SnomPhone, Void> result =
          batch.run(phones, phone -> phone.sendAsync(SnomCommand.reboot()));
      result.failed().forEach(f -> System.out.println(f.phone() + ": " + f.error().getMessage()));
      // README:end
      assertThat(result.allSucceeded()).isTrue();
      assertThat(fakes).allSatisfy(f -> assertThat(f.state().reboots()).isEqualTo(1));
    } finally {
      fakes.forEach(FakeSnomPhone::close);
    }
  }
}
