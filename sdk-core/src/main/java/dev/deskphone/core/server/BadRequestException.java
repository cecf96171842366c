package dev.deskphone.core.server;

/**
 * A request that cannot be served as sent: answered with {@link #status()} and the message, then
 * the connection is closed.
 */
final class BadRequestException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int status;

  /** With the status to answer and what was wrong, for the client. */
  BadRequestException(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  /** The status to answer with. */
  int status() {
    return status;
  }
}
