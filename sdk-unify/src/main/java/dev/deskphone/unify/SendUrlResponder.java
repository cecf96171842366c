package dev.deskphone.unify;

import dev.deskphone.core.server.EndpointServer;
import java.util.Objects;

/**
 * Chooses the full {@link SendUrlReply} for a Send URL request: LEDs, the empty-200
 * acknowledgement, or unknown key. {@link SendUrlRoutes} routes by symbolic name.
 *
 * <p>May be called from several threads at once: {@link SendUrlEndpoint#handle} runs it on the
 * calling thread. {@link EndpointServer} (and so {@link SendUrlServer}) calls that on the thread of
 * the connection the request came on, at most {@link EndpointServer.Builder#workers workers} at
 * once; at the handler deadline that thread is interrupted and {@code 503} goes out. It may block
 * until then, and should stop when interrupted: until it returns, it keeps its worker and its
 * thread.
 */
@FunctionalInterface
public interface SendUrlResponder {

  /**
   * The reply to this request.
   *
   * @param request the request, credentials already checked
   * @return the reply; null is an error (answered 500), never an acknowledgement
   * @throws Exception any failure, answered 500 without detail
   */
  SendUrlReply respond(SendUrlRequest request) throws Exception;

  /**
   * A responder that answers with the LEDs {@code handler} returns.
   *
   * @param handler the handler
   * @return the responder
   */
  static SendUrlResponder of(SendUrlHandler handler) {
    Objects.requireNonNull(handler, "handler");
    return request -> {
      var leds = handler.handle(request);
      return leds == null ? null : SendUrlReply.leds(leds);
    };
  }
}
