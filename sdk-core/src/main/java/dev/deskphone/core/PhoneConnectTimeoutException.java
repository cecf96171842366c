package dev.deskphone.core;

/** The connection to the phone was not established within the connect timeout. Nothing was sent. */
public class PhoneConnectTimeoutException extends PhoneConnectException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param phone the phone, as {@code scheme://host:port}
   * @param operation what the SDK was doing
   * @param detail what happened, in a few words
   * @param cause the underlying error, or {@code null}
   */
  public PhoneConnectTimeoutException(
      String phone, String operation, String detail, Throwable cause) {
    super(phone, operation, detail, cause);
  }
}
