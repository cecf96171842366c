package dev.deskphone.snom;

import static dev.deskphone.snom.SnomCallState.CONNECTED;
import static dev.deskphone.snom.SnomCallState.IDLE;
import static dev.deskphone.snom.SnomCallState.RINGING;
import static dev.deskphone.snom.TestEvents.on;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Many threads and many phones, and the memory kept for 10,000 phones. */
class SnomCallTrackerConcurrencyTest {
  private static final int THREADS = 8;
  private static final SnomCallState[] FINAL = {CONNECTED, RINGING, IDLE};

  private final StepClock clock = new StepClock();
  private final Recorder recorder = new Recorder();
  private final SnomCallTracker tracker =
      SnomCallTracker.builder().clock(clock).listener(recorder).build();
  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS + 2);

  @AfterEach
  void stopThreads() throws InterruptedException {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  private static String phone(int i) {
    return "10.1." + (i / 250) + "." + (i % 250);
  }

  /** Each thread owns some phones and sends their events in order, as the event endpoint does. */
  @Test
  void eventsFromManyThreadsForManyPhonesEndConsistent() throws Exception {
    int phones = 400;
    CountDownLatch start = new CountDownLatch(1);
    AtomicBoolean sending = new AtomicBoolean(true);
    List<Future<?>> senders = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      senders.add(
          pool.submit(
              () -> {
                start.await();
                for (int i = thread; i < phones; i += THREADS) {
                  script(phone(i), i);
                }
                return null;
              }));
    }
    Future<?> reader =
        pool.submit(
            () -> {
              start.await();
              while (sending.get()) {
                tracker.state(phone(7));
                tracker.calls(phone(8));
                tracker.awaitState(phone(9), IDLE, Duration.ZERO);
              }
              return null;
            });
    start.countDown();
    for (Future<?> sender : senders) {
      sender.get(30, TimeUnit.SECONDS);
    }
    sending.set(false);
    reader.get(30, TimeUnit.SECONDS);

    for (int i = 0; i < phones; i++) {
      assertThat(tracker.state(phone(i))).as(phone(i)).isEqualTo(FINAL[i % 3]);
    }
    Map<String, SnomCallState> told = new HashMap<>();
    for (SnomCallChange change : recorder.changes()) {
      String key = change.phone() + change.call().map(c -> " " + c.callId().orElse("-")).orElse("");
      assertThat(change.from())
          .as("%s follows on its last change", change)
          .isEqualTo(told.getOrDefault(key, IDLE));
      told.put(key, change.to());
    }
    for (int i = 0; i < phones; i++) {
      assertThat(told.getOrDefault(phone(i), IDLE)).as("told " + phone(i)).isEqualTo(FINAL[i % 3]);
    }
    int endConnected = (phones + 2) / 3;
    int endRinging = (phones + 1) / 3;
    assertThat(recorder.changes()).hasSize(phones * 50 + endConnected * 4 + endRinging * 2);
  }

  /**
   * Five complete calls (10 call and 10 phone changes), then a last call that ends as FINAL says.
   */
  private void script(String phone, int i) {
    for (int n = 0; n < 5; n++) {
      String id = "c" + n;
      for (String name : List.of("incoming", "connected", "hold", "unhold", "disconnected")) {
        tracker.accept(on(phone, name, id).build());
      }
    }
    if (FINAL[i % 3] != IDLE) {
      tracker.accept(on(phone, "incoming", "last").build());
    }
    if (FINAL[i % 3] == CONNECTED) {
      tracker.accept(on(phone, "connected", "last").build());
    }
  }

  @Test
  void theSameEventFromManyThreadsIsOneChange() throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> senders = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      senders.add(
          pool.submit(
              () -> {
                start.await();
                for (int n = 0; n < 200; n++) {
                  tracker.accept(on("10.0.0.5", "connected", "a").build());
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> sender : senders) {
      sender.get(30, TimeUnit.SECONDS);
    }

    assertThat(recorder.brief()).containsExactly("a: IDLE->CONNECTED", "phone: IDLE->CONNECTED");
  }

  @Test
  void listenersAreNeverCalledTwoAtATime() throws Exception {
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    AtomicInteger calls = new AtomicInteger();
    SnomCallTracker counted =
        SnomCallTracker.builder()
            .clock(clock)
            .listener(
                change -> {
                  most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                  calls.incrementAndGet();
                  inside.decrementAndGet();
                })
            .build();
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> senders = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      String phone = phone(t);
      senders.add(
          pool.submit(
              () -> {
                start.await();
                for (int n = 0; n < 300; n++) {
                  counted.accept(on(phone, n % 2 == 0 ? "hold" : "unhold", "a").build());
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> sender : senders) {
      sender.get(30, TimeUnit.SECONDS);
    }

    assertThat(calls.get()).as("each toggle: the call and the phone").isEqualTo(THREADS * 300 * 2);
    assertThat(most.get()).isEqualTo(1);
  }

  /**
   * 10,000 phones, each with one call that ended: each is kept only for its ended id, and nothing
   * else; after 5 minutes none is kept. The heap per phone is measured in sdk-bench.
   */
  @Test
  void tenThousandIdlePhonesKeepOnlyTheirRecentlyEndedIds() {
    int phones = 10_000;
    for (int i = 0; i < phones; i++) {
      for (String name : List.of("incoming", "connected", "disconnected")) {
        tracker.accept(on(phone(i), name, "call-" + i).build());
      }
    }

    assertThat(tracker.trackedPhones()).isEqualTo(phones);
    assertThat(tracker.endedCallsKept()).isEqualTo(phones);
    assertThat(tracker.calls(phone(4321))).isEmpty();
    assertThat(tracker.state(phone(4321))).isEqualTo(IDLE);

    clock.advance(Duration.ofMinutes(5));
    tracker.expire();

    assertThat(tracker.trackedPhones()).isZero();
    assertThat(tracker.endedCallsKept()).isZero();
  }

  @Test
  void phonesThatNeverHadACallAreNotKept() {
    for (int i = 0; i < 10_000; i++) {
      tracker.accept(on(phone(i), i % 2 == 0 ? "dnd-on" : "log-on", null).build());
      tracker.state(phone(i));
    }

    assertThat(tracker.trackedPhones()).isZero();
    assertThat(recorder.changes()).isEmpty();
  }
}
