package dev.deskphone.core;

import dev.deskphone.core.internal.Checks;
import dev.deskphone.core.internal.ClientSslContexts;
import dev.deskphone.core.internal.DeadlineInterrupt;
import dev.deskphone.core.internal.Deadlines;
import java.lang.reflect.Method;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The default {@link PhoneTransport}, on the JDK's {@code java.net.http} client: HTTP/1.1 only,
 * redirects never followed, no proxy, no {@link java.net.Authenticator}, keep-alive connections
 * reused, and never a second delivery of a request (the JDK's own silent retry of a GET on a dead
 * pooled connection is stopped before it writes a byte; the caller gets {@link
 * PhoneOutcomeUnknownException}).
 *
 * <p>One transport serves any number of phones with one JDK client, so one selector thread and one
 * connection pool, whatever their TLS policies: each https phone is checked by its request's {@link
 * PhoneRequest#tls()}. When a phone's policy changes (a new pin after its certificate was replaced,
 * or another device at the same address), the transport starts a fresh client, so that no
 * kept-alive connection checked under the old policy carries a request made under the new one.
 *
 * <p>Deadlines: a connect timeout, and a total deadline per exchange that also covers the response
 * body (on JDK 17 the client's own request timeout stops once the headers arrive). Bodies beyond
 * {@link Builder#maxResponseBytes} fail with {@link PhoneResponseTooLargeException}.
 *
 * <p>Threads: {@link #sendAndWait} runs the exchange on the calling thread. {@link #send} returns
 * at once and runs it on one of at most {@link Builder#maxConcurrency} daemon threads of this
 * transport (ended after 30 s idle); beyond that, exchanges wait their turn within their own
 * deadline, and one whose deadline passes while waiting fails with {@link
 * PhoneConnectTimeoutException}: it was never sent.
 *
 * <p>Logging: one DEBUG line per exchange on logger {@code dev.deskphone.core.JdkHttpTransport}
 * with method, target (secret-looking query values shown as {@code ***}), status or error, and
 * duration. Headers and bodies are never logged.
 *
 * <p>Thread-safe; share one instance between many phones. {@link #close()} ends its threads and
 * client: exchanges waiting for a thread fail as not sent, exchanges in flight are aborted (they
 * may have run), and later requests fail with {@link PhoneConnectException}. {@link #shared()} is
 * the transport the SDK's phone clients use when given none.
 */
public final class JdkHttpTransport implements PhoneTransport {
  /** The default connect timeout: 5 seconds. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /** The default deadline of one whole exchange: 15 seconds. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

  /** The default response body limit: 1 MiB. */
  public static final int DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;

  /** The default number of exchanges {@link #send} runs at once: {@value}. */
  public static final int DEFAULT_MAX_CONCURRENCY = 256;

  private static final AtomicInteger TRANSPORTS = new AtomicInteger();

  private final TrustRouter trust = new TrustRouter();
  private final Object trustChange = new Object();
  private volatile HttpClient client;
  private final ThreadPoolExecutor threads;
  private final Duration connectTimeout;
  private final Duration timeout;
  private final int maxResponseBytes;
  private final int maxConcurrency;
  private final boolean shared;
  private final AtomicBoolean closed = new AtomicBoolean();

  private JdkHttpTransport(Builder b, boolean shared) {
    this.connectTimeout = b.connectTimeout;
    this.timeout = b.timeout;
    this.maxResponseBytes = b.maxResponseBytes;
    this.maxConcurrency = b.maxConcurrency;
    this.shared = shared;
    this.client = newClient();
    int id = TRANSPORTS.incrementAndGet();
    AtomicInteger n = new AtomicInteger();
    this.threads =
        new ThreadPoolExecutor(
            maxConcurrency,
            maxConcurrency,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "deskphone-exchange-" + id + "-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    threads.allowCoreThreadTimeOut(true);
  }

  /**
   * {@return a transport with the defaults: 5 s to connect, 15 s per exchange, 1 MiB, 256 at once}
   */
  public static JdkHttpTransport create() {
    return builder().build();
  }

  /** {@return a builder for a transport of your own, to configure and to close} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The one transport of this JVM that {@code SnomPhone} and {@code UnifyPhone} use when given
   * none: made on first use with the defaults, bounded like any other ({@value
   * #DEFAULT_MAX_CONCURRENCY} exchanges at once, idle threads ended after 30 s, all daemons). It
   * lives as long as the JVM: {@link #close()} on it does nothing. Build a transport of your own to
   * choose its settings or to close it.
   *
   * @return the shared transport
   */
  public static JdkHttpTransport shared() {
    return Shared.INSTANCE;
  }

  /** {@return how long connecting may take, TLS handshake included} */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** {@return the deadline of an exchange whose request sets none} */
  public Duration timeout() {
    return timeout;
  }

  /** {@return the largest response body accepted} */
  public int maxResponseBytes() {
    return maxResponseBytes;
  }

  /** {@return the most exchanges {@link #send} runs at once} */
  public int maxConcurrency() {
    return maxConcurrency;
  }

  @Override
  public CompletableFuture<PhoneResponse> send(PhoneRequest request) {
    Exchange exchange = exchange(request);
    HttpRequest jdkRequest = admit(exchange);
    if (jdkRequest == null) {
      return exchange.result;
    }
    ExchangeTask task = new ExchangeTask(exchange, clientFor(request), jdkRequest);
    try {
      threads.execute(task);
    } catch (RejectedExecutionException e) {
      exchange.closed();
      return exchange.result;
    }
    ScheduledFuture<?> timer =
        Deadlines.schedule(
            exchange.deadline,
            () -> {
              if (exchange.timeOut()) {
                task.cancel(true);
              }
            });
    // A caller that cancels the returned future aborts the exchange.
    exchange.result.whenComplete(
        (r, e) -> {
          timer.cancel(false);
          if (e instanceof CancellationException) {
            task.cancel(true);
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
    Exchange exchange = exchange(request);
    HttpRequest jdkRequest = admit(exchange);
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
        exchange.run(clientFor(request), jdkRequest);
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

  /**
   * Ends the transport: no new exchanges, waiting ones fail as not sent, running ones are aborted,
   * and its threads and JDK client end. Does nothing on {@link #shared()} or when already closed.
   */
  @Override
  public void close() {
    if (shared || !closed.compareAndSet(false, true)) {
      return;
    }
    for (Runnable waiting : threads.shutdownNow()) {
      ((ExchangeTask) waiting).exchange.closed();
    }
    closeClient();
  }

  private HttpClient newClient() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .proxy(HttpClient.Builder.NO_PROXY)
        .connectTimeout(connectTimeout)
        .sslContext(ClientSslContexts.context(trust))
        .build();
  }

  /**
   * The client for {@code request}: for https, its phone's policy recorded first, and a fresh
   * client if that policy changed (the old one finishes what it has in flight and ends).
   */
  private HttpClient clientFor(PhoneRequest request) {
    if (!"https".equalsIgnoreCase(request.uri().getScheme())) {
      return client;
    }
    synchronized (trustChange) {
      if (trust.admit(request)) {
        HttpClient old = client;
        client = newClient();
        end(old, "shutdown");
      }
      return client;
    }
  }

  private void closeClient() {
    end(client, "shutdownNow");
  }

  /**
   * The JDK client ends its selector thread when it is no longer reachable; from JDK 21 on it can
   * also be shut down ({@code shutdown}: after what is in flight, {@code shutdownNow}: at once),
   * which this does where the running JDK offers it.
   */
  private static void end(HttpClient client, String how) {
    try {
      Method shutdown = HttpClient.class.getMethod(how);
      shutdown.invoke(client);
    } catch (NoSuchMethodException e) {
      // JDK 17 to 20: the client ends once unreachable.
    } catch (ReflectiveOperationException | RuntimeException e) {
      // Ending anyway; the client ends once unreachable.
    }
  }

  private Exchange exchange(PhoneRequest request) {
    Objects.requireNonNull(request, "request");
    return new Exchange(request, timeout, connectTimeout, maxResponseBytes, closed);
  }

  /** The JDK request, or null with the exchange failed if it may not or cannot be sent. */
  private HttpRequest admit(Exchange exchange) {
    if (closed.get()) {
      exchange.closed();
      return null;
    }
    try {
      return exchange.jdkRequest();
    } catch (IllegalArgumentException e) {
      exchange.complete(
          null,
          new PhoneException(
              exchange.request.phone(),
              exchange.request.operation(),
              "not sent: " + e.getMessage(),
              e));
      return null;
    }
  }

  @Override
  public String toString() {
    return "JdkHttpTransport[connectTimeout="
        + connectTimeout
        + ", timeout="
        + timeout
        + ", maxResponseBytes="
        + maxResponseBytes
        + ", maxConcurrency="
        + maxConcurrency
        + (shared ? ", shared" : closed.get() ? ", closed" : "")
        + "]";
  }

  /** An exchange waiting for, or running on, one of the transport's threads. */
  private static final class ExchangeTask extends FutureTask<Void> {
    final Exchange exchange;

    ExchangeTask(Exchange exchange, HttpClient client, HttpRequest jdkRequest) {
      super(
          () -> {
            try {
              exchange.run(client, jdkRequest);
            } catch (InterruptedException e) {
              // Timed out, cancelled or closing: the result is complete already, or closing
              // completes it now; the JDK client's exchange is aborted.
              exchange.closed();
            }
            return null;
          });
      this.exchange = exchange;
    }
  }

  /** The shared transport, made on first use. */
  private static final class Shared {
    static final JdkHttpTransport INSTANCE = new JdkHttpTransport(new Builder(), true);
  }

  /** Builds a {@link JdkHttpTransport}. Not thread-safe. */
  public static final class Builder {
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration timeout = DEFAULT_TIMEOUT;
    private int maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
    private int maxConcurrency = DEFAULT_MAX_CONCURRENCY;

    private Builder() {}

    /**
     * How long to wait for a connection (TLS handshake included).
     *
     * @param connectTimeout positive
     * @return this builder
     */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = Checks.positive(connectTimeout, "connectTimeout");
      return this;
    }

    /**
     * The deadline of an exchange whose request sets none, body included.
     *
     * @param timeout positive
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      this.timeout = Checks.positive(timeout, "timeout");
      return this;
    }

    /**
     * The largest response body accepted.
     *
     * @param maxResponseBytes 0 to 64 MiB
     * @return this builder
     */
    public Builder maxResponseBytes(int maxResponseBytes) {
      if (maxResponseBytes < 0 || maxResponseBytes > 64 * 1024 * 1024) {
        throw new IllegalArgumentException(
            "maxResponseBytes must be from 0 to 67108864, was " + maxResponseBytes);
      }
      this.maxResponseBytes = maxResponseBytes;
      return this;
    }

    /**
     * The most exchanges {@link #send} runs at once, each on a thread of the transport, 1 to 10
     * 000; more wait their turn. {@link #sendAndWait} runs on the caller's thread and is not
     * counted.
     *
     * @param maxConcurrency 1 to 10 000
     * @return this builder
     */
    public Builder maxConcurrency(int maxConcurrency) {
      if (maxConcurrency < 1 || maxConcurrency > 10_000) {
        throw new IllegalArgumentException(
            "maxConcurrency must be from 1 to 10000, was " + maxConcurrency);
      }
      this.maxConcurrency = maxConcurrency;
      return this;
    }

    /** {@return the transport; close it when done} */
    public JdkHttpTransport build() {
      return new JdkHttpTransport(this, false);
    }
  }
}
