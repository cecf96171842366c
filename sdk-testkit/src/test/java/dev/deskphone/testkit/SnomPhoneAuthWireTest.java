package dev.deskphone.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deskphone.core.Credentials;
import dev.deskphone.core.PhoneAuth;
import dev.deskphone.core.PhoneAuthenticationException;
import dev.deskphone.core.PhoneTlsException;
import dev.deskphone.snom.SnomPhone;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** SnomPhone's Basic and Digest against FakeSnomPhone's own server side, counting round trips. */
class SnomPhoneAuthWireTest {
  private static final int COMMANDS = 20;

  private FakeSnomPhone fake;

  @AfterEach
  void close() {
    if (fake != null) {
      fake.close();
    }
  }

  private SnomPhone.Builder client(String user, String password) {
    return SnomPhone.builder().uri(fake.uri()).credentials(user, password);
  }

  @Test
  void digestCostsOneRoundTripPerCommandAfterTheFirst() {
    fake = FakeSnomPhone.builder().digestAuth("admin", "secret").start();
    SnomPhone phone = client("admin", "secret").build();

    for (int i = 0; i < COMMANDS; i++) {
      phone.dial(Integer.toString(100 + i));
    }

    assertThat(fake.dialed()).hasSize(COMMANDS);
    assertThat(fake.requests()).hasSize(COMMANDS + 1);
    assertThat(fake.rejected()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(DigestAlgorithm.class)
  void digestWithPasswordsAndNamesAsUsersTypeThem(DigestAlgorithm algorithm) {
    String[][] users = {
      {"admin", "pä ss"},
      {"admin", "pä ss\"w"},
      {"admin", "пароль € 密码"},
      {"ädmin", "pä ss"},
      {"Иван", "пароль"}
    };
    for (String[] user : users) {
      try (FakeSnomPhone phone =
          FakeSnomPhone.builder()
              .digestAuth(user[0], user[1])
              .digestAlgorithms(algorithm)
              .start()) {
        fake = phone;
        SnomPhone client = client(user[0], user[1]).build();
        client.press("ENTER");
        client.dial("123");
        assertThat(phone.rejected()).as("%s:%s", user[0], user[1]).isEmpty();
        assertThat(phone.requests()).hasSize(3);
      } finally {
        fake = null;
      }
    }
  }

  @Test
  void basicWithPasswordsAndNamesAsUsersTypeThem() {
    fake = FakeSnomPhone.builder().basicAuth("Иван", "pä ss € 密码").https().start();
    SnomPhone phone = client("Иван", "pä ss € 密码").tls(fake.tls()).build();
    phone.press("ENTER");
    assertThat(fake.pressedKeys()).hasSize(1);
    assertThat(fake.rejected()).isEmpty();
  }

  @Test
  void withoutNonceReuseEveryCommandCostsTwoRoundTrips() {
    fake = FakeSnomPhone.builder().digestAuth("admin", "secret").start();

    for (int i = 0; i < COMMANDS; i++) {
      SnomPhone fresh = SnomPhone.builder().uri(fake.uri()).credentials("admin", "secret").build();
      fresh.dial(Integer.toString(100 + i));
    }

    assertThat(fake.dialed()).hasSize(COMMANDS);
    assertThat(fake.requests()).hasSize(2 * COMMANDS);
  }

  @Test
  void digestSha256IsPreferredWhenOffered() {
    fake =
        FakeSnomPhone.builder()
            .digestAuth("admin", "secret")
            .digestAlgorithms(DigestAlgorithm.MD5, DigestAlgorithm.SHA_256)
            .start();

    client("admin", "secret").build().press("ENTER");

    assertThat(fake.requests().get(1).header("Authorization"))
        .hasValueSatisfying(a -> assertThat(a).contains("algorithm=SHA-256"));
    assertThat(fake.pressedKeys()).containsExactly(PressedKey.of("ENTER"));
  }

  @Test
  void anExpiredNonceIsRenewedWithOneRetry() {
    MutableClock clock = MutableClock.at(Instant.parse("2026-12-01T10:00:00Z"));
    fake =
        FakeSnomPhone.builder()
            .digestAuth("admin", "secret")
            .nonceLifetime(Duration.ofMinutes(5))
            .clock(clock)
            .start();
    SnomPhone phone = client("admin", "secret").build();
    phone.dial("1");
    clock.advance(Duration.ofMinutes(6));

    phone.dial("2");

    assertThat(fake.dialed()).containsExactly(Dialed.of("1"), Dialed.of("2"));
    assertThat(fake.requests()).hasSize(4); // challenge, dial 1, stale refusal, dial 2
  }

  @Test
  void aWrongPasswordIsOneAuthenticatedAttemptAndNeverLocksThePhone() {
    fake = FakeSnomPhone.builder().digestAuth("admin", "secret").start();
    SnomPhone phone = client("admin", "wrong").build();

    for (int i = 0; i < 4; i++) {
      assertThatThrownBy(() -> phone.dial("1"))
          .isInstanceOf(PhoneAuthenticationException.class)
          .hasMessageNotContaining("wrong");
    }

    assertThat(fake.requests()).hasSize(4); // two calls of two requests, then none
    assertThat(fake.state().lockedUntil()).isEmpty();
    assertThat(fake.dialed()).isEmpty();
    assertThat(fake.rejected()).hasSize(2).allSatisfy(r -> assertThat(r.status()).isEqualTo(401));
  }

  @Test
  void basicOverPlainHttpIsRefusedUnlessAllowed() {
    fake = FakeSnomPhone.builder().basicAuth("admin", "secret").start();

    assertThatThrownBy(() -> client("admin", "secret").build().dial("1"))
        .isInstanceOf(PhoneAuthenticationException.class)
        .hasMessageContaining("allowingBasicOverHttp");
    assertThat(fake.requests()).hasSize(1);

    SnomPhone allowed =
        client("admin", "secret")
            .auth(PhoneAuth.of(Credentials.of("admin", "secret")).allowingBasicOverHttp())
            .build();
    allowed.dial("1");
    allowed.dial("2");
    assertThat(fake.dialed()).hasSize(2);
    assertThat(fake.requests()).hasSize(1 + 3); // refused, challenge + dial, preemptive dial
  }

  @Test
  void basicOverHttpsWithThePinnedCertificate() {
    fake = FakeSnomPhone.builder().basicAuth("admin", "secret").https().start();
    SnomPhone phone = client("admin", "secret").tls(fake.tls()).build();

    phone.reboot();

    assertThat(fake.uri().getScheme()).isEqualTo("https");
    assertThat(fake.state().reboots()).isEqualTo(1);
  }

  @Test
  void httpsWithSystemTrustRefusesTheFakesCertificate() {
    fake = FakeSnomPhone.builder().https().start();

    assertThatThrownBy(() -> SnomPhone.builder().uri(fake.uri()).build().reboot())
        .isInstanceOf(PhoneTlsException.class);
    assertThat(fake.requests()).isEmpty();
  }
}
