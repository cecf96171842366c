package dev.deskphone.unify;

import dev.deskphone.core.internal.Checks;
import dev.deskphone.core.server.EndpointServer;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * A Send URL server: one {@link SendUrlEndpoint} on one path of an {@link EndpointServer} with its
 * default limits, over HTTP/1.1 (and 1.0) or HTTPS, with no dependency beyond the JDK. The quick
 * start:
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
 * <p>Protection, threading, the access log and every limit are {@link EndpointServer}'s: see there.
 * Handlers run on the connection's thread, at most 16 at once (beyond that {@code 503} at once),
 * and one that overruns its 5-second deadline is interrupted while {@code 503} goes out on time.
 * Request bodies are limited to {@link SendUrlRequest#MAX_BODY_BYTES} ({@code 413} beyond).
 *
 * <p>To tune those limits, or to serve other endpoints on the same port (snom events next to Unify
 * keys), use {@link EndpointServer} with a {@link SendUrlEndpoint} directly:
 *
 * <pre>{@code
 * EndpointServer server =
 *     EndpointServer.builder()
 *         .bind(new InetSocketAddress("127.0.0.1", 0)) // 0.0.0.0:8080 to serve real phones
 *         .endpoint(
 *             "/keys",
 *             SendUrlEndpoint.builder()
 *                 .credentials("MyUsername", "MyPassword")
 *                 .handler(handler)
 *                 .build())
 *         .endpoint("/events", events) // another PhoneEndpoint on the same port
 *         .workers(32)
 *         .handlerTimeout(Duration.ofSeconds(2))
 *         .start();
 * URI keys = server.uri("/keys"); // the server the keys are configured with
 * }</pre>
 *
 * <p>(From {@code SendUrlServerTest}, which runs it.)
 *
 * <p>Thread-safe. {@link #close()} stops accepting, drops open connections and ends every thread.
 */
public final class SendUrlServer implements AutoCloseable {
  private final EndpointServer server;
  private final String path;

  private SendUrlServer(EndpointServer server, String path) {
    this.server = server;
    this.path = path;
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
    return server.uri(path);
  }

  /**
   * The bound address, with the real port when bound to port 0.
   *
   * @return the address
   */
  public InetSocketAddress address() {
    return server.address();
  }

  /** Stops the server at once: no new connections, open connections dropped, threads ended. */
  @Override
  public void close() {
    server.close();
  }

  /** The URI, for logs. */
  @Override
  public String toString() {
    return "SendUrlServer[" + uri() + "]";
  }

  /**
   * Configures a {@link SendUrlServer}: where it listens, and the {@link SendUrlEndpoint} it
   * serves. Not thread-safe.
   */
  public static final class Builder {
    private final SendUrlEndpoint.Builder endpoint = SendUrlEndpoint.builder();
    private InetSocketAddress bind;
    private String path = "/";
    private SSLContext sslContext;

    private Builder() {}

    /**
     * Sets the address and port to listen on. Required; port 0 picks a free port.
     *
     * @param address the address, such as {@code new InetSocketAddress("0.0.0.0", 8080)}
     * @return this builder
     */
    public Builder bind(InetSocketAddress address) {
      this.bind = Objects.requireNonNull(address, "address");
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
      this.path = Checks.endpointPath(path);
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
     * As {@link SendUrlEndpoint.Builder#credentials(String, String)}.
     *
     * @param userId the user id
     * @param password the password
     * @return this builder
     */
    public Builder credentials(String userId, String password) {
      endpoint.credentials(userId, password);
      return this;
    }

    /**
     * As {@link SendUrlEndpoint.Builder#withoutCredentials()}.
     *
     * @return this builder
     */
    public Builder withoutCredentials() {
      endpoint.withoutCredentials();
      return this;
    }

    /**
     * As {@link SendUrlEndpoint.Builder#handler(SendUrlHandler)}.
     *
     * @param handler the handler
     * @return this builder
     */
    public Builder handler(SendUrlHandler handler) {
      endpoint.handler(handler);
      return this;
    }

    /**
     * As {@link SendUrlEndpoint.Builder#responder(SendUrlResponder)}.
     *
     * @param responder the responder
     * @return this builder
     */
    public Builder responder(SendUrlResponder responder) {
      endpoint.responder(responder);
      return this;
    }

    /**
     * As {@link SendUrlEndpoint.Builder#correlation(PushCorrelation)}.
     *
     * @param correlation the correlation
     * @return this builder
     */
    public Builder correlation(PushCorrelation correlation) {
      endpoint.correlation(correlation);
      return this;
    }

    /**
     * Builds the endpoint, then binds and starts the server; it serves until {@link
     * SendUrlServer#close()}.
     *
     * @return the running server
     * @throws IllegalStateException if no bind address or handler is set, or the credentials are
     *     neither set nor waived
     * @throws IllegalArgumentException if the bind address is unresolved, or the credentials are
     *     both set and waived
     * @throws UncheckedIOException if the address cannot be bound
     */
    public SendUrlServer start() {
      EndpointServer.Builder server =
          EndpointServer.builder()
              .endpoint(path, endpoint.build())
              .maxBodyBytes(SendUrlRequest.MAX_BODY_BYTES);
      if (bind != null) {
        server.bind(bind);
      }
      if (sslContext != null) {
        server.https(sslContext);
      }
      return new SendUrlServer(server.start(), path);
    }
  }
}
