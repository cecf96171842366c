package dev.deskphone.core;

/**
 * The phone, its model or its firmware does not support the operation (for example a snom model
 * without HTTP remote control).
 */
public class PhoneUnsupportedException extends PhoneException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param phone the phone, as {@code scheme://host:port}
   * @param operation what the SDK was doing
   * @param detail what happened, in a few words
   * @param cause the underlying error, or {@code null}
   */
  public PhoneUnsupportedException(String phone, String operation, String detail, Throwable cause) {
    super(phone, operation, detail, cause);
  }
}
