package dev.deskphone.core;

/**
 * No complete answer arrived before the request's deadline. The request may have reached the phone
 * and may have run; it was not resent.
 */
public class PhoneTimeoutException extends PhoneOutcomeUnknownException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param phone the phone, as {@code scheme://host:port}
   * @param operation what the SDK was doing
   * @param detail what happened, in a few words
   * @param cause the underlying error, or {@code null}
   */
  public PhoneTimeoutException(String phone, String operation, String detail, Throwable cause) {
    super(phone, operation, detail, cause);
  }
}
