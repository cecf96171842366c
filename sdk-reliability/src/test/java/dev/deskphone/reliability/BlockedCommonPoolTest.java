package dev.deskphone.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskphone.core.BatchOutcome;
import dev.deskphone.core.BatchResult;
import dev.deskphone.core.JdkHttpTransport;
import dev.deskphone.core.LedColour;
import dev.deskphone.core.LedState;
import dev.deskphone.core.PhoneBatch;
import dev.deskphone.core.PhoneRequest;
import dev.deskphone.core.PhoneResponse;
import dev.deskphone.core.PhoneTimeoutException;
import dev.deskphone.core.PushRequest;
import dev.deskphone.core.Turnled;
import dev.deskphone.core.TurnledResponse;
import dev.deskphone.snom.SnomCommand;
import dev.deskphone.snom.SnomPhone;
import dev.deskphone.testkit.Dialed;
import dev.deskphone.testkit.FakeLab;
import dev.deskphone.testkit.FakeSnomPhone;
import dev.deskphone.testkit.FakeUnifyPhone;
import dev.deskphone.unify.PendingPush;
import dev.deskphone.unify.PushCorrelation;
import dev.deskphone.unify.PushResult;
import dev.deskphone.unify.SendUrlKey;
import dev.deskphone.unify.SendUrlRequest;
import dev.deskphone.unify.SendUrlServer;
import dev.deskphone.unify.UnifyPhone;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The SDK never needs the common {@code ForkJoinPool}: with every worker of it blocked, clients,
 * batches, deadlines, the Send URL server and the fakes all still work. On JDK 25 with 2 CPUs
 * {@code CompletableFuture}'s default executor is that pool with one worker, so blocking work left
 * there would stall everything else that uses it. Surefire sets the pool's parallelism to 2 for
 * this module, which makes it {@code CompletableFuture}'s default executor on JDK 17 as well.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS) // a guard against a hang, not a speed assertion
class BlockedCommonPoolTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final CountDownLatch release = new CountDownLatch(1);
  private CompletableFuture<Void> canary;

  @BeforeEach
  void blockEveryCommonPoolWorker() throws InterruptedException {
    assertThat(new CompletableFuture<Void>().defaultExecutor())
        .as("CompletableFuture's default executor (parallelism set by surefire)")
        .isSameAs(ForkJoinPool.commonPool());
    int workers = ForkJoinPool.getCommonPoolParallelism();
    CountDownLatch blocked = new CountDownLatch(workers);
    for (int i = 0; i < workers; i++) {
      ForkJoinPool.commonPool()
          .execute(
              () -> {
                blocked.countDown();
                awaitRelease();
              });
    }
    assertThat(blocked.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
    canary = CompletableFuture.runAsync(() -> {});
  }

  @AfterEach
  void releaseTheCommonPool() {
    try {
      assertThat(canary)
          .as("a task on CompletableFuture's default executor, while the test ran")
          .isNotDone();
    } finally {
      release.countDown();
    }
    assertThat(canary).succeedsWithin(WAIT);
  }

  @Test
  void snomCommandsBlockingAndAsyncOverHttpsWithDigest() {
    try (FakeSnomPhone fake = FakeSnomPhone.builder().digestAuth("admin", "pw").https().start()) {
      SnomPhone phone =
          SnomPhone.builder().uri(fake.uri()).tls(fake.tls()).credentials("admin", "pw").build();

      phone.press("OFFHOOK;1");
      assertThat(phone.sendAsync(SnomCommand.dial("+4930123456"))).succeedsWithin(WAIT);

      assertThat(fake.pressedKeys()).hasSize(2);
      assertThat(fake.dialed()).containsExactly(Dialed.of("+4930123456"));
    }
  }

  @Test
  void aBatchGetsEveryOutcomeAndTheDeadlinesFire() {
    try (FakeLab lab = FakeLab.builder().snom(4).start();
        FakeSnomPhone silent = FakeSnomPhone.builder().lenient().start()) {
      silent.faults().always(dev.deskphone.testkit.Fault.neverAnswer());
      JdkHttpTransport transport = JdkHttpTransport.builder().build();
      List<URI> phones = Stream.concat(lab.uris().stream(), Stream.of(silent.uri())).toList();

      BatchResult<URI, Integer> result =
          PhoneBatch.builder()
              .concurrency(2)
              .perPhoneTimeout(Duration.ofMillis(300))
              .build()
              .run(
                  phones,
                  uri ->
                      transport
                          .send(PhoneRequest.get(uri.resolve("/index.htm")))
                          .thenApply(PhoneResponse::status));

      assertThat(result.succeeded()).extracting(BatchOutcome.Succeeded::value).containsOnly(200);
      assertThat(result.succeeded()).hasSize(4);
      assertThat(result.failed())
          .singleElement()
          .satisfies(f -> assertThat(f.phone()).isEqualTo(silent.uri()))
          .satisfies(f -> assertThat(f.error()).isInstanceOf(PhoneTimeoutException.class));
    }
  }

  @Test
  void aPushMakesTheKeyPressAndTheServerLightsTheLed() throws InterruptedException {
    PushCorrelation correlation = PushCorrelation.create(WAIT);
    SendUrlServer server =
        SendUrlServer.builder()
            .bind(new InetSocketAddress("127.0.0.1", 0))
            .credentials("user", "pw")
            .correlation(correlation)
            .handler(
                request ->
                    TurnledResponse.of(
                        Turnled.builder(request.symbolicName())
                            .state(LedState.ON)
                            .colour(LedColour.RED)
                            .build()))
            .start();
    SendUrlKey key =
        SendUrlKey.builder()
            .symbolicName("Door")
            .server(server.uri())
            .userId("user")
            .password("pw")
            .build();
    try (server;
        FakeUnifyPhone fake = FakeUnifyPhone.builder().key(key).https().start()) {
      UnifyPhone phone = UnifyPhone.builder().uri(fake.uri()).tls(fake.tls()).build();
      PendingPush pending =
          correlation.attach(
              PushRequest.builder().symbolicName("Door").server(server.uri()).build());

      CompletableFuture<PushResult> pushed = phone.pushAsync(pending.push());

      assertThat(pushed).succeedsWithin(WAIT).extracting(PushResult::status).isEqualTo(200);
      assertThat(pending.request())
          .succeedsWithin(WAIT)
          .extracting(SendUrlRequest::symbolicName)
          .isEqualTo("Door");
      assertThat(fake.takeRequest(WAIT)).isPresent();
      assertThat(fake.led("Door").colour()).contains(LedColour.RED);
      assertThat(fake.pressKey("Door").colour()).contains(LedColour.RED);
    }
  }

  private void awaitRelease() {
    boolean interrupted = false;
    while (true) {
      try {
        release.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
