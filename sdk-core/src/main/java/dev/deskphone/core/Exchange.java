package dev.deskphone.core;

import dev.deskphone.core.internal.CappedBodySubscriber;
import dev.deskphone.core.internal.Checks;
import dev.deskphone.core.internal.Redaction;
import dev.deskphone.core.internal.SingleShotPublisher;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One exchange of a {@link JdkHttpTransport}: its request, deadline and result, which exactly one
 * of the sending thread, the deadline, a cancel or the transport's closing completes. Logs one
 * DEBUG line when it completes. Thread-safe.
 */
final class Exchange {
  private static final Logger LOG = LoggerFactory.getLogger(JdkHttpTransport.class);

  final CompletableFuture<PhoneResponse> result = new CompletableFuture<>();
  final PhoneRequest request;
  final Duration deadline;
  private final int maxResponseBytes;
  private final Duration connectTimeout;
  private final long startNanos = System.nanoTime();
  private final SingleShotPublisher body;
  private final AtomicBoolean transportClosed;

  /** {@link #NEW} until a thread starts sending or the exchange ends, then one of the others. */
  private final AtomicInteger state = new AtomicInteger(NEW);

  private volatile int status = -1;

  private static final int NEW = 0;
  private static final int RUNNING = 1;
  private static final int DONE = 2;

  Exchange(
      PhoneRequest request,
      Duration defaultTimeout,
      Duration connectTimeout,
      int maxBytes,
      AtomicBoolean transportClosed) {
    this.request = request;
    this.transportClosed = transportClosed;
    this.deadline = request.timeout().orElse(defaultTimeout);
    this.connectTimeout = connectTimeout;
    this.maxResponseBytes = maxBytes;
    this.body = new SingleShotPublisher(request.body());
  }

  /**
   * The JDK request.
   *
   * @throws IllegalArgumentException if the JDK client refuses it, or a header value holds a
   *     character beyond ASCII (the JDK client would send {@code ?} for it)
   */
  HttpRequest jdkRequest() {
    HttpRequest.Builder rb =
        HttpRequest.newBuilder(request.uri()).method(request.method(), body).timeout(deadline);
    request.headers().forEach((name, value) -> rb.header(name, asciiOnly(name, value)));
    return rb.build();
  }

  private static String asciiOnly(String name, String value) {
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) > 0x7e) {
        throw new IllegalArgumentException(
            "header "
                + name
                + " has the character "
                + Checks.codePoint(value.charAt(i))
                + " at index "
                + i
                + ": JdkHttpTransport sends header values as US-ASCII only");
      }
    }
    return value;
  }

  /**
   * Runs the exchange on this thread and completes it, unless it has already ended (a deadline
   * passed while it waited for a thread) or this thread is interrupted.
   */
  void run(HttpClient client, HttpRequest jdkRequest) throws InterruptedException {
    if (!state.compareAndSet(NEW, RUNNING)) {
      return;
    }
    try {
      succeed(client.send(jdkRequest, this::bodySubscriber));
    } catch (IOException | RuntimeException e) {
      fail(e);
    }
  }

  /**
   * The exchange's answer, or its error thrown. Waits for the one that completed it (the deadline
   * may have won the race and still be completing the result) once {@link #run} has returned.
   */
  PhoneResponse outcome() {
    try {
      return result.join();
    } catch (CompletionException e) {
      throw (PhoneException) e.getCause();
    }
  }

  private HttpResponse.BodySubscriber<byte[]> bodySubscriber(HttpResponse.ResponseInfo info) {
    status = info.statusCode();
    if (request.headersOnly()) {
      return new HeadOnly();
    }
    long announced = info.headers().firstValueAsLong("Content-Length").orElse(-1L);
    if (announced >= 0 && announced <= maxResponseBytes) {
      // The client reads no more than the announced length. Its own subscriber gets the body on
      // the thread that read it; one of ours would be handed to the executor, one more thread
      // hand-off for every answer.
      return HttpResponse.BodySubscribers.ofByteArray();
    }
    return new CappedBodySubscriber(maxResponseBytes, announced);
  }

  /**
   * Takes no body: cancels at once, which makes the JDK client close the connection rather than
   * read on, and completes with an empty body.
   */
  private static final class HeadOnly implements HttpResponse.BodySubscriber<byte[]> {
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();

    @Override
    public CompletionStage<byte[]> getBody() {
      return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      subscription.cancel();
      body.complete(new byte[0]);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
      // cancelled: nothing more is read
    }

    @Override
    public void onError(Throwable throwable) {
      body.complete(new byte[0]); // the head was all that was wanted
    }

    @Override
    public void onComplete() {
      body.complete(new byte[0]);
    }
  }

  /** The deadline passed: a timeout if the request may have gone out, else never sent. */
  boolean timeOut() {
    if (state.compareAndSet(NEW, DONE)) {
      return finish(
          null,
          new PhoneConnectTimeoutException(
              request.phone(),
              request.operation(),
              "not sent within "
                  + deadline.toMillis()
                  + " ms: the transport's exchanges were all busy",
              null));
    }
    return complete(
        null,
        new PhoneTimeoutException(
            request.phone(),
            request.operation(),
            "no complete answer within "
                + deadline.toMillis()
                + " ms; the request may have run and was not resent",
            null));
  }

  /** The transport closed: never sent if it had not started, else it may have run. */
  void closed() {
    if (state.compareAndSet(NEW, DONE)) {
      finish(
          null,
          new PhoneConnectException(
              request.phone(), request.operation(), "the transport was closed; not sent", null));
      return;
    }
    complete(
        null,
        new PhoneOutcomeUnknownException(
            request.phone(),
            request.operation(),
            "the transport was closed during the exchange; the request may have run and was not"
                + " resent",
            null));
  }

  private void succeed(HttpResponse<byte[]> response) {
    PhoneHeaders headers;
    try {
      headers = headers(response.headers());
    } catch (IllegalArgumentException e) {
      complete(
          null,
          new PhoneResponseException(
              request.phone(),
              request.operation(),
              response.statusCode(),
              "a response header holds a character the SDK does not accept",
              null));
      return;
    }
    complete(PhoneResponse.of(response.statusCode(), headers, response.body()), null);
  }

  void fail(Throwable error) {
    if (transportClosed.get()) {
      // The JDK client was shut down under it: say so, not what the shutdown looked like.
      closed();
      return;
    }
    complete(
        null,
        ExchangeFailures.translate(
            error, request, body.attempted(), status, deadline, connectTimeout));
  }

  /** Completes the exchange unless it has ended already; whether this call ended it. */
  boolean complete(PhoneResponse response, PhoneException error) {
    return state.getAndSet(DONE) != DONE && finish(response, error);
  }

  /** Logs, then completes: a caller woken by the future sees the log line already written. */
  private boolean finish(PhoneResponse response, PhoneException error) {
    if (LOG.isDebugEnabled()) {
      long millis = (System.nanoTime() - startNanos) / 1_000_000;
      String target = Redaction.target(request.uri());
      if (error == null) {
        LOG.debug(
            "{} {}{} -> {} in {} ms",
            request.method(),
            request.phone(),
            target,
            response.status(),
            millis);
      } else {
        LOG.debug(
            "{} {}{} failed in {} ms: {}",
            request.method(),
            request.phone(),
            target,
            millis,
            error.getClass().getSimpleName());
      }
    }
    return error == null ? result.complete(response) : result.completeExceptionally(error);
  }

  private static PhoneHeaders headers(HttpHeaders jdk) {
    PhoneHeaders.Builder b = PhoneHeaders.builder();
    jdk.map()
        .forEach(
            (name, values) -> {
              if (!name.startsWith(":")) {
                values.forEach(v -> b.add(name, v));
              }
            });
    return b.build();
  }
}
