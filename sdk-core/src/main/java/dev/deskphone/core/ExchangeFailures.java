package dev.deskphone.core;

import dev.deskphone.core.internal.CappedBodySubscriber;
import dev.deskphone.core.internal.SingleShotPublisher;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLHandshakeException;

/**
 * What a failed {@link JdkHttpTransport} exchange means for the caller: the JDK client's exceptions
 * mapped to the SDK's, by whether anything may have been sent. Stateless.
 */
final class ExchangeFailures {
  private ExchangeFailures() {}

  /**
   * The SDK's exception for {@code error}.
   *
   * @param attempted whether the body publisher was asked for the body (the request went out)
   * @param status the answer's status if its head arrived, else -1
   */
  static PhoneException translate(
      Throwable error,
      PhoneRequest request,
      boolean attempted,
      int status,
      Duration deadline,
      Duration connectTimeout) {
    Throwable e = unwrap(error);
    String phone = request.phone();
    String op = request.operation();
    if (e instanceof PhoneException pe) {
      return pe;
    }
    if (e instanceof IllegalArgumentException && !attempted) {
      // The JDK client refused to build the request: nothing was sent.
      return new PhoneException(phone, op, "not sent: " + e.getMessage(), e);
    }
    if (e instanceof SingleShotPublisher.ResendRefusedException) {
      return new PhoneOutcomeUnknownException(
          phone,
          op,
          "the connection closed after the request was sent, before any answer; the phone may"
              + " have run it; not resent",
          null);
    }
    if (attempted && isConnectFailure(e)) {
      // The request went out on a kept-alive connection that then died; the JDK client's own
      // second attempt (stopped before writing, or failing to connect) changes nothing.
      return new PhoneOutcomeUnknownException(
          phone,
          op,
          "the connection closed after the request was sent, before any answer; the phone may"
              + " have run it; not resent",
          e);
    }
    if (e instanceof CappedBodySubscriber.TooLargeException tooLarge) {
      return new PhoneResponseTooLargeException(phone, op, status, tooLarge.limit());
    }
    if (e instanceof HttpConnectTimeoutException) {
      return new PhoneConnectTimeoutException(
          phone, op, "not connected within " + connectTimeout.toMillis() + " ms", e);
    }
    if (e instanceof HttpTimeoutException) {
      return new PhoneTimeoutException(
          phone,
          op,
          "no complete answer within "
              + deadline.toMillis()
              + " ms; the request may have run and was not resent",
          e);
    }
    if (e instanceof ConnectException) {
      return new PhoneConnectException(phone, op, "connection refused or unreachable", e);
    }
    if (e instanceof UnknownHostException || e instanceof UnresolvedAddressException) {
      return new PhoneConnectException(phone, op, "unknown host", e);
    }
    if (e instanceof SSLHandshakeException) {
      return new PhoneTlsException(phone, op, "TLS handshake failed: " + e.getMessage(), e);
    }
    if (status >= 0) {
      return new PhoneTruncatedResponseException(phone, op, status, e);
    }
    if (isReset(e)) {
      return new PhoneOutcomeUnknownException(
          phone,
          op,
          "connection reset after the request was sent, before any answer; the phone may have run"
              + " it; not resent",
          e);
    }
    if (e instanceof IOException) {
      return new PhoneOutcomeUnknownException(
          phone,
          op,
          (e instanceof EOFException ? "the connection closed" : "the connection failed")
              + " after the request was sent, before any answer; the phone may have run it;"
              + " not resent",
          e);
    }
    return new PhoneException(phone, op, "unexpected failure: " + e, e);
  }

  private static boolean isConnectFailure(Throwable e) {
    return e instanceof ConnectException
        || e instanceof HttpConnectTimeoutException
        || e instanceof UnknownHostException
        || e instanceof UnresolvedAddressException
        || e instanceof SSLHandshakeException;
  }

  private static boolean isReset(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage();
      if (m != null && m.toLowerCase(Locale.ROOT).contains("connection reset")) {
        return true;
      }
    }
    return false;
  }

  private static Throwable unwrap(Throwable e) {
    Throwable t = e;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    // The JDK client wraps some causes in a plain IOException carrying extra detail.
    if (t.getClass() == IOException.class && t.getCause() != null) {
      Throwable cause = t.getCause();
      if (cause instanceof SingleShotPublisher.ResendRefusedException
          || cause instanceof CappedBodySubscriber.TooLargeException
          || cause instanceof IOException) {
        return unwrap(cause);
      }
    }
    return t;
  }
}
