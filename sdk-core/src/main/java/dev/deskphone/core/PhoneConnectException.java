package dev.deskphone.core;

/**
 * No connection to the phone could be made (refused, unreachable, unknown host). Nothing was sent,
 * so the operation did not run and may safely be tried again.
 */
public class PhoneConnectException extends PhoneException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param phone the phone, as {@code scheme://host:port}
   * @param operation what the SDK was doing
   * @param detail what happened, in a few words
   * @param cause the underlying error, or {@code null}
   */
  public PhoneConnectException(String phone, String operation, String detail, Throwable cause) {
    super(phone, operation, detail, cause);
  }
}
