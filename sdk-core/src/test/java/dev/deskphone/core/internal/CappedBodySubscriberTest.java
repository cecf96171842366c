package dev.deskphone.core.internal;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CappedBodySubscriberTest {
  private final RecordingSubscription subscription = new RecordingSubscription();

  @Test
  void requestsEverythingOnSubscribe() {
    subscribed(10, -1);

    assertThat(subscription.requested).containsExactly(Long.MAX_VALUE);
  }

  @Test
  void bodyExactlyAtTheLimitIsAccepted() throws Exception {
    CappedBodySubscriber subscriber = subscribed(10, 10);

    subscriber.onNext(List.of(buffer(0, 10)));
    subscriber.onComplete();

    assertThat(body(subscriber)).isEqualTo(bytes(0, 10));
    assertThat(subscription.cancelled).isFalse();
  }

  @Test
  void oneByteOverTheLimitFailsAndCancelsTheSubscription() {
    CappedBodySubscriber subscriber = subscribed(10, -1);

    subscriber.onNext(List.of(buffer(0, 11)));

    assertThat(subscription.cancelled).isTrue();
    assertThat(failure(subscriber))
        .isInstanceOfSatisfying(
            CappedBodySubscriber.TooLargeException.class, e -> assertThat(e.limit()).isEqualTo(10))
        .hasMessage("body larger than 10 bytes");
  }

  @Test
  void limitIsCountedAcrossBuffersAndCalls() {
    CappedBodySubscriber subscriber = subscribed(10, -1);

    subscriber.onNext(List.of(buffer(0, 4), buffer(4, 4)));
    assertThat(subscription.cancelled).isFalse();
    subscriber.onNext(List.of(buffer(8, 3)));

    assertThat(subscription.cancelled).isTrue();
    assertThat(failure(subscriber)).isInstanceOf(CappedBodySubscriber.TooLargeException.class);
  }

  @Test
  void manyBuffersAccumulateInOrderBeyondTheFirstAllocation() throws Exception {
    int size = 300_000;
    CappedBodySubscriber subscriber = subscribed(size, -1);

    for (int offset = 0; offset < size; offset += 1000) {
      subscriber.onNext(List.of(buffer(offset, 600), buffer(offset + 600, 400)));
    }
    subscriber.onComplete();

    assertThat(body(subscriber)).isEqualTo(bytes(0, size));
  }

  @Test
  void bodyShorterThanAnnouncedIsReturnedAtItsLength() throws Exception {
    CappedBodySubscriber subscriber = subscribed(1000, 500);

    subscriber.onNext(List.of(buffer(0, 7)));
    subscriber.onComplete();

    assertThat(body(subscriber)).isEqualTo(bytes(0, 7));
  }

  @Test
  void announcedLengthIsOnlyAHintNeverTrustedForAllocation() throws Exception {
    CappedBodySubscriber subscriber = subscribed(64 * 1024 * 1024, Long.MAX_VALUE);

    subscriber.onNext(List.of(buffer(0, 5)));
    subscriber.onComplete();

    assertThat(body(subscriber)).isEqualTo(bytes(0, 5));
  }

  @Test
  void emptyBodyFitsAZeroLimit() throws Exception {
    CappedBodySubscriber subscriber = subscribed(0, 0);

    subscriber.onNext(List.of(ByteBuffer.allocate(0)));
    subscriber.onComplete();

    assertThat(body(subscriber)).isEmpty();
    assertThat(subscription.cancelled).isFalse();
  }

  @Test
  void errorPropagatesAsItIs() {
    CappedBodySubscriber subscriber = subscribed(10, -1);
    IOException error = new IOException("connection reset");

    subscriber.onNext(List.of(buffer(0, 3)));
    subscriber.onError(error);

    assertThat(failure(subscriber)).isSameAs(error);
  }

  @Test
  void signalsAfterTheLimitFailedChangeNothing() {
    // java.net.http delivers onComplete after the cancel when the last chunk crossed the limit.
    CappedBodySubscriber subscriber = subscribed(10, 10);
    subscriber.onNext(List.of(buffer(0, 11)));

    assertThatCode(
            () -> {
              subscriber.onNext(List.of(buffer(11, 5)));
              subscriber.onComplete();
            })
        .doesNotThrowAnyException();
    assertThat(failure(subscriber)).isInstanceOf(CappedBodySubscriber.TooLargeException.class);
  }

  private CappedBodySubscriber subscribed(long limit, long expected) {
    CappedBodySubscriber subscriber = new CappedBodySubscriber(limit, expected);
    subscriber.onSubscribe(subscription);
    return subscriber;
  }

  private static byte[] body(CappedBodySubscriber subscriber) throws Exception {
    return subscriber.getBody().toCompletableFuture().get(1, SECONDS);
  }

  private static Throwable failure(CappedBodySubscriber subscriber) {
    CompletableFuture<byte[]> body = subscriber.getBody().toCompletableFuture();
    assertThat(body).isCompletedExceptionally();
    try {
      body.get(1, SECONDS);
      throw new AssertionError("the body did not fail");
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static ByteBuffer buffer(int from, int length) {
    return ByteBuffer.wrap(bytes(from, length));
  }

  private static byte[] bytes(int from, int length) {
    byte[] b = new byte[length];
    IntStream.range(0, length).forEach(i -> b[i] = (byte) ((from + i) * 31));
    return b;
  }

  private static final class RecordingSubscription implements Flow.Subscription {
    final List<Long> requested = new ArrayList<>();
    boolean cancelled;

    @Override
    public void request(long n) {
      requested.add(n);
    }

    @Override
    public void cancel() {
      cancelled = true;
    }
  }
}
