package dev.deskphone.core.internal;

import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A request body publisher that lets {@code java.net.http} write the request once and makes any
 * second attempt fail before a byte of it is written.
 *
 * <p>Why: on JDK 17 to 25 the client silently resends a GET or HEAD once when a kept-alive
 * connection from its pool closes before any answer byte arrives ({@code
 * ConnectionExpiredException}). A phone that already ran the command (a key press, a reboot) would
 * run it twice. The client asks the publisher for {@link #contentLength()} exactly once per
 * attempt, while it builds the request head and before it writes it, so a second call means a
 * second attempt: it throws {@link ResendRefusedException}, which fails that attempt with nothing
 * sent, and the caller learns the outcome is unknown.
 */
public final class SingleShotPublisher implements HttpRequest.BodyPublisher {
  private final HttpRequest.BodyPublisher delegate;
  private final long length;
  private final AtomicBoolean attempted = new AtomicBoolean();

  /** A publisher of {@code body} (not copied; do not change it afterwards). */
  public SingleShotPublisher(byte[] body) {
    this.delegate = HttpRequest.BodyPublishers.ofByteArray(body);
    this.length = body.length;
  }

  @Override
  public long contentLength() {
    if (!attempted.compareAndSet(false, true)) {
      throw new ResendRefusedException();
    }
    return length;
  }

  /**
   * Whether the client has started writing the request at least once. A connect failure after that
   * belongs to the client's own second attempt: the first one may have reached the phone.
   */
  public boolean attempted() {
    return attempted.get();
  }

  @Override
  public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
    delegate.subscribe(subscriber);
  }

  /** Thrown to stop the HTTP client's own second attempt. */
  public static final class ResendRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ResendRefusedException() {
      super("the HTTP client tried to resend the request; refused", null, false, false);
    }
  }
}
