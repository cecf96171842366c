package dev.deskphone.unify;

import dev.deskphone.core.TurnledResponse;

/**
 * Decides the LEDs for a Send URL request. Called only for requests whose credentials matched.
 *
 * <pre>{@code
 * SendUrlHandler h = request -> TurnledResponse.of(Turnled.builder(request.symbolicName())
 *     .state(LedState.ON).colour(LedColour.RED).build());
 * }</pre>
 *
 * <p>May be called from several threads at once. {@link SendUrlServer} runs it on its own bounded
 * pool and stops waiting at its handler deadline; it may block until then.
 */
@FunctionalInterface
public interface SendUrlHandler {

  /**
   * The LEDs to set for this request.
   *
   * @param request the request, credentials already checked
   * @return the reply; null is an error (answered 500), never an acknowledgement
   * @throws Exception any failure, answered 500 without detail
   */
  TurnledResponse handle(SendUrlRequest request) throws Exception;
}
