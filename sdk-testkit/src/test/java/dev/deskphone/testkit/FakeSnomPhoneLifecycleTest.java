package dev.deskphone.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deskphone.core.JdkHttpTransport;
import dev.deskphone.core.PhoneRequest;
import dev.deskphone.core.PhoneResponse;
import dev.deskphone.core.TlsPolicy;
import dev.deskphone.snom.SnomModel;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class FakeSnomPhoneLifecycleTest {

  private static List<String> threadsOf(int port) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(n -> n.contains("-" + port))
        .toList();
  }

  @Test
  void closeEndsEveryThreadAndRefusesConnections() throws Exception {
    FakeSnomPhone fake = FakeSnomPhone.builder().rebootDowntime(Duration.ofDays(1)).start();
    int port = fake.uri().getPort();
    RawHttp.get(fake, "/command.htm?key=ENTER");
    assertThat(threadsOf(port)).isNotEmpty();

    fake.close();

    assertThat(threadsOf(port)).isEmpty();
    assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
        .isInstanceOf(ConnectException.class);
  }

  @RepeatedTest(10)
  void closeDuringARebootEndsTheWatcherToo() throws Exception {
    FakeSnomPhone fake = FakeSnomPhone.builder().rebootDowntime(Duration.ofDays(1)).start();
    int port = fake.uri().getPort();
    RawHttp.get(fake, "/advanced_update.htm?reboot=Reboot");
    assertThat(fake.awaitOnline(Duration.ofMillis(20))).isFalse();

    fake.close();
    fake.close();

    assertThat(threadsOf(port)).isEmpty();
  }

  @Test
  void theJournalKeepsEachRequestAsSent() throws Exception {
    try (FakeSnomPhone fake = FakeSnomPhone.builder().start()) {
      RawHttp.get(fake, "/command.htm?key=%23;*", "X-Test", "one");
      RawHttp.get(fake, "/index.htm");

      List<FakeRequest> journal = fake.requests();
      assertThat(journal).hasSize(2);
      FakeRequest first = journal.get(0);
      assertThat(first.sequence()).isEqualTo(1);
      assertThat(first.method()).isEqualTo("GET");
      assertThat(first.target()).isEqualTo("/command.htm?key=%23;*");
      assertThat(first.path()).isEqualTo("/command.htm");
      assertThat(first.rawQuery()).hasValue("key=%23;*");
      assertThat(first.header("x-test")).hasValue("one");
      assertThat(first.indexOnConnection()).isEqualTo(1);
      assertThat(journal.get(1).connection()).isEqualTo(first.connection());
      assertThat(journal.get(1).indexOnConnection()).isEqualTo(2);
      assertThatThrownBy(() -> journal.add(first))
          .isInstanceOf(UnsupportedOperationException.class);
    }
  }

  @Test
  void takeRequestHandsOutRequestsInOrderAndTimesOutWhenNoneCame() throws Exception {
    try (FakeSnomPhone fake = FakeSnomPhone.builder().start()) {
      RawHttp.get(fake, "/command.htm?key=1");
      RawHttp.get(fake, "/command.htm?key=2");

      assertThat(fake.takeRequest(Duration.ofSeconds(5)).orElseThrow().target()).endsWith("key=1");
      assertThat(fake.takeRequest(Duration.ofSeconds(5)).orElseThrow().target()).endsWith("key=2");
      assertThat(fake.takeRequest(Duration.ofMillis(20))).isEmpty();
    }
  }

  @Test
  void aRequestNeverShowsItsCredentialsInToString() throws Exception {
    try (FakeSnomPhone fake = FakeSnomPhone.builder().basicAuth("admin", "secret").start()) {
      RawHttp.get(fake, "/command.htm?key=1", "Authorization", "Basic YWRtaW46c2VjcmV0");

      assertThat(fake.requests().get(0).toString()).doesNotContain("YWRtaW46c2VjcmV0");
      assertThat(fake.pressedKeys()).hasSize(1);
    }
  }

  @Test
  void httpsIsReachedWithTheSdkTransportPinnedToTheRunCertificate() throws Exception {
    try (FakeSnomPhone fake = FakeSnomPhone.builder().model(SnomModel.SNOM_870).https().start()) {
      PhoneRequest request =
          PhoneRequest.builder("GET", fake.uri().resolve("/command.htm?key=ENTER"))
              .tls(TlsPolicy.pinned(fake.certificateFingerprint()))
              .build();

      PhoneResponse response = JdkHttpTransport.shared().send(request).get(10, TimeUnit.SECONDS);

      assertThat(fake.uri().getScheme()).isEqualTo("https");
      assertThat(response.status()).isEqualTo(200);
      assertThat(fake.pressedKeys()).containsExactly(PressedKey.of("ENTER"));
      assertThat(fake.certificatePem()).startsWith("-----BEGIN CERTIFICATE-----");
      assertThat(fake.tls()).isEqualTo(TlsPolicy.pinned(fake.certificateFingerprint()));
    }
  }

  @Test
  void anHttpFakeHasNoCertificate() {
    try (FakeSnomPhone fake = FakeSnomPhone.builder().start()) {
      assertThat(fake.uri().getScheme()).isEqualTo("http");
      assertThatThrownBy(fake::certificateFingerprint)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("https()");
    }
  }

  @Test
  void builderRefusesNonsense() {
    assertThatThrownBy(() -> FakeSnomPhone.builder().digestAlgorithms())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                FakeSnomPhone.builder().digestAlgorithms(DigestAlgorithm.MD5, DigestAlgorithm.MD5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FakeSnomPhone.builder().basicAuth("a:b", "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FakeSnomPhone.builder().rebootDowntime(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FakeSnomPhone.builder().realm("a\"b"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
