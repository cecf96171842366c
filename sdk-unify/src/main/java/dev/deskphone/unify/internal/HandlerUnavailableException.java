package dev.deskphone.unify.internal;

/**
 * The handler could not give an answer in time: its pool was full, or it overran its deadline.
 * Answered {@code 503}; the message is safe to send.
 */
public final class HandlerUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message safe to send to the phone. */
  public HandlerUnavailableException(String message) {
    super(message, null, false, false);
  }
}
