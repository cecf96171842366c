package dev.deskphone.testkit.internal;

import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A request body the JDK's {@code HttpClient} may write once, so that the fake Unify phone sends a
 * key press once, as the phone does. The JDK client silently tries a GET again when a kept-alive
 * connection closes before any answer byte; it asks the body for its length once per attempt,
 * before writing the request head, so the second ask fails that attempt with nothing sent.
 */
public final class OneAttemptBody implements HttpRequest.BodyPublisher {
  private final HttpRequest.BodyPublisher bytes;
  private final long length;
  private final AtomicBoolean asked = new AtomicBoolean();

  /** A body of {@code bytes} (not copied). */
  public OneAttemptBody(byte[] bytes) {
    this.bytes = HttpRequest.BodyPublishers.ofByteArray(bytes);
    this.length = bytes.length;
  }

  @Override
  public long contentLength() {
    if (asked.getAndSet(true)) {
      throw new IllegalStateException("a phone sends a key request once; not sent again");
    }
    return length;
  }

  @Override
  public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
    bytes.subscribe(subscriber);
  }
}
