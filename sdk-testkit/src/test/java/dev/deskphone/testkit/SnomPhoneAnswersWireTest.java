package dev.deskphone.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deskphone.core.BatchResult;
import dev.deskphone.core.PhoneBatch;
import dev.deskphone.core.PhoneConnectException;
import dev.deskphone.core.PhoneOutcomeUnknownException;
import dev.deskphone.core.PhoneResponseException;
import dev.deskphone.core.PhoneTimeoutException;
import dev.deskphone.core.PhoneUnsupportedException;
import dev.deskphone.core.TouchCommand;
import dev.deskphone.snom.SnomCommand;
import dev.deskphone.snom.SnomModel;
import dev.deskphone.snom.SnomPhone;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How SnomPhone reads a phone's answers and quirks, end to end against FakeSnomPhone. */
class SnomPhoneAnswersWireTest {
  private final List<FakeSnomPhone> fakes = new ArrayList<>();

  @AfterEach
  void close() {
    fakes.forEach(FakeSnomPhone::close);
  }

  private FakeSnomPhone fake(FakeSnomPhone.Builder builder) {
    FakeSnomPhone fake = builder.start();
    fakes.add(fake);
    return fake;
  }

  private static SnomPhone client(FakeSnomPhone fake) {
    return SnomPhone.builder().uri(fake.uri()).timeout(Duration.ofSeconds(5)).build();
  }

  @Test
  void dialAnswersRedirectIsSuccess() {
    FakeSnomPhone fake = fake(FakeSnomPhone.builder());
    fake.redirectDials(true);

    client(fake).dial("+4930123456");

    assertThat(fake.dialed()).containsExactly(Dialed.of("+4930123456"));
  }

  @Test
  void aConnectionClosedAfterTheCommandIsOutcomeUnknownAndNeverResent() {
    FakeSnomPhone fake = fake(FakeSnomPhone.builder());
    SnomPhone phone = client(fake);
    phone.press("ENTER"); // a kept-alive connection the JDK client would reuse
    fake.faults().onRequest(2, Fault.closeWithoutAnswer());

    assertThatThrownBy(phone::reboot)
        .isInstanceOf(PhoneOutcomeUnknownException.class)
        .hasMessageContaining("snom reboot");

    assertThat(fake.requests()).hasSize(2);
    assertThat(fake.state().reboots()).isEqualTo(1);
  }

  @Test
  void aD8xxAnswers404WhichIsNoRemoteControl() {
    FakeSnomPhone fake = fake(FakeSnomPhone.builder().model(SnomModel.D815));

    assertThatThrownBy(() -> client(fake).press("ENTER"))
        .isInstanceOf(PhoneUnsupportedException.class)
        .hasMessageContaining("no HTTP remote control");
    assertThat(fake.requests()).hasSize(1);
    assertThat(fake.rejected()).singleElement().extracting(RejectedRequest::status).isEqualTo(404);
  }

  @Test
  void remoteControlSwitchedOffIsAnUnexpectedAnswer() {
    FakeSnomPhone fake = fake(FakeSnomPhone.builder());
    fake.remoteControl(false);

    assertThatThrownBy(() -> client(fake).dial("1"))
        .isInstanceOfSatisfying(
            PhoneResponseException.class, e -> assertThat(e.status()).isEqualTo(403));
    assertThat(fake.dialed()).isEmpty();
    assertThat(fake.rejected()).singleElement().extracting(RejectedRequest::status).isEqualTo(403);
  }

  @Test
  void aSlowPhoneFailsAtTheDeadline() {
    FakeSnomPhone fake = fake(FakeSnomPhone.builder());
    fake.faults().always(Fault.delay(Duration.ofSeconds(30)));
    SnomPhone phone = SnomPhone.builder().uri(fake.uri()).timeout(Duration.ofMillis(300)).build();

    assertThatThrownBy(() -> phone.dial("1")).isInstanceOf(PhoneTimeoutException.class);
    assertThat(fake.requests()).hasSize(1);
  }

  @Test
  void aRebootingPhoneRefusesConnections() {
    FakeSnomPhone fake = fake(FakeSnomPhone.builder().rebootDowntime(Duration.ofDays(1)));
    SnomPhone phone = client(fake);
    phone.reboot();

    assertThatThrownBy(() -> phone.dial("1")).isInstanceOf(PhoneConnectException.class);

    fake.finishReboot();
    phone.dial("1");
    assertThat(fake.dialed()).containsExactly(Dialed.of("1"));
  }

  @Test
  void invalidInputNeverReachesThePhone() {
    FakeSnomPhone fake = fake(FakeSnomPhone.builder().model(SnomModel.SNOM_300));
    SnomPhone phone = SnomPhone.builder().uri(fake.uri()).model(SnomModel.SNOM_300).build();

    assertThatThrownBy(() -> phone.press("P5")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> phone.press("ENTER;REBOOT"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> phone.dial("1&number=2")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> phone.dial("1", "http://x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> phone.sendDtmf("1+")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> phone.logoff(13)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> phone.playRinger(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> phone.touch(TouchCommand.tap(1, 1)))
        .isInstanceOf(PhoneUnsupportedException.class);
    assertThatThrownBy(phone::fixLineInfoLayer).isInstanceOf(PhoneUnsupportedException.class);

    assertThat(fake.requests()).isEmpty();
  }

  @Test
  void oneCommandRunsOnManyPhonesEachWithItsOwnOutcome() {
    List<SnomPhone> phones = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      phones.add(client(fake(FakeSnomPhone.builder())));
    }
    fakes.get(3).remoteControl(false);

    BatchResult<SnomPhone, Void> result =
        PhoneBatch.builder()
            .concurrency(2)
            .build()
            .run(phones, p -> p.sendAsync(SnomCommand.dial("100")));

    assertThat(result.succeeded()).hasSize(4);
    assertThat(result.failed())
        .singleElement()
        .satisfies(f -> assertThat(f.phone()).isSameAs(phones.get(3)))
        .satisfies(f -> assertThat(f.error()).isInstanceOf(PhoneResponseException.class));
    for (int i = 0; i < 5; i++) {
      assertThat(fakes.get(i).dialed()).hasSize(i == 3 ? 0 : 1);
      assertThat(fakes.get(i).rejected()).hasSize(i == 3 ? 1 : 0);
    }
  }
}
