package dev.deskphone.core;

import dev.deskphone.core.internal.CappedBodySubscriber;
import dev.deskphone.core.internal.Checks;
import dev.deskphone.core.internal.DeadlineInterrupt;
import dev.deskphone.core.internal.Deadlines;
import dev.deskphone.core.internal.Futures;
import dev.deskphone.core.internal.Redaction;
import dev.deskphone.core.internal.SingleShotPublisher;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLHandshakeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link PhoneTransport}, on the JDK's {@code java.net.http} client: HTTP/1.1 only,
 * redirects never followed, no proxy, no {@link java.net.Authenticator}, keep-alive connections
 * reused, and never a second delivery of a request (the JDK's own silent retry of a GET on a dead
 * pooled connection is stopped before it writes a byte; the caller gets {@link
 * PhoneOutcomeUnknownException}).
 *
 * <p>Deadlines: a connect timeout, and a total deadline per exchange that also covers the response
 * body (on JDK 17 the client's own request timeout stops once the headers arrive). Bodies beyond
 * {@link Builder#maxResponseBytes} fail with {@link PhoneResponseTooLargeException}.
 *
 * <p>Logging: one DEBUG line per exchange on logger {@code dev.deskphone.core.JdkHttpTransport}
 * with method, target (secret-looking query values shown as {@code ***}), status or error, and
 * duration. Headers and bodies are never logged.
 *
 * <p>Immutable and thread-safe; share one instance between many phones. It owns a JDK {@link
 * HttpClient} and its selector thread, which end when the transport is no longer reachable. An
 * exchange started with {@link #send} runs on a thread of a pool shared by all transports (daemon
 * threads, ended after 30 s idle), so {@link #send} itself never blocks; {@link #sendAndWait} runs
 * it on the calling thread.
 */
public final class JdkHttpTransport implements PhoneTransport {
  private static final Logger LOG = LoggerFactory.getLogger(JdkHttpTransport.class);

  /** The default connect timeout: 5 seconds. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /** The default deadline of one whole exchange: 15 seconds. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

  /** The default response body limit: 1 MiB. */
  public static final int DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;

  private final HttpClient client;
  private final Duration connectTimeout;
  private final Duration timeout;
  private final int maxResponseBytes;
  private final TlsPolicy tls;

  private JdkHttpTransport(Builder b) {
    this.connectTimeout = b.connectTimeout;
    this.timeout = b.timeout;
    this.maxResponseBytes = b.maxResponseBytes;
    this.tls = b.tls;
    HttpClient.Builder cb =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(connectTimeout)
            .sslContext(tls.sslContext());
    if (b.executor != null) {
      cb.executor(b.executor);
    }
    this.client = cb.build();
  }

  /** A transport with the defaults: system trust, 5 s to connect, 15 s per exchange, 1 MiB. */
  public static JdkHttpTransport create() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The connect timeout. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** The default deadline of one exchange, used when a request sets none. */
  public Duration timeout() {
    return timeout;
  }

  /** The response body limit in bytes. */
  public int maxResponseBytes() {
    return maxResponseBytes;
  }

  /** The TLS policy for https phones. */
  public TlsPolicy tls() {
    return tls;
  }

  @Override
  public CompletableFuture<PhoneResponse> send(PhoneRequest request) {
    Exchange exchange = new Exchange(request);
    HttpRequest jdkRequest = exchange.jdkRequest();
    if (jdkRequest == null) {
      return exchange.result;
    }
    // The blocking send() on a pooled thread, not sendAsync(): on JDK 17 sendAsync hops through
    // the client's executor and then completes on CompletableFuture's default executor, which
    // starts a new thread for every exchange when the common pool has one thread (2 CPUs).
    Future<?> inFlight =
        Exchanges.POOL.submit(
            () -> {
              try {
                exchange.run(jdkRequest);
              } catch (InterruptedException e) {
                // timed out or cancelled: the result is complete already, the exchange aborted
                exchange.fail(e);
              }
            });
    ScheduledFuture<?> timer =
        Deadlines.schedule(
            exchange.deadline,
            () -> {
              if (exchange.timeOut()) {
                inFlight.cancel(true);
              }
            });
    // A caller that cancels the returned future aborts the exchange.
    exchange.result.whenComplete(
        (r, e) -> {
          timer.cancel(false);
          if (e instanceof CancellationException) {
            inFlight.cancel(true);
          }
        });
    return exchange.result;
  }

  /**
   * Runs the exchange on the calling thread. At the deadline the thread is interrupted, which
   * aborts the JDK client's exchange and closes its connection, and the interrupt is cleared again
   * before this method returns; an interrupt from elsewhere aborts the exchange too, and stays set.
   */
  @Override
  public PhoneResponse sendAndWait(PhoneRequest request) {
    Exchange exchange = new Exchange(request);
    HttpRequest jdkRequest = exchange.jdkRequest();
    if (jdkRequest != null) {
      DeadlineInterrupt interrupt = new DeadlineInterrupt();
      ScheduledFuture<?> timer =
          Deadlines.schedule(
              exchange.deadline,
              () -> {
                if (exchange.timeOut()) {
                  interrupt.fire();
                }
              });
      InterruptedException interrupted = null;
      try {
        exchange.run(jdkRequest);
      } catch (InterruptedException e) {
        interrupted = e;
      } finally {
        timer.cancel(false);
        if (!interrupt.disarm() && interrupted != null) {
          // Not the deadline: the caller's own interrupt, which stays set.
          Thread.currentThread().interrupt();
          exchange.complete(
              null, Futures.interrupted(request.phone(), request.operation(), interrupted));
        }
      }
    }
    return exchange.outcome();
  }

  @Override
  public String toString() {
    return "JdkHttpTransport[connectTimeout="
        + connectTimeout
        + ", timeout="
        + timeout
        + ", maxResponseBytes="
        + maxResponseBytes
        + ", tls="
        + tls
        + "]";
  }

  /** The threads that run exchanges: as many as are in flight, each ended after 30 s idle. */
  private static final class Exchanges {
    static final ExecutorService POOL = newPool();

    private static ExecutorService newPool() {
      AtomicInteger n = new AtomicInteger();
      ThreadPoolExecutor pool =
          new ThreadPoolExecutor(
              0,
              Integer.MAX_VALUE,
              30,
              TimeUnit.SECONDS,
              new SynchronousQueue<>(),
              r -> {
                Thread t = new Thread(r, "deskphone-exchange-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
              });
      return pool;
    }
  }

  /** The state of one exchange: when it started, whether an answer's head arrived. */
  private final class Exchange {
    final CompletableFuture<PhoneResponse> result = new CompletableFuture<>();
    final PhoneRequest request;
    final Duration deadline;
    final long startNanos = System.nanoTime();
    final SingleShotPublisher body;
    final AtomicBoolean finished = new AtomicBoolean();
    volatile int status = -1;

    Exchange(PhoneRequest request) {
      this.request = Objects.requireNonNull(request, "request");
      this.deadline = request.timeout().orElse(timeout);
      this.body = new SingleShotPublisher(request.body());
    }

    /** The JDK request, or null with the exchange failed if the JDK client refuses it. */
    HttpRequest jdkRequest() {
      try {
        HttpRequest.Builder rb =
            HttpRequest.newBuilder(request.uri()).method(request.method(), body).timeout(deadline);
        request.headers().forEach((name, value) -> rb.header(name, asciiOnly(name, value)));
        return rb.build();
      } catch (RuntimeException e) {
        fail(e);
        return null;
      }
    }

    /**
     * The JDK client writes header values as US-ASCII and sends any other character as {@code ?},
     * so such a value is refused before anything is sent instead of arriving altered.
     */
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

    /** Runs the exchange on this thread and completes it, unless interrupted. */
    void run(HttpRequest jdkRequest) throws InterruptedException {
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

    HttpResponse.BodySubscriber<byte[]> bodySubscriber(HttpResponse.ResponseInfo info) {
      status = info.statusCode();
      long announced = info.headers().firstValueAsLong("Content-Length").orElse(-1L);
      if (announced >= 0 && announced <= maxResponseBytes) {
        // The client reads no more than the announced length. Its own subscriber gets the body on
        // the thread that read it; one of ours would be handed to the executor, one more thread
        // hand-off for every answer.
        return HttpResponse.BodySubscribers.ofByteArray();
      }
      return new CappedBodySubscriber(maxResponseBytes, announced);
    }

    boolean timeOut() {
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

    void succeed(HttpResponse<byte[]> response) {
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
      complete(null, translate(unwrap(error)));
    }

    /** Logs, then completes: a caller woken by the future sees the log line already written. */
    boolean complete(PhoneResponse response, PhoneException error) {
      if (!finished.compareAndSet(false, true)) {
        return false;
      }
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

    private PhoneException translate(Throwable e) {
      String phone = request.phone();
      String op = request.operation();
      if (e instanceof PhoneException pe) {
        return pe;
      }
      if (e instanceof IllegalArgumentException && !body.attempted()) {
        // The JDK client refused to build the request: nothing was sent.
        return new PhoneException(phone, op, "not sent: " + e.getMessage(), e);
      }
      if (e instanceof SingleShotPublisher.ResendRefusedException) {
        return new PhoneOutcomeUnknownException(
            phone,
            op,
            "the connection closed after the request was sent, before any answer; the phone may"
                + " have run it; not resent",
            null);
      }
      if (body.attempted() && isConnectFailure(e)) {
        // The request went out on a kept-alive connection that then died; the JDK client's own
        // second attempt (stopped before writing, or failing to connect) changes nothing.
        return new PhoneOutcomeUnknownException(
            phone,
            op,
            "the connection closed after the request was sent, before any answer; the phone may"
                + " have run it; not resent",
            e);
      }
      if (e instanceof CappedBodySubscriber.TooLargeException tooLarge) {
        return new PhoneResponseTooLargeException(phone, op, status, tooLarge.limit());
      }
      if (e instanceof HttpConnectTimeoutException) {
        return new PhoneConnectTimeoutException(
            phone, op, "not connected within " + connectTimeout.toMillis() + " ms", e);
      }
      if (e instanceof HttpTimeoutException) {
        return new PhoneTimeoutException(
            phone,
            op,
            "no complete answer within "
                + deadline.toMillis()
                + " ms; the request may have run and was not resent",
            e);
      }
      if (e instanceof ConnectException) {
        return new PhoneConnectException(phone, op, "connection refused or unreachable", e);
      }
      if (e instanceof UnknownHostException || e instanceof UnresolvedAddressException) {
        return new PhoneConnectException(phone, op, "unknown host", e);
      }
      if (e instanceof SSLHandshakeException) {
        return new PhoneTlsException(phone, op, "TLS handshake failed: " + e.getMessage(), e);
      }
      if (status >= 0) {
        return new PhoneTruncatedResponseException(phone, op, status, e);
      }
      if (isReset(e)) {
        return new PhoneConnectionResetException(
            phone,
            op,
            "connection reset after the request was sent, before any answer; not resent",
            e);
      }
      if (e instanceof IOException) {
        return new PhoneOutcomeUnknownException(
            phone,
            op,
            (e instanceof EOFException ? "the connection closed" : "the connection failed")
                + " after the request was sent, before any answer; the phone may have run it;"
                + " not resent",
            e);
      }
      return new PhoneException(phone, op, "unexpected failure: " + e, e);
    }
  }

  private static boolean isConnectFailure(Throwable e) {
    return e instanceof ConnectException
        || e instanceof HttpConnectTimeoutException
        || e instanceof UnknownHostException
        || e instanceof UnresolvedAddressException
        || e instanceof SSLHandshakeException;
  }

  private static boolean isReset(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage();
      if (m != null && m.toLowerCase(Locale.ROOT).contains("connection reset")) {
        return true;
      }
    }
    return false;
  }

  private static Throwable unwrap(Throwable e) {
    Throwable t = e;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    // The JDK client wraps some causes in a plain IOException carrying extra detail.
    if (t.getClass() == IOException.class && t.getCause() != null) {
      Throwable cause = t.getCause();
      if (cause instanceof SingleShotPublisher.ResendRefusedException
          || cause instanceof CappedBodySubscriber.TooLargeException
          || cause instanceof IOException) {
        return unwrap(cause);
      }
    }
    return t;
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

  /** Builds a {@link JdkHttpTransport}. Not thread-safe. */
  public static final class Builder {
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration timeout = DEFAULT_TIMEOUT;
    private int maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
    private TlsPolicy tls = TlsPolicy.system();
    private Executor executor;

    private Builder() {}

    /** How long to wait for a connection (TLS handshake included); positive. */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = Checks.positive(connectTimeout, "connectTimeout");
      return this;
    }

    /** The default deadline of one whole exchange, body included; positive. */
    public Builder timeout(Duration timeout) {
      this.timeout = Checks.positive(timeout, "timeout");
      return this;
    }

    /** The largest response body accepted, 0 to 64 MiB. */
    public Builder maxResponseBytes(int maxResponseBytes) {
      if (maxResponseBytes < 0 || maxResponseBytes > 64 * 1024 * 1024) {
        throw new IllegalArgumentException(
            "maxResponseBytes must be from 0 to 67108864, was " + maxResponseBytes);
      }
      this.maxResponseBytes = maxResponseBytes;
      return this;
    }

    /** How https phones are trusted; {@link TlsPolicy#system()} by default. */
    public Builder tls(TlsPolicy tls) {
      this.tls = Objects.requireNonNull(tls, "tls");
      return this;
    }

    /**
     * The executor that completes futures and runs callbacks; by default the JDK client's own
     * cached thread pool.
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /** The transport. */
    public JdkHttpTransport build() {
      return new JdkHttpTransport(this);
    }
  }
}
