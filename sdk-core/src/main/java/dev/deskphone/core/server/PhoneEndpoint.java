package dev.deskphone.core.server;

/**
 * An HTTP endpoint that phones call: a Unify key's Send URL request, a snom phone's action URL.
 * Framework-free, so one endpoint runs unchanged on the SDK's own {@link EndpointServer}, in a
 * servlet container ({@code sdk-servlet}) or behind any other HTTP server: the host turns the HTTP
 * request into an {@link EndpointRequest} and writes the {@link EndpointResponse} back.
 *
 * <p>The host, not the endpoint, owns the connection: it bounds how many requests run at once,
 * enforces deadlines, limits sizes, adds {@code Content-Length} and decides whether the connection
 * stays open. An endpoint answers every request with a response, errors included (a bad request is
 * a 4xx, a failing handler a 5xx); a host answers {@code 500} for a {@link RuntimeException}
 * without showing it.
 *
 * <p>Implementations are thread-safe: a host calls {@link #handle} from many threads at once.
 * {@link #handle} may block (for example in a user's handler); a host that gives up waiting
 * interrupts the calling thread.
 */
@FunctionalInterface
public interface PhoneEndpoint {

  /**
   * Answers one request.
   *
   * @param request the request, read whole by the host within its limits
   * @return the response to send
   */
  EndpointResponse handle(EndpointRequest request);
}
