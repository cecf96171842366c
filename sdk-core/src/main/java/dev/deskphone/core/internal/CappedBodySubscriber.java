package dev.deskphone.core.internal;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body into one array and fails with {@link TooLargeException} as soon as it
 * would exceed a limit, cancelling the subscription so the connection is closed rather than
 * drained.
 */
public final class CappedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private final long limit;
  private byte[] buffer;
  private int size;
  private Flow.Subscription subscription;

  /**
   * A subscriber that accepts at most {@code limit} bytes.
   *
   * @param limit the most bytes accepted
   * @param expected the announced Content-Length, or -1
   */
  public CappedBodySubscriber(long limit, long expected) {
    this.limit = limit;
    this.buffer = new byte[(int) Math.max(0, Math.min(expected, Math.min(limit, 64 * 1024)))];
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    subscription.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer item : items) {
      int n = item.remaining();
      if ((long) size + n > limit) {
        subscription.cancel();
        buffer = null;
        result.completeExceptionally(new TooLargeException(limit));
        return;
      }
      if (size + n > buffer.length) {
        buffer =
            Arrays.copyOf(
                buffer, Math.max(size + n, Math.min(buffer.length * 2 + 256, (int) limit)));
      }
      item.get(buffer, size, n);
      size += n;
    }
  }

  @Override
  public void onError(Throwable throwable) {
    buffer = null;
    result.completeExceptionally(throwable);
  }

  @Override
  public void onComplete() {
    // java.net.http may still complete after onNext cancelled for exceeding the limit.
    if (result.isDone()) {
      return;
    }
    result.complete(size == buffer.length ? buffer : Arrays.copyOf(buffer, size));
  }

  /** The body exceeded the limit. */
  public static final class TooLargeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long limit;

    TooLargeException(long limit) {
      super("body larger than " + limit + " bytes", null, false, false);
      this.limit = limit;
    }

    /** The limit in bytes. */
    public long limit() {
      return limit;
    }
  }
}
