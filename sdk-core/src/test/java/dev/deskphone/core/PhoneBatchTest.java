package dev.deskphone.core;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

// A safety net against a hang; every wait inside a test has its own, shorter limit.
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PhoneBatchTest {

  // --- ordering and the concurrency cap ---

  @Test
  void outcomesFollowInputOrderWhateverTheCompletionOrder() throws Exception {
    List<String> phones = phones(5);
    Map<String, CompletableFuture<String>> ops = new ConcurrentHashMap<>();
    List<String> heard = new CopyOnWriteArrayList<>();
    CompletableFuture<BatchResult<String, String>> future =
        PhoneBatch.builder()
            .concurrency(5)
            .build()
            .runAsync(
                phones,
                phone -> ops.computeIfAbsent(phone, p -> new CompletableFuture<>()),
                (outcome, completed, total) -> heard.add(outcome.phone()));

    for (int i : new int[] {3, 0, 4, 1, 2}) {
      ops.get("phone-" + i).complete("answer-" + i);
    }
    BatchResult<String, String> result = future.get(10, SECONDS);

    assertThat(heard).containsExactly("phone-3", "phone-0", "phone-4", "phone-1", "phone-2");
    assertThat(result.outcomes()).extracting(BatchOutcome::phone).containsExactlyElementsOf(phones);
    assertThat(result.succeeded())
        .extracting(BatchOutcome.Succeeded::value)
        .containsExactly("answer-0", "answer-1", "answer-2", "answer-3", "answer-4");
  }

  @Test
  void concurrencyCapIsReachedButNeverExceeded() throws Exception {
    int cap = 4;
    int count = 40;
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger maxInFlight = new AtomicInteger();
    BlockingQueue<CompletableFuture<Integer>> started = new LinkedBlockingQueue<>();
    ExecutorService completer = Executors.newFixedThreadPool(cap);
    try {
      CompletableFuture<BatchResult<String, Integer>> future =
          PhoneBatch.builder()
              .concurrency(cap)
              .build()
              .runAsync(
                  phones(count),
                  phone -> {
                    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    CompletableFuture<Integer> op = new CompletableFuture<>();
                    started.add(op);
                    return op;
                  },
                  null);

      for (int i = 0; i < count; i++) {
        CompletableFuture<Integer> op = started.poll(10, SECONDS);
        assertThat(op).as("operation %d started", i).isNotNull();
        int value = i;
        completer.execute(
            () -> {
              // Counted out before the batch can hear of it, so a breach of the cap shows here.
              inFlight.decrementAndGet();
              op.complete(value);
            });
      }
      BatchResult<String, Integer> result = future.get(10, SECONDS);

      assertThat(result.allSucceeded()).isTrue();
      assertThat(result.outcomes()).hasSize(count);
      assertThat(maxInFlight).hasValue(cap);
    } finally {
      completer.shutdownNow();
    }
  }

  // --- failures of the operation itself ---

  @Test
  void operationThatThrowsOrFailsAtOnceFailsOnlyItsOwnPhoneUnwrapped() throws Exception {
    IllegalStateException thrown = new IllegalStateException("thrown synchronously");
    PhoneConnectException failed = new PhoneConnectException("http://a:80", "op", "refused", null);
    PhoneTimeoutException wrapped = new PhoneTimeoutException("http://b:80", "op", "late", null);
    IllegalArgumentException dependent = new IllegalArgumentException("failed upstream");
    Map<String, Function<String, CompletionStage<String>>> behaviour =
        Map.of(
            "throws",
            p -> {
              throw thrown;
            },
            "failed",
            p -> CompletableFuture.failedFuture(failed),
            "wrapped",
            p -> CompletableFuture.failedFuture(new CompletionException(wrapped)),
            "dependent",
            p -> CompletableFuture.<String>failedFuture(dependent).thenApply(s -> s),
            "ok",
            p -> CompletableFuture.completedFuture("fine"));
    List<String> phones = List.of("throws", "failed", "ok", "wrapped", "dependent");

    BatchResult<String, String> result =
        PhoneBatch.builder()
            .concurrency(1)
            .build()
            .<String, String>runAsync(phones, p -> behaviour.get(p).apply(p), null)
            .get(10, SECONDS);

    assertThat(result.outcomes()).extracting(BatchOutcome::phone).containsExactlyElementsOf(phones);
    assertThat(result.succeeded())
        .singleElement()
        .isEqualTo(new BatchOutcome.Succeeded<>("ok", "fine"));
    assertThat(result.failed())
        .extracting(BatchOutcome.Failed::error)
        .containsExactly(thrown, failed, wrapped, dependent);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 16, 10_000})
  void tenThousandSynchronousOperationsDoNotOverflowTheStack(int concurrency) throws Exception {
    List<Integer> phones = IntStream.range(0, 10_000).boxed().toList();
    IllegalStateException refusal = new IllegalStateException("refused at once");
    AtomicInteger heard = new AtomicInteger();
    CompletableFuture<BatchResult<Integer, Integer>> outcome = new CompletableFuture<>();
    // A small stack makes any per-phone recursion overflow long before 10 000 phones.
    Thread runner =
        new Thread(
            null,
            () -> {
              try {
                outcome.complete(
                    PhoneBatch.builder()
                        .concurrency(concurrency)
                        .build()
                        .run(
                            phones,
                            phone -> {
                              if (phone % 3 == 0) {
                                throw refusal;
                              }
                              return phone % 3 == 1
                                  ? CompletableFuture.completedFuture(phone)
                                  : CompletableFuture.failedFuture(refusal);
                            },
                            (o, completed, total) -> heard.incrementAndGet()));
              } catch (Throwable t) {
                outcome.completeExceptionally(t);
              }
            },
            "small-stack-batch",
            256 * 1024);
    runner.start();

    BatchResult<Integer, Integer> result = outcome.get(30, SECONDS);

    assertThat(result.outcomes()).hasSize(10_000);
    assertThat(result.succeeded()).hasSize(3_333);
    assertThat(result.failed())
        .hasSize(6_667)
        .allSatisfy(f -> assertThat(f.error()).isSameAs(refusal));
    assertThat(result.outcomes()).extracting(BatchOutcome::phone).containsExactlyElementsOf(phones);
    assertThat(heard).hasValue(10_000);
  }

  // --- deadlines ---

  @Test
  void deadlineCancelsInFlightOperationsAndMarksUnstartedPhonesNotStarted() throws Exception {
    List<CompletableFuture<String>> hung = new CopyOnWriteArrayList<>();
    PhoneBatch batch = PhoneBatch.builder().concurrency(2).deadline(Duration.ofMillis(200)).build();

    BatchResult<String, String> result =
        batch
            .runAsync(
                phones(5),
                phone -> {
                  if (phone.equals("phone-0")) {
                    return CompletableFuture.completedFuture("quick");
                  }
                  CompletableFuture<String> op = new CompletableFuture<>();
                  hung.add(op);
                  return op;
                },
                null)
            .get(10, SECONDS);

    assertThat(hung)
        .as("a cancelled future is how a transport learns to abort the exchange")
        .hasSize(2)
        .allSatisfy(op -> assertThat(op).isCancelled());
    assertThat(result.succeeded())
        .singleElement()
        .extracting(BatchOutcome::phone)
        .isEqualTo("phone-0");
    assertThat(result.failed())
        .extracting(BatchOutcome::phone)
        .containsExactly("phone-1", "phone-2");
    assertThat(result.failed())
        .allSatisfy(
            f ->
                assertThat(f.error())
                    .isInstanceOf(PhoneTimeoutException.class)
                    .hasMessageContaining(
                        "the batch deadline of 200 ms passed while it was in flight")
                    .hasMessageContaining("it may have run"));
    assertThat(result.notStarted())
        .extracting(BatchOutcome::phone)
        .containsExactly("phone-3", "phone-4");
    assertThat(result.notStarted())
        .extracting(BatchOutcome.NotStarted::reason)
        .containsOnly("the batch deadline of 200 ms passed");
  }

  @Test
  void perPhoneTimeoutFailsOnlyTheHungPhoneWithoutWaitingForTheBatchDeadline() throws Exception {
    CompletableFuture<String> hung = new CompletableFuture<>();
    PhoneBatch batch =
        PhoneBatch.builder()
            .concurrency(4)
            .deadline(Duration.ofHours(1))
            .perPhoneTimeout(Duration.ofMillis(200))
            .build();

    // Far less than the hour of the batch deadline: the batch ends with its last phone.
    BatchResult<String, String> result =
        batch
            .runAsync(
                List.of("a", "hung", "b", "c"),
                phone ->
                    phone.equals("hung") ? hung : CompletableFuture.completedFuture(phone + "!"),
                null)
            .get(10, SECONDS);

    assertThat(hung).isCancelled();
    assertThat(result.succeeded())
        .extracting(BatchOutcome.Succeeded::value)
        .containsExactly("a!", "b!", "c!");
    assertThat(result.failed())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.phone()).isEqualTo("hung");
              assertThat(f.error())
                  .isInstanceOf(PhoneTimeoutException.class)
                  .hasMessageContaining("no outcome within the per-phone timeout of 200 ms")
                  .hasMessageContaining("it may have run");
              assertThat(((PhoneException) f.error()).phone()).isEqualTo("hung");
            });
    assertThat(result.notStarted()).isEmpty();
  }

  @Test
  void slowPhoneHoldsOnlyItsOwnSlotWhileTheOthersFinish() throws Exception {
    int others = 50;
    List<String> phones = new ArrayList<>();
    phones.add("hung");
    phones.addAll(phones(others));
    CompletableFuture<String> hung = new CompletableFuture<>();
    CountDownLatch othersDone = new CountDownLatch(others);
    AtomicInteger othersInFlight = new AtomicInteger();
    AtomicInteger maxOthersInFlight = new AtomicInteger();
    List<String> heard = new CopyOnWriteArrayList<>();
    ExecutorService completer = Executors.newSingleThreadExecutor();
    try {
      CompletableFuture<BatchResult<String, String>> future =
          PhoneBatch.builder()
              .concurrency(2)
              .perPhoneTimeout(Duration.ofSeconds(2))
              .build()
              .runAsync(
                  phones,
                  phone -> {
                    if (phone.equals("hung")) {
                      return hung;
                    }
                    maxOthersInFlight.accumulateAndGet(othersInFlight.incrementAndGet(), Math::max);
                    return CompletableFuture.supplyAsync(
                        () -> {
                          othersInFlight.decrementAndGet();
                          return phone;
                        },
                        completer);
                  },
                  (outcome, completed, total) -> {
                    heard.add(outcome.phone());
                    if (outcome.isSuccess()) {
                      othersDone.countDown();
                    }
                  });

      assertThat(othersDone.await(10, SECONDS)).as("the other 50 phones finished").isTrue();
      assertThat(hung).as("the hung phone still holds its slot").isNotDone();
      BatchResult<String, String> result = future.get(10, SECONDS);

      assertThat(maxOthersInFlight).as("the others shared the one free slot").hasValue(1);
      assertThat(heard).hasSize(others + 1).last().isEqualTo("hung");
      assertThat(result.succeeded()).hasSize(others);
      assertThat(result.failed())
          .singleElement()
          .satisfies(f -> assertThat(f.error()).isInstanceOf(PhoneTimeoutException.class));
      assertThat(hung).isCancelled();
    } finally {
      completer.shutdownNow();
    }
  }

  // --- the listener ---

  @Test
  void listenerHearsEachPhoneOnceCountingUpAndNeverConcurrently() throws Exception {
    int count = 200;
    AtomicBoolean busy = new AtomicBoolean();
    AtomicBoolean overlapped = new AtomicBoolean();
    List<Integer> counts = Collections.synchronizedList(new ArrayList<>());
    List<Integer> totals = Collections.synchronizedList(new ArrayList<>());
    Map<String, Integer> calls = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      BatchListener<String, String> listener =
          (outcome, completed, total) -> {
            if (!busy.compareAndSet(false, true)) {
              overlapped.set(true);
            }
            try {
              counts.add(completed);
              totals.add(total);
              calls.merge(outcome.phone(), 1, Integer::sum);
              for (int i = 0; i < 50; i++) {
                Thread.yield(); // widens the window in which an overlap would show
              }
            } finally {
              busy.set(false);
            }
          };

      BatchResult<String, String> result =
          PhoneBatch.builder()
              .concurrency(8)
              .build()
              .runAsync(
                  phones(count),
                  phone -> CompletableFuture.supplyAsync(() -> phone, pool),
                  listener)
              .get(30, SECONDS);

      assertThat(result.allSucceeded()).isTrue();
      assertThat(overlapped).as("two listener calls overlapped").isFalse();
      assertThat(counts)
          .containsExactlyElementsOf(IntStream.rangeClosed(1, count).boxed().toList());
      assertThat(totals).hasSize(count).containsOnly(count);
      assertThat(calls.keySet()).containsExactlyInAnyOrderElementsOf(phones(count));
      assertThat(calls.values()).containsOnly(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void listenerThatThrowsDoesNotBreakTheBatch() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      BatchResult<String, String> result =
          PhoneBatch.builder()
              .concurrency(3)
              .build()
              .runAsync(
                  phones(10),
                  phone ->
                      phone.equals("phone-0")
                          ? CompletableFuture.completedFuture(phone)
                          : CompletableFuture.supplyAsync(() -> phone, pool),
                  (outcome, completed, total) -> {
                    calls.incrementAndGet();
                    throw new IllegalStateException("listener bug (expected by this test)");
                  })
              .get(10, SECONDS);

      assertThat(result.allSucceeded()).isTrue();
      assertThat(result.outcomes())
          .extracting(BatchOutcome::phone)
          .containsExactlyElementsOf(phones(10));
      assertThat(calls).hasValue(10);
    } finally {
      pool.shutdownNow();
    }
  }

  // --- cancelling and edge cases ---

  @Test
  void cancellingTheBatchCancelsInFlightOperationsAndMarksTheRestNotStarted() throws Exception {
    List<CompletableFuture<String>> ops = new CopyOnWriteArrayList<>();
    Queue<BatchOutcome<String, String>> heard = new ConcurrentLinkedQueue<>();
    CountDownLatch allHeard = new CountDownLatch(5);
    CompletableFuture<BatchResult<String, String>> future =
        PhoneBatch.builder()
            .concurrency(2)
            .build()
            .runAsync(
                phones(5),
                phone -> {
                  CompletableFuture<String> op = new CompletableFuture<>();
                  ops.add(op);
                  return op;
                },
                (outcome, completed, total) -> {
                  heard.add(outcome);
                  allHeard.countDown();
                });

    assertThat(future.cancel(true)).isTrue();

    assertThat(allHeard.await(10, SECONDS)).isTrue();
    assertThat(future).isCancelled();
    assertThat(ops).as("no operation starts after the cancel").hasSize(2);
    assertThat(ops).allSatisfy(op -> assertThat(op).isCancelled());
    Map<String, BatchOutcome<String, String>> byPhone =
        heard.stream().collect(Collectors.toMap(BatchOutcome::phone, o -> o));
    assertThat(byPhone).containsOnlyKeys(phones(5));
    for (String phone : List.of("phone-0", "phone-1")) {
      assertThat(byPhone.get(phone))
          .isInstanceOfSatisfying(
              BatchOutcome.Failed.class,
              f ->
                  assertThat(f.error())
                      .isInstanceOf(PhoneTimeoutException.class)
                      .hasMessageContaining("the batch was cancelled while it was in flight"));
    }
    for (String phone : List.of("phone-2", "phone-3", "phone-4")) {
      assertThat(byPhone.get(phone))
          .isEqualTo(new BatchOutcome.NotStarted<String, String>(phone, "the batch was cancelled"));
    }
  }

  @Test
  void emptyPhoneListGivesAnEmptyResultWithoutCallingAnything() throws Exception {
    AtomicInteger calls = new AtomicInteger();

    BatchResult<String, String> result =
        PhoneBatch.builder()
            .deadline(Duration.ofMillis(1))
            .build()
            .run(
                List.<String>of(),
                phone -> {
                  calls.incrementAndGet();
                  return CompletableFuture.completedFuture(phone);
                },
                (outcome, completed, total) -> calls.incrementAndGet());

    assertThat(result.outcomes()).isEmpty();
    assertThat(result.allSucceeded()).isTrue();
    assertThat(result).hasToString("BatchResult[0 phones: 0 succeeded, 0 failed, 0 not started]");
    assertThat(calls).hasValue(0);
  }

  @Test
  void runWaitsForEveryOutcome() {
    CompletableFuture<String> late = new CompletableFuture<>();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      BatchResult<String, String> result =
          PhoneBatch.builder()
              .build()
              .run(
                  List.of("late", "now"),
                  phone -> {
                    if (phone.equals("now")) {
                      pool.execute(() -> late.complete("late value"));
                      return CompletableFuture.completedFuture("now value");
                    }
                    return late;
                  });

      assertThat(result.succeeded())
          .extracting(BatchOutcome.Succeeded::value)
          .containsExactly("late value", "now value");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void nullPhonesOrOperationIsRejected() {
    PhoneBatch batch = PhoneBatch.builder().build();

    assertThatThrownBy(() -> batch.run(null, p -> CompletableFuture.completedFuture(p)))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("phones");
    assertThatThrownBy(() -> batch.run(List.of("a"), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("operation");
  }

  // --- builder ---

  @ParameterizedTest
  @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 10_001})
  void concurrencyOutsideOneToTenThousandIsRejectedNamingTheValue(int concurrency) {
    assertThatThrownBy(() -> PhoneBatch.builder().concurrency(concurrency))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("concurrency must be from 1 to 10000, was " + concurrency);
  }

  @Test
  void concurrencyBoundsAreAcceptedAndTheDefaultIsSixteen() {
    assertThat(PhoneBatch.builder().concurrency(1).build().concurrency()).isEqualTo(1);
    assertThat(PhoneBatch.builder().concurrency(10_000).build().concurrency()).isEqualTo(10_000);
    assertThat(PhoneBatch.builder().build().concurrency()).isEqualTo(16);
  }

  @Test
  void nonPositiveDurationsAreRejectedNamingTheSettingAndValue() {
    assertThatThrownBy(() -> PhoneBatch.builder().deadline(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("deadline must be positive, was PT0S");
    assertThatThrownBy(() -> PhoneBatch.builder().deadline(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("deadline must be positive, was PT-1S");
    assertThatThrownBy(() -> PhoneBatch.builder().perPhoneTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("perPhoneTimeout must be positive, was PT0S");
    assertThatThrownBy(() -> PhoneBatch.builder().perPhoneTimeout(Duration.ofMillis(-5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("perPhoneTimeout must be positive, was PT-0.005S");
    assertThatThrownBy(() -> PhoneBatch.builder().deadline(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("deadline");
    assertThatThrownBy(() -> PhoneBatch.builder().perPhoneTimeout(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("perPhoneTimeout");
  }

  @Test
  void toStringShowsTheSettings() {
    assertThat(
            PhoneBatch.builder()
                .concurrency(3)
                .deadline(Duration.ofMinutes(2))
                .perPhoneTimeout(Duration.ofSeconds(10))
                .build())
        .hasToString("PhoneBatch[concurrency=3, deadline=PT2M, perPhoneTimeout=PT10S]");
    assertThat(PhoneBatch.builder().build())
        .hasToString("PhoneBatch[concurrency=16, deadline=null, perPhoneTimeout=null]");
  }

  private static List<String> phones(int count) {
    return IntStream.range(0, count).mapToObj(i -> "phone-" + i).toList();
  }
}
