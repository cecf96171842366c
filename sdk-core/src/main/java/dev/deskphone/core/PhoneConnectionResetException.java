package dev.deskphone.core;

/**
 * The phone reset the connection after the request was sent and before any answer. The command may
 * have run; it was not resent.
 */
public class PhoneConnectionResetException extends PhoneOutcomeUnknownException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param phone the phone, as {@code scheme://host:port}
   * @param operation what the SDK was doing
   * @param detail what happened, in a few words
   * @param cause the underlying error, or {@code null}
   */
  public PhoneConnectionResetException(
      String phone, String operation, String detail, Throwable cause) {
    super(phone, operation, detail, cause);
  }
}
