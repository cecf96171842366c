package dev.deskphone.unify;

import dev.deskphone.core.Credentials;
import dev.deskphone.core.internal.Checks;
import dev.deskphone.unify.internal.BoundedResponder;
import dev.deskphone.unify.internal.SendUrlConnection;
import dev.deskphone.unify.internal.SendUrlListener;
import dev.deskphone.unify.internal.ServerLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;

/**
 * A Send URL server: answers the GET and POST requests of Unify phones' Send URL keys on one path
 * with a {@link SendUrlEndpoint}, over HTTP/1.1 (and 1.0) or HTTPS, with no dependency beyond the
 * JDK.
 *
 * <pre>{@code
 * SendUrlServer server = SendUrlServer.builder()
 *     .bind(new InetSocketAddress("127.0.0.1", 0))
 *     .credentials("MyUsername", "MyPassword")
 *     .handler(request -> TurnledResponse.of(Turnled.builder(request.symbolicName())
 *         .state(LedState.ON).colour(LedColour.RED).build()))
 *     .start();
 * }</pre>
 *
 * <p>Each open connection is served on a thread of its own, which reads a request, runs the handler
 * and writes the answer (head and body in one write, with {@code TCP_NODELAY}), then waits for the
 * connection's next request. Nothing is set JVM-wide. Protection:
 *
 * <ul>
 *   <li>a request target longer than {@link Builder#maxRequestLine} gets 414; more than {@link
 *       Builder#maxHeaders} header fields or {@link Builder#maxHeaderBytes} header bytes 431; a
 *       body over {@link SendUrlRequest#MAX_BODY_BYTES} 413, before it is read; a malformed request
 *       400 (a line not ending in CRLF, a folded header, a {@code Content-Length} together with
 *       {@code Transfer-Encoding}, differing {@code Content-Length}s; an HTTP/1.1 request without
 *       {@code Host}, any request with two {@code Host} lines or a {@code Host} that is not a host
 *       and port, as RFC 9112 section 3.2 asks); each of these closes the connection;
 *   <li>once a request's first byte has arrived, its request line, headers and body must arrive
 *       within {@link Builder#readTimeout}, else the connection is closed unanswered, so slow
 *       clients cannot hold threads that real phones need; a connection waiting for its next
 *       request is closed after {@link Builder#idleTimeout};
 *   <li>a handler runs on its connection's thread, at most {@link Builder#workers} at once; beyond
 *       that the request is answered {@code 503} at once. A handler that overruns {@link
 *       Builder#handlerTimeout} is interrupted and the request answered {@code 503} at the
 *       deadline, even if the handler ignores the interrupt; one that throws gets {@code 500}. The
 *       phone ignores both (its LED does not change), and neither shows a stack trace;
 *   <li>at most {@link Builder#maxConnections} connections are open at once (512 by default); at
 *       that limit a new connection closes one that is idle between requests, or is closed
 *       unanswered if none is.
 * </ul>
 *
 * <p>Logs one INFO line per request on logger {@code dev.deskphone.unify.access}: method, target
 * with secret values ({@code password} and the like) shown as {@code ***}, client address, status
 * and duration.
 *
 * <p>Thread-safe. {@link #close()} stops accepting, drops open connections and ends every thread.
 */
public final class SendUrlServer implements AutoCloseable {
  private final ServerSocket socket;
  private final SendUrlListener listener;
  private final ThreadPoolExecutor ioPool;
  private final ThreadPoolExecutor latePool;
  private final String path;
  private final boolean https;

  private SendUrlServer(Builder b) throws IOException {
    this.path = b.path;
    this.https = b.sslContext != null;
    // A thread per open connection, made on demand and kept 30 s for the next: it reads each
    // request, runs the handler (bounded by the responder to b.workers at once) and writes the
    // answer, with no hand-off to another thread. The listener keeps at most maxConnections open;
    // the pool itself is not bounded by it, because a connection is no longer counted as soon as
    // it is closed, while its thread is still on its way back to the pool.
    this.ioPool =
        new ThreadPoolExecutor(
            0,
            Integer.MAX_VALUE,
            30,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            threads("deskphone-sendurl-io"));
    // Writes the 503 of a handler that overran its deadline, while its own thread is still busy;
    // there are never more such handlers than workers.
    this.latePool =
        new ThreadPoolExecutor(
            b.workers,
            b.workers,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            threads("deskphone-sendurl-late"));
    latePool.allowCoreThreadTimeOut(true);
    SendUrlEndpoint endpoint =
        b.endpoint.responder(new BoundedResponder(b.responder, b.workers)).build();
    ServerLimits limits =
        new ServerLimits(
            b.maxRequestLine,
            b.maxHeaderBytes,
            b.maxHeaders,
            SendUrlRequest.MAX_BODY_BYTES,
            b.idleTimeout,
            b.readTimeout,
            b.handlerTimeout);
    this.socket = new ServerSocket();
    try {
      socket.bind(b.bind, b.backlog);
    } catch (IOException e) {
      socket.close();
      ioPool.shutdownNow();
      latePool.shutdownNow();
      throw e;
    }
    String servedPath = path;
    SSLSocketFactory tls = https ? b.sslContext.getSocketFactory() : null;
    this.listener =
        new SendUrlListener(
            socket,
            ioPool,
            b.maxConnections,
            (s, open) ->
                new SendUrlConnection(s, tls, open, servedPath, endpoint, limits, latePool),
            "deskphone-sendurl-accept");
  }

  private static ThreadFactory threads(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /**
   * Starts configuring a server.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Where the keys should send their requests: scheme, bound address and port, and path. For a
   * wildcard bind ({@code 0.0.0.0}) the address shown is the loopback address.
   *
   * @return the URI, such as {@code http://127.0.0.1:41234/}
   */
  public URI uri() {
    InetSocketAddress a = address();
    InetAddress address =
        a.getAddress().isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : a.getAddress();
    String host = address.getHostAddress();
    if (host.indexOf(':') >= 0) {
      host = "[" + host + "]";
    }
    return URI.create((https ? "https" : "http") + "://" + host + ":" + a.getPort() + path);
  }

  /**
   * The bound address, with the real port when bound to port 0.
   *
   * @return the address
   */
  public InetSocketAddress address() {
    return (InetSocketAddress) socket.getLocalSocketAddress();
  }

  /** Stops the server at once: no new connections, open connections dropped, threads ended. */
  @Override
  public void close() {
    listener.close();
    ioPool.shutdownNow();
    latePool.shutdownNow();
  }

  /** The URI, for logs. */
  @Override
  public String toString() {
    return "SendUrlServer[" + uri() + "]";
  }

  /** Configures a {@link SendUrlServer}. Not thread-safe. */
  public static final class Builder {
    private final SendUrlEndpoint.Builder endpoint = SendUrlEndpoint.builder();
    private SendUrlResponder responder;
    private InetSocketAddress bind;
    private String path = "/";
    private SSLContext sslContext;
    private int workers = 16;
    private int backlog = 64;
    private int maxConnections = 512;
    private int maxRequestLine = 8 * 1024;
    private int maxHeaderBytes = 16 * 1024;
    private int maxHeaders = 64;
    private Duration idleTimeout = Duration.ofSeconds(30);
    private Duration readTimeout = Duration.ofSeconds(10);
    private Duration handlerTimeout = Duration.ofSeconds(5);

    private Builder() {}

    /**
     * Sets the address and port to listen on. Required; port 0 picks a free port.
     *
     * @param address the address, such as {@code new InetSocketAddress("0.0.0.0", 8080)}
     * @return this builder
     */
    public Builder bind(InetSocketAddress address) {
      Objects.requireNonNull(address, "address");
      if (address.isUnresolved()) {
        throw new IllegalArgumentException(
            "bind address must be resolved, was " + Checks.quote(address.getHostString()));
      }
      this.bind = address;
      return this;
    }

    /**
     * Sets the path the keys are configured with. Defaults to {@code /}; other paths get 404.
     *
     * @param path starting with {@code /}, ASCII letters, digits and {@code / - . _ ~} only
     * @return this builder
     * @throws IllegalArgumentException otherwise
     */
    public Builder path(String path) {
      Objects.requireNonNull(path, "path");
      if (!path.matches("/[A-Za-z0-9/._~-]{0,255}")) {
        throw new IllegalArgumentException(
            "path must start with '/' and hold only ASCII letters, digits and / - . _ ~, was "
                + Checks.quote(path));
      }
      this.path = path;
      return this;
    }

    /**
     * Sets the {@code userid} and {@code password} the keys are set up with; see {@link
     * SendUrlEndpoint.Builder#credentials(String, String)}.
     *
     * @param userId the user id
     * @param password the password
     * @return this builder
     */
    public Builder credentials(String userId, String password) {
      endpoint.credentials(Credentials.of(userId, password));
      return this;
    }

    /**
     * Accepts requests without credentials; see {@link SendUrlEndpoint.Builder#withoutCredentials}.
     *
     * @return this builder
     */
    public Builder withoutCredentials() {
      endpoint.withoutCredentials();
      return this;
    }

    /**
     * Sets the handler that decides the LEDs. This or {@link #responder} is required.
     *
     * @param handler the handler
     * @return this builder
     */
    public Builder handler(SendUrlHandler handler) {
      this.responder = SendUrlResponder.of(handler);
      return this;
    }

    /**
     * Sets the responder that decides the full reply, for example {@link SendUrlRoutes}.
     *
     * @param responder the responder
     * @return this builder
     */
    public Builder responder(SendUrlResponder responder) {
      this.responder = Objects.requireNonNull(responder, "responder");
      return this;
    }

    /**
     * Completes pending pushes of {@code correlation}; see {@link PushCorrelation}.
     *
     * @param correlation the correlation
     * @return this builder
     */
    public Builder correlation(PushCorrelation correlation) {
      endpoint.correlation(correlation);
      return this;
    }

    /**
     * Serves HTTPS with this context (its key manager holds the server's certificate) instead of
     * HTTP. The context is used only by this server; nothing is set JVM-wide.
     *
     * @param sslContext the server's TLS context
     * @return this builder
     */
    public Builder https(SSLContext sslContext) {
      this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
      return this;
    }

    /**
     * Sets how many handlers may run at once. Defaults to 16.
     *
     * @param workers 1 to 1024
     * @return this builder
     */
    public Builder workers(int workers) {
      this.workers = range("workers", workers, 1, 1024);
      return this;
    }

    /**
     * Sets the time a handler has to answer. Defaults to 5 seconds.
     *
     * @param handlerTimeout positive
     * @return this builder
     */
    public Builder handlerTimeout(Duration handlerTimeout) {
      this.handlerTimeout = Checks.positive(handlerTimeout, "handlerTimeout");
      return this;
    }

    /**
     * Sets how long a connection may wait for its next request (its first one, or the next one on a
     * kept-alive connection) before it is closed. Defaults to 30 seconds.
     *
     * @param idleTimeout positive
     * @return this builder
     */
    public Builder idleTimeout(Duration idleTimeout) {
      this.idleTimeout = Checks.positive(idleTimeout, "idleTimeout");
      return this;
    }

    /**
     * Sets the time a client has to send its whole request (line, headers and body) once its first
     * byte arrived. Defaults to 10 seconds.
     *
     * @param readTimeout positive
     * @return this builder
     */
    public Builder readTimeout(Duration readTimeout) {
      this.readTimeout = Checks.positive(readTimeout, "readTimeout");
      return this;
    }

    /**
     * Sets the longest request target (path and query). Defaults to 8 KiB.
     *
     * @param chars 256 to 65536
     * @return this builder
     */
    public Builder maxRequestLine(int chars) {
      this.maxRequestLine = range("maxRequestLine", chars, 256, 65536);
      return this;
    }

    /**
     * Sets the most header bytes a request may carry. Defaults to 16 KiB.
     *
     * @param bytes 1024 to 262144
     * @return this builder
     */
    public Builder maxHeaderBytes(int bytes) {
      this.maxHeaderBytes = range("maxHeaderBytes", bytes, 1024, 262144);
      return this;
    }

    /**
     * Sets the most header fields a request may carry. Defaults to 64.
     *
     * @param fields 8 to 200
     * @return this builder
     */
    public Builder maxHeaders(int fields) {
      this.maxHeaders = range("maxHeaders", fields, 8, 200);
      return this;
    }

    /**
     * Sets how many connections may be open at once, each served on a thread of its own. Defaults
     * to 512. At the limit a new connection closes one that is waiting for its next request, or is
     * closed unanswered if none is.
     *
     * @param maxConnections 1 to 10000
     * @return this builder
     */
    public Builder maxConnections(int maxConnections) {
      this.maxConnections = range("maxConnections", maxConnections, 1, 10_000);
      return this;
    }

    /**
     * Sets the listen backlog. Defaults to 64.
     *
     * @param backlog 1 to 4096
     * @return this builder
     */
    public Builder backlog(int backlog) {
      this.backlog = range("backlog", backlog, 1, 4096);
      return this;
    }

    private static int range(String field, int value, int min, int max) {
      if (value < min || value > max) {
        throw new IllegalArgumentException(
            field + " must be " + min + " to " + max + ", was " + value);
      }
      return value;
    }

    /**
     * Binds and starts the server.
     *
     * @return the running server
     * @throws IllegalArgumentException if no bind address or handler is set, or the credentials are
     *     neither set nor waived
     * @throws UncheckedIOException if the address cannot be bound
     */
    public SendUrlServer start() {
      if (bind == null) {
        throw new IllegalArgumentException(
            "bind is required: the address and port to listen on, such as 0.0.0.0:8080");
      }
      if (responder == null) {
        throw new IllegalArgumentException("a handler or responder is required");
      }
      endpoint.responder(responder).build(); // checks the credentials setting before binding
      try {
        return new SendUrlServer(this);
      } catch (IOException e) {
        throw new UncheckedIOException("could not bind the Send URL server to " + bind, e);
      }
    }
  }
}
