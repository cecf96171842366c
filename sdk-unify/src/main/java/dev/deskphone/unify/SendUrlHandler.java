package dev.deskphone.unify;

import dev.deskphone.core.TurnledResponse;
import dev.deskphone.core.server.EndpointServer;

/**
 * Decides the LEDs for a Send URL request. Called only for requests whose credentials matched.
 *
 * <pre>{@code
 * SendUrlHandler h = request -> TurnledResponse.of(Turnled.builder(request.symbolicName())
 *     .state(LedState.ON).colour(LedColour.RED).build());
 * }</pre>
 *
 * <p>May be called from several threads at once: {@link SendUrlEndpoint#handle} runs it on the
 * calling thread. {@link EndpointServer} (and so {@link SendUrlServer}) calls that on the thread of
 * the connection the request came on, at most {@link EndpointServer.Builder#workers workers} at
 * once; at the handler deadline that thread is interrupted and {@code 503} goes out. It may block
 * until then, and should stop when interrupted: until it returns, it keeps its worker and its
 * thread.
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
