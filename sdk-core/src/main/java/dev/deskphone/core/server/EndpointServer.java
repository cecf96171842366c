package dev.deskphone.core.server;

import dev.deskphone.core.internal.Checks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * The SDK's own HTTP/1.1 (and 1.0) or HTTPS server for {@link PhoneEndpoint}s, one per exact path
 * on one port, with no dependency beyond the JDK: for example Unify keys and snom events served by
 * one process.
 *
 * <pre>{@code
 * EndpointServer server = EndpointServer.builder()
 *     .bind(new InetSocketAddress("0.0.0.0", 8080))
 *     .endpoint("/keys", keys)       // such as a SendUrlEndpoint
 *     .endpoint("/events", events)
 *     .start();
 * URI keysUri = server.uri("/keys"); // what the phones are configured with
 * }</pre>
 *
 * <p>Each open connection is served on a thread of its own, which reads a request, calls the
 * endpoint at the request's path and writes the answer (head and body in one write, with {@code
 * TCP_NODELAY}), then waits for the connection's next request. Keep-alive, pipelined requests,
 * HTTP/1.0 keep-alive, chunked request bodies, {@code Expect: 100-continue} and {@code HEAD} (the
 * endpoint's headers and {@code Content-Length} without the body) are served. Nothing is set
 * JVM-wide. The server, not the endpoint, owns the connection:
 *
 * <ul>
 *   <li>a request for a path with no endpoint gets {@code 404}; a request target longer than {@link
 *       Builder#maxRequestLine} {@code 414}; more than {@link Builder#maxHeaders} header fields or
 *       {@link Builder#maxHeaderBytes} header bytes {@code 431}; a body over {@link
 *       Builder#maxBodyBytes} {@code 413}, before it is read; a malformed request {@code 400} (a
 *       line not ending in CRLF, a folded header, a {@code Content-Length} together with {@code
 *       Transfer-Encoding}, differing {@code Content-Length}s, bytes that cannot start a request
 *       such as a TLS ClientHello on the plain port; an HTTP/1.1 request without {@code Host}, any
 *       request with two {@code Host} lines or a {@code Host} that is not a host and port, as RFC
 *       9112 section 3.2 asks); each of these closes the connection, after reading for a moment
 *       what the client still sends, so that it can read the answer;
 *   <li>once a request's first byte has arrived, its request line, headers and body must arrive
 *       within {@link Builder#readTimeout} (the TLS handshake too), else the connection is closed
 *       unanswered, so slow clients cannot hold threads that real phones need; a connection waiting
 *       for its next request is closed after {@link Builder#idleTimeout};
 *   <li>an endpoint runs on its connection's thread, at most {@link Builder#workers} at once across
 *       all endpoints; beyond that the request is answered {@code 503} at once. One that overruns
 *       {@link Builder#handlerTimeout} is interrupted and the request answered {@code 503} at the
 *       deadline, even if it ignores the interrupt; its answer, if it comes later, is dropped and
 *       the connection closed. One that throws a {@link RuntimeException} or returns null gets
 *       {@code 500}; its class is logged at WARN, the trace at DEBUG, and no answer shows its
 *       message;
 *   <li>at most {@link Builder#maxConnections} connections are open at once; at that limit a new
 *       connection closes one that is idle between requests, or is closed unanswered if none is;
 *   <li>an endpoint's headers are written as given, followed by {@code Content-Length} (except on
 *       {@code 204} and {@code 304}) and, when the server closes the connection or keeps an
 *       HTTP/1.0 one, {@code Connection}.
 * </ul>
 *
 * <p>Logs one INFO line per request on logger {@code dev.deskphone.server.access}: method, target
 * with secret-looking query values ({@code password} and the like) shown as {@code ***}, client
 * address, status and duration.
 *
 * <p>Thread-safe. {@link #close()} stops accepting, drops open connections and ends every thread.
 */
public final class EndpointServer implements AutoCloseable {
  private final ServerSocket socket;
  private final Listener listener;
  private final ThreadPoolExecutor ioPool;
  private final ThreadPoolExecutor latePool;
  private final Map<String, PhoneEndpoint> endpoints;
  private final boolean https;

  private EndpointServer(Builder b) throws IOException {
    this.endpoints = Map.copyOf(b.endpoints);
    this.https = b.sslContext != null;
    // A thread per open connection, made on demand and kept 30 s for the next: it reads each
    // request, runs the endpoint (at most b.workers at once) and writes the answer, with no
    // hand-off to another thread. The listener keeps at most maxConnections open; the pool itself
    // is not bounded by it, because a connection is no longer counted as soon as it is closed,
    // while its thread is still on its way back to the pool.
    this.ioPool =
        new ThreadPoolExecutor(
            0,
            Integer.MAX_VALUE,
            30,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            threads("deskphone-server-io"));
    // Writes the 503 of an endpoint that overran its deadline, while its own thread is still busy;
    // there are never more such endpoints than workers.
    this.latePool =
        new ThreadPoolExecutor(
            b.workers,
            b.workers,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            threads("deskphone-server-late"));
    latePool.allowCoreThreadTimeOut(true);
    Hosting hosting =
        new Hosting(
            Routes.of(endpoints),
            new Limits(
                b.maxRequestLine,
                b.maxHeaderBytes,
                b.maxHeaders,
                b.maxBodyBytes,
                b.idleTimeout,
                b.readTimeout,
                b.handlerTimeout),
            new Semaphore(b.workers),
            latePool,
            https ? b.sslContext.getSocketFactory() : null);
    this.socket = new ServerSocket();
    try {
      socket.bind(b.bind, b.backlog);
    } catch (IOException e) {
      socket.close();
      ioPool.shutdownNow();
      latePool.shutdownNow();
      throw e;
    }
    this.listener =
        new Listener(
            socket,
            ioPool,
            b.maxConnections,
            (s, open) -> new Connection(s, open, hosting),
            "deskphone-server-accept");
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
   * The server's root: scheme, bound address and port, and {@code /}. For a wildcard bind ({@code
   * 0.0.0.0}) the address shown is the loopback address.
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
    return URI.create((https ? "https" : "http") + "://" + host + ":" + a.getPort() + "/");
  }

  /**
   * Where one endpoint is reached: {@link #uri()} with the endpoint's path (for a {@code /*} path,
   * the part before the {@code *}).
   *
   * @param path the path the endpoint was added at
   * @return the URI, such as {@code http://127.0.0.1:41234/keys} or {@code .../events/}
   * @throws IllegalArgumentException if no endpoint is at {@code path}
   */
  public URI uri(String path) {
    Objects.requireNonNull(path, "path");
    if (!endpoints.containsKey(path)) {
      throw new IllegalArgumentException(
          "no endpoint at " + Checks.quote(path) + "; the paths are " + endpoints.keySet());
    }
    return uri().resolve(Routes.isPrefix(path) ? path.substring(0, path.length() - 1) : path);
  }

  /**
   * The bound address, with the real port when bound to port 0.
   *
   * @return the address
   */
  public InetSocketAddress address() {
    return (InetSocketAddress) socket.getLocalSocketAddress();
  }

  /**
   * Stops the server at once: no new connections, open connections dropped (a request being
   * answered gets no answer), threads ended. Returns without waiting for endpoints still running;
   * they are interrupted. Calling it again does nothing.
   */
  @Override
  public void close() {
    listener.close();
    ioPool.shutdownNow();
    latePool.shutdownNow();
  }

  /** The URI and the paths served, for logs. */
  @Override
  public String toString() {
    return "EndpointServer[" + uri() + ", paths=" + endpoints.keySet() + "]";
  }

  /** Configures an {@link EndpointServer}. Not thread-safe. */
  public static final class Builder {
    private final Map<String, PhoneEndpoint> endpoints = new LinkedHashMap<>();
    private InetSocketAddress bind;
    private SSLContext sslContext;
    private int workers = 16;
    private int backlog = 64;
    private int maxConnections = 512;
    private int maxRequestLine = 8 * 1024;
    private int maxHeaderBytes = 16 * 1024;
    private int maxHeaders = 64;
    private int maxBodyBytes = 64 * 1024;
    private Duration idleTimeout = Duration.ofSeconds(30);
    private Duration readTimeout = Duration.ofSeconds(10);
    private Duration handlerTimeout = Duration.ofSeconds(5);

    private Builder() {}

    /**
     * Sets the address and port to listen on. Required; port 0 picks a free port.
     *
     * @param address the address, such as {@code new InetSocketAddress("0.0.0.0", 8080)}
     * @return this builder
     * @throws IllegalArgumentException if the address is unresolved
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
     * Serves {@code endpoint} at {@code path}: requests whose raw path (the target up to {@code ?})
     * equals it, whatever their query; a path ending in {@code /*}, such as {@code /events/*},
     * serves the path before it and every path below, as a servlet mapping does. An exact path wins
     * over a {@code /*} one, and a longer {@code /*} over a shorter. At least one endpoint is
     * required; a request no path matches gets {@code 404}.
     *
     * @param path starting with {@code /}, at most 256 characters, ASCII letters, digits and {@code
     *     / - . _ ~} only, optionally ending in {@code /*}
     * @param endpoint the endpoint, called from many threads at once
     * @return this builder
     * @throws IllegalArgumentException if the path breaks these rules or already has an endpoint
     */
    public Builder endpoint(String path, PhoneEndpoint endpoint) {
      Checks.endpointPath(path);
      Objects.requireNonNull(endpoint, "endpoint");
      if (endpoints.containsKey(path)) {
        throw new IllegalArgumentException(
            "path " + Checks.quote(path) + " already has an endpoint: " + endpoints.get(path));
      }
      endpoints.put(path, endpoint);
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
     * Sets how many endpoint calls may run at once, across all endpoints. Defaults to 16.
     *
     * @param workers 1 to 1024
     * @return this builder
     */
    public Builder workers(int workers) {
      this.workers = range("workers", workers, 1, 1024);
      return this;
    }

    /**
     * Sets the time an endpoint has to answer, and its answer to be written. Defaults to 5 seconds.
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
     * byte arrived, and to finish a TLS handshake. Defaults to 10 seconds.
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
     * Sets the largest request body, which the server reads whole into memory before it calls the
     * endpoint; a larger one gets {@code 413}. Defaults to 64 KiB.
     *
     * @param bytes 0 (no body at all) to 16 MiB
     * @return this builder
     */
    public Builder maxBodyBytes(int bytes) {
      this.maxBodyBytes = range("maxBodyBytes", bytes, 0, 16 << 20);
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
     * Binds and starts the server; it serves until {@link EndpointServer#close()}. Each call starts
     * another server with the settings made so far.
     *
     * @return the running server
     * @throws IllegalStateException if no bind address or no endpoint is set
     * @throws UncheckedIOException if the address cannot be bound
     */
    public EndpointServer start() {
      if (bind == null) {
        throw new IllegalStateException(
            "bind is required: the address and port to listen on, such as 0.0.0.0:8080");
      }
      if (endpoints.isEmpty()) {
        throw new IllegalStateException(
            "an endpoint is required: call endpoint(path, endpoint) at least once");
      }
      try {
        return new EndpointServer(this);
      } catch (IOException e) {
        throw new UncheckedIOException("could not bind the endpoint server to " + bind, e);
      }
    }
  }
}
