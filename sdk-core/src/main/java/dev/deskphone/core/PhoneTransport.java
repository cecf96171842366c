package dev.deskphone.core;

import dev.deskphone.core.internal.Futures;
import java.util.concurrent.CompletableFuture;

/**
 * Sends one HTTP request to a phone and returns its complete answer. The SDK's only way onto the
 * network: {@link JdkHttpTransport} is the default, and any implementation that passes the
 * testkit's {@code PhoneTransportContract} may replace it.
 *
 * <p>Contract:
 *
 * <ul>
 *   <li>Thread-safe; {@link #send} may be called from any number of threads at once.
 *   <li>{@link #send} does not block: it returns a future at once and completes it from another
 *       thread (it may complete it before returning, for example for a refused connection).
 *   <li>Every status is a normal {@link PhoneResponse}, 3xx included: redirects are never followed.
 *   <li>The request goes out at most once: never resent on its own, not even after a dead
 *       keep-alive connection. A failure after (possibly) sending completes the future with a
 *       {@link PhoneOutcomeUnknownException}.
 *   <li>The whole exchange, body included, ends by the request's {@link PhoneRequest#timeout()} (or
 *       the transport's default), or the future fails with {@link PhoneTimeoutException}.
 *   <li>The future fails only with {@link PhoneException} subtypes: {@link PhoneConnectException}
 *       when nothing was sent, {@link PhoneOutcomeUnknownException} when the request may have run,
 *       {@link PhoneResponseException} when an answer arrived but could not be read whole.
 *   <li>No authentication of its own: credentials are added above the transport.
 *   <li>Cancelling the returned future aborts the exchange and closes its connection.
 *   <li>{@link #sendAndWait} is the blocking form, under the same rules: it throws what the future
 *       would fail with. A transport that can run the exchange on the calling thread overrides it
 *       (as {@link JdkHttpTransport} does) to save two thread hand-offs per request.
 * </ul>
 */
@FunctionalInterface
public interface PhoneTransport {

  /**
   * Sends {@code request} once and returns a future of the phone's answer.
   *
   * @param request the request
   * @return a future completed with the answer, or exceptionally with a {@link PhoneException}
   */
  CompletableFuture<PhoneResponse> send(PhoneRequest request);

  /**
   * Sends {@code request} once and waits for the phone's answer: the blocking form of {@link
   * #send}. The default waits on {@link #send}'s future (at most a second past the request's
   * timeout, if it has one).
   *
   * <p>If the calling thread is interrupted while waiting, the exchange is aborted, the thread's
   * interrupt flag stays set, and a {@link PhoneOutcomeUnknownException} is thrown.
   *
   * @param request the request
   * @return the answer
   * @throws PhoneException the exception {@link #send}'s future would fail with
   */
  default PhoneResponse sendAndWait(PhoneRequest request) {
    return Futures.await(send(request), request);
  }
}
