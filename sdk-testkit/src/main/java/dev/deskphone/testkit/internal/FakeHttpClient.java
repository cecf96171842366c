package dev.deskphone.testkit.internal;

import dev.deskphone.core.TlsPolicy;
import dev.deskphone.core.internal.DeadlineInterrupt;
import dev.deskphone.core.internal.Deadlines;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ScheduledFuture;

/**
 * A fake phone's own HTTP client: the Unify fake's key requests and the snom fakes' action URLs. It
 * sends on a JDK {@code HttpClient} of its own, never the SDK's transport (the client under test):
 * HTTP/1.1, no proxy, never following a redirect, trusting https servers by the fake's {@link
 * TlsPolicy}, each request once, within a deadline that covers the body. The JDK client is made at
 * the first request, since it starts a selector thread at once; JDK 17 cannot stop that thread,
 * which ends once the client is unreachable (from JDK 21 on, {@link #close()} shuts the client
 * down). Thread-safe.
 */
public final class FakeHttpClient implements AutoCloseable {
  private final TlsPolicy trust;
  private final Duration timeout;
  private HttpClient client; // guarded by this
  private boolean closed; // guarded by this

  /** A sender trusting https servers by {@code trust}, giving each request {@code timeout}. */
  public FakeHttpClient(TlsPolicy trust, Duration timeout) {
    this.trust = Objects.requireNonNull(trust, "trust");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  /**
   * What came back for one request.
   *
   * @param status the answer's status; empty if no answer came
   * @param contentType the answer's {@code Content-Type}, if any
   * @param text the answer's body as UTF-8 text, or what went wrong when no answer came
   */
  public record Answer(OptionalInt status, Optional<String> contentType, String text) {
    static Answer none(String why) {
      return new Answer(OptionalInt.empty(), Optional.empty(), why);
    }
  }

  /** Sends {@code request} and waits for its answer, at most the deadline. Never throws. */
  public Answer send(UnifyKeyRequest request) {
    HttpRequest.Builder jdk =
        HttpRequest.newBuilder(request.uri())
            .timeout(timeout)
            .method(
                request.method(),
                new OneAttemptBody(request.body().getBytes(StandardCharsets.UTF_8)));
    if (request.method().equals("POST")) {
      jdk.header("Content-Type", "application/x-www-form-urlencoded");
    }
    return send(jdk);
  }

  /**
   * Sends a {@code GET} to {@code uri} once (an action URL, as a snom phone sends it) and waits for
   * its answer, at most the deadline. Never throws.
   */
  public Answer get(URI uri, String userAgent) {
    return send(
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("User-Agent", userAgent)
            .method("GET", new OneAttemptBody(new byte[0])));
  }

  private Answer send(HttpRequest.Builder jdk) {
    HttpClient c = client();
    if (c == null) {
      return Answer.none("not sent: the fake phone is closed");
    }
    // The blocking send on this thread, interrupted at the deadline (the JDK client's own timeout
    // ends at the answer's head): on JDK 17 sendAsync completes its future on CompletableFuture's
    // default executor, which a busy common pool would hold up.
    DeadlineInterrupt deadline = new DeadlineInterrupt();
    ScheduledFuture<?> timer = Deadlines.schedule(timeout, deadline::fire);
    try {
      HttpResponse<byte[]> r = c.send(jdk.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(
          OptionalInt.of(r.statusCode()),
          r.headers().firstValue("Content-Type"),
          new String(r.body(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Answer.none("no answer: " + e);
    } catch (InterruptedException e) {
      if (deadline.disarm()) {
        return Answer.none("no answer within " + timeout);
      }
      Thread.currentThread().interrupt();
      return Answer.none("interrupted");
    } finally {
      timer.cancel(false);
      deadline.disarm();
    }
  }

  private synchronized HttpClient client() {
    if (client == null && !closed) {
      client =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .followRedirects(HttpClient.Redirect.NEVER)
              .proxy(HttpClient.Builder.NO_PROXY)
              .connectTimeout(timeout)
              .sslContext(trust.sslContext())
              .build();
    }
    return client;
  }

  /** No more requests; from JDK 21 on, also shuts the JDK client down. Idempotent. */
  @Override
  public void close() {
    HttpClient c;
    synchronized (this) {
      closed = true;
      c = client;
      client = null;
    }
    if (c instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        // closing anyway; the client ends once unreachable
      }
    }
  }
}
