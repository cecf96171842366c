package dev.deskphone.unify.internal;

/**
 * The handler could not be run: as many handlers as the server allows were running. Answered {@code
 * 503}; the message is safe to send.
 */
public final class HandlerUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message safe to send to the phone. */
  public HandlerUnavailableException(String message) {
    super(message, null, false, false);
  }
}
