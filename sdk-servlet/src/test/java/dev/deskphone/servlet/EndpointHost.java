package dev.deskphone.servlet;

import dev.deskphone.core.server.PhoneEndpoint;
import java.net.URI;

/**
 * Puts a {@link PhoneEndpoint} behind an HTTP server on 127.0.0.1 with a port from 0, for the
 * hosting suites: a servlet container with {@link EndpointServlet}, or any other host. The host
 * reads request bodies of up to {@link EndpointHostingSuite#MAX_BODY_BYTES}.
 */
@FunctionalInterface
interface EndpointHost {

  /** Starts serving {@code endpoint}; the caller closes what it returns. */
  Hosted start(PhoneEndpoint endpoint) throws Exception;

  /**
   * A running host.
   *
   * @param uri where the endpoint is mounted, ending in {@code /}: every path below it reaches the
   *     endpoint, such as {@code http://127.0.0.1:41234/sendurl/}
   * @param stop stops the host
   */
  record Hosted(URI uri, Stop stop) implements AutoCloseable {
    @Override
    public void close() {
      try {
        stop.run();
      } catch (Exception e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("the host at " + uri + " did not stop", e);
      }
    }
  }

  /** How a host stops. */
  @FunctionalInterface
  interface Stop {
    void run() throws Exception;
  }
}
