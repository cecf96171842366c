package dev.deskphone.snom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskphone.core.server.EndpointResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** How events reach listeners: order per phone, isolation between phones, bounds, failures. */
class SnomEventDispatchTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final TestClock clock = new TestClock();
  private final TestLogs logs = TestLogs.mark();

  private SnomEventEndpoint.Builder builder() {
    return SnomEventEndpoint.builder().key(EventSecretsTest.KEY).clock(clock);
  }

  /** A verified event for {@code phone}, numbered by {@code seq} in parameter {@code q}. */
  private static EndpointResponse send(SnomEventEndpoint endpoint, String phone, int seq) {
    String url = endpoint.actionUrl(phone, SnomEventType.CONNECTED, SnomEventEndpointTest.BASE);
    return endpoint.handle(SnomEventEndpointTest.get(FiringPhone.target(url) + "&q=" + seq));
  }

  private static int seq(SnomEvent e) {
    return Integer.parseInt(e.parameters().get("q"));
  }

  private static void await(CountDownLatch latch) throws InterruptedException {
    assertThat(latch.await(WAIT.toMillis(), TimeUnit.MILLISECONDS))
        .as("latch within 10 s")
        .isTrue();
  }

  @Test
  void eachPhonesEventsArriveInOrderWhilePhonesRunInParallel() throws Exception {
    int phones = 8;
    int perPhone = 500;
    Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
    Map<String, Thread> threadOf = new ConcurrentHashMap<>();
    List<String> overlaps = new CopyOnWriteArrayList<>();
    CountDownLatch all = new CountDownLatch(phones * perPhone);
    ExecutorService senders = Executors.newFixedThreadPool(phones);
    try (SnomEventEndpoint endpoint =
        builder()
            .dispatchThreads(4)
            .listener(
                e -> {
                  // one phone's events never run on two threads at once
                  if (threadOf.putIfAbsent(e.phone(), Thread.currentThread()) != null) {
                    overlaps.add(e.phone());
                  }
                  seen.computeIfAbsent(e.phone(), p -> new CopyOnWriteArrayList<>()).add(seq(e));
                  threadOf.remove(e.phone());
                  all.countDown();
                })
            .build()) {
      List<Future<?>> sent = new ArrayList<>();
      for (int p = 0; p < phones; p++) {
        String phone = "phone-" + p;
        sent.add(
            senders.submit(
                () -> {
                  for (int i = 0; i < perPhone; i++) {
                    assertThat(send(endpoint, phone, i).status()).isEqualTo(200);
                  }
                }));
      }
      for (Future<?> f : sent) {
        f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      }
      await(all);

      assertThat(seen).hasSize(phones);
      List<Integer> expected = new ArrayList<>();
      for (int i = 0; i < perPhone; i++) {
        expected.add(i);
      }
      seen.forEach((phone, order) -> assertThat(order).as(phone).isEqualTo(expected));
      assertThat(overlaps).isEmpty();
      endpoint.close(); // waits for the dispatch threads: the counts are final
      assertThat(endpoint.counters().delivered()).isEqualTo((long) phones * perPhone);
      assertThat(endpoint.counters().dropped()).isZero();
    } finally {
      senders.shutdownNow();
    }
  }

  @Test
  void aThrowingListenerIsLoggedOncePerIntervalAndTheOthersStillGetEveryEvent() throws Exception {
    BlockingQueue<SnomEvent> second = new LinkedBlockingQueue<>();
    try (SnomEventEndpoint endpoint =
        builder()
            .listener(
                e -> {
                  throw new IllegalStateException("listener bug on " + e.phone());
                })
            .listener(second::add)
            .build()) {
      for (int i = 0; i < 20; i++) {
        send(endpoint, "phone-1", i);
      }
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        SnomEvent e = second.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(e).isNotNull();
        order.add(seq(e));
      }

      assertThat(order).isSorted().hasSize(20);
      List<String> lines = logs.endpoint("listeners threw");
      assertThat(lines).hasSize(1);
      assertThat(lines.get(0))
          .contains("listeners threw 1 time(s) in the last 10 s")
          .contains("IllegalStateException: listener bug on phone-1");
      endpoint.close(); // waits for the dispatch threads, and logs what it counted
      assertThat(endpoint.counters().listenerFailures()).isEqualTo(20);
      assertThat(endpoint.counters().delivered()).isEqualTo(20);
      assertThat(logs.endpoint("listeners threw 19 time(s)")).hasSize(1);
    }
  }

  @Test
  void aBlockedListenerForPhoneAHoldsUpPhoneAOnlyAndKeepsItsOrder() throws Exception {
    CountDownLatch aEntered = new CountDownLatch(1);
    CountDownLatch releaseA = new CountDownLatch(1);
    BlockingQueue<SnomEvent> delivered = new LinkedBlockingQueue<>();
    try (SnomEventEndpoint endpoint =
        builder()
            .dispatchThreads(2)
            .listener(
                e -> {
                  if (e.phone().equals("A") && seq(e) == 0) {
                    aEntered.countDown();
                    try {
                      releaseA.await();
                    } catch (InterruptedException ex) {
                      Thread.currentThread().interrupt();
                    }
                  }
                  delivered.add(e);
                })
            .build()) {
      send(endpoint, "A", 0);
      await(aEntered);
      for (int i = 1; i <= 3; i++) {
        send(endpoint, "A", i);
      }
      for (int i = 0; i < 50; i++) {
        assertThat(send(endpoint, "B", i).status()).as("answered at once").isEqualTo(200);
      }
      List<SnomEvent> first = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        first.add(delivered.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS));
      }

      assertThat(first).doesNotContainNull().allMatch(e -> e.phone().equals("B"));
      assertThat(first.stream().map(SnomEventDispatchTest::seq).toList()).isSorted();
      assertThat(endpoint.counters().pending()).isEqualTo(3); // A's, waiting behind A's first
      releaseA.countDown();
      List<Integer> a = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        a.add(seq(delivered.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)));
      }
      assertThat(a).containsExactly(0, 1, 2, 3);
    }
  }

  @Test
  void aFloodBeyondTheBacklogIsBoundedDroppedCountedAndLoggedOncePerInterval() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch allDelivered = new CountDownLatch(101);
    try (SnomEventEndpoint endpoint =
        builder()
            .dispatchThreads(1)
            .maxPendingEvents(100)
            .listener(
                e -> {
                  entered.countDown();
                  try {
                    release.await();
                  } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                  }
                  allDelivered.countDown();
                })
            .build()) {
      send(endpoint, "slow", 0);
      await(entered); // the one thread is now held by the listener
      for (int i = 1; i <= 5000; i++) {
        assertThat(send(endpoint, "phone-" + (i % 7), i).status()).isEqualTo(200);
        assertThat(endpoint.counters().pending()).isLessThanOrEqualTo(100);
      }

      assertThat(endpoint.counters().pending()).isEqualTo(100);
      assertThat(endpoint.counters().dropped()).isEqualTo(4900);
      assertThat(endpoint.counters().received()).isEqualTo(5001);
      assertThat(logs.endpoint("dropped"))
          .singleElement()
          .asString()
          .contains("dropped 1 event(s) in the last 10 s")
          .contains("backlog of 100 full");

      clock.advance(Duration.ofSeconds(10));
      send(endpoint, "phone-1", 5001);
      assertThat(logs.endpoint("dropped"))
          .hasSize(2)
          .last()
          .asString()
          .contains("dropped 4900 event(s) in the last 10 s");

      release.countDown();
      await(allDelivered);
      endpoint.close();
      assertThat(endpoint.counters().dropped()).isEqualTo(4901);
      assertThat(endpoint.counters().delivered()).isEqualTo(101);
    }
  }

  @Test
  void closeEndsTheThreadsDropsWhatWaitsAndInterruptsABlockedListener() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    SnomEventEndpoint endpoint =
        builder()
            .listener(
                e -> {
                  entered.countDown();
                  try {
                    new CountDownLatch(1).await();
                  } catch (InterruptedException ex) {
                    interrupted.countDown();
                  }
                })
            .build();
    send(endpoint, "A", 0);
    await(entered);
    send(endpoint, "A", 1);
    send(endpoint, "A", 2);

    endpoint.close();

    await(interrupted);
    assertThat(endpoint.counters().dropped()).isEqualTo(2);
    assertThat(endpoint.counters().pending()).isZero();
    assertThat(send(endpoint, "A", 3).status()).isEqualTo(503);
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(
            t -> t.getName().startsWith("deskphone-snom-events-") && t.isAlive() && isOurs(t));
    assertThat(logs.endpoint("dropped")).isNotEmpty();
  }

  private static boolean isOurs(Thread t) {
    // Other tests' endpoints may still have idle threads; ours was the only one blocked in a latch.
    for (StackTraceElement frame : t.getStackTrace()) {
      if (frame.getClassName().equals(SnomEventDispatchTest.class.getName())) {
        return true;
      }
    }
    return false;
  }
}
