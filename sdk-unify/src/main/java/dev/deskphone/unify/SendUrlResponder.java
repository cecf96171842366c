package dev.deskphone.unify;

import java.util.Objects;

/**
 * Chooses the full {@link SendUrlReply} for a Send URL request: LEDs, the empty-200
 * acknowledgement, or unknown key. {@link SendUrlRoutes} routes by symbolic name.
 *
 * <p>May be called from several threads at once; {@link SendUrlServer} runs it on its own bounded
 * pool and stops waiting at its handler deadline.
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
