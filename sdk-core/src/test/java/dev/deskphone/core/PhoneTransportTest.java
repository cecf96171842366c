package dev.deskphone.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The default {@link PhoneTransport#sendAndWait}, for a transport that implements only send. */
class PhoneTransportTest {
  private static final URI PHONE = URI.create("http://10.0.0.5/command.htm?key=ENTER");

  @Test
  void sendAndWaitReturnsTheAnswerAndThrowsTheFailure() {
    PhoneResponse ok = PhoneResponse.of(200, PhoneHeaders.builder().build(), new byte[0]);
    PhoneTransport answering = r -> CompletableFuture.completedFuture(ok);
    assertThat(answering.sendAndWait(PhoneRequest.get(PHONE))).isSameAs(ok);

    PhoneConnectException refused = new PhoneConnectException("p", "op", "refused", null);
    PhoneTransport failing = r -> CompletableFuture.failedFuture(refused);
    assertThatThrownBy(() -> failing.sendAndWait(PhoneRequest.get(PHONE))).isSameAs(refused);
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS) // hang guard only
  void aTransportThatMissesTheDeadlineCannotBlockTheCallerForLong() {
    CompletableFuture<PhoneResponse> never = new CompletableFuture<>();
    PhoneTransport broken = r -> never;
    PhoneRequest request =
        PhoneRequest.builder("GET", PHONE).timeout(Duration.ofMillis(100)).build();
    assertThatThrownBy(() -> broken.sendAndWait(request))
        .isInstanceOf(PhoneTimeoutException.class)
        .hasMessageContaining("the transport did not end the exchange");
    assertThat(never).isCancelled();
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS) // hang guard only
  void anInterruptCancelsTheExchangeAndStaysSet() {
    CompletableFuture<PhoneResponse> never = new CompletableFuture<>();
    PhoneTransport hanging = r -> never;
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> hanging.sendAndWait(PhoneRequest.get(PHONE)))
          .isInstanceOf(PhoneOutcomeUnknownException.class);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
      assertThat(never).isCancelled();
    } finally {
      Thread.interrupted();
    }
  }
}
