package dev.deskphone.core;

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
 *   <li>Over https, the phone must present a certificate that the request's {@link
 *       PhoneRequest#tls()} trusts.
 *   <li>No authentication of its own: {@link #withAuth} adds it above any transport.
 *   <li>Cancelling the returned future aborts the exchange and closes its connection.
 *   <li>{@link #sendAndWait} is the blocking form, under the same rules: it throws what the future
 *       would fail with. A transport that can run the exchange on the calling thread overrides it
 *       (as {@link JdkHttpTransport} does) to save two thread hand-offs per request.
 *   <li>{@link #close()} ends what the transport owns (threads, connections), may be called more
 *       than once, and a transport that owned something fails later requests with {@link
 *       PhoneConnectException} (nothing sent). Whoever built a transport closes it; the default
 *       {@code close()} does nothing, for transports that own nothing.
 * </ul>
 *
 * <p>A phone client holds one transport: {@code SnomPhone} holds {@code transport.withAuth(auth)},
 * where {@code transport} is {@link JdkHttpTransport#shared()} unless the application passes its
 * own.
 */
@FunctionalInterface
public interface PhoneTransport extends AutoCloseable {

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

  /**
   * A transport that sends through this one and logs in to phones that ask: it answers a {@code
   * 401} with Digest (RFC 7616: SHA-512-256, SHA-256 and MD5, their {@code -sess} forms, {@code
   * qop=auth} and {@code auth-int}, RFC 2069 without qop) or Basic, as the phone asks, and
   * remembers per phone what the phone asked for, so later requests carry credentials at once and
   * cost one round trip, not two. The rules are {@link PhoneAuth}'s. Closing it closes this
   * transport.
   *
   * <p>Keep the returned transport for as long as you talk to the phones: what it learnt (the
   * phone's nonce, recent failed logins) lives in it, for up to 1,024 phones, the most recently
   * used.
   *
   * @param auth the credentials and the safety rules relaxed for these phones
   * @return a new transport that authenticates
   */
  default PhoneTransport withAuth(PhoneAuth auth) {
    return new AuthenticatingTransport(this, auth);
  }

  /**
   * Ends what this transport owns. The default does nothing.
   *
   * <p>Unlike {@link AutoCloseable#close()}, throws no checked exception.
   */
  @Override
  default void close() {}
}
