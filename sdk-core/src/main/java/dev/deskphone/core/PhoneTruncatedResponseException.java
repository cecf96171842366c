package dev.deskphone.core;

/**
 * The answer's status and headers arrived but its body ended early (the connection closed or reset
 * mid-body). The status was received, so the phone did handle the request.
 */
public class PhoneTruncatedResponseException extends PhoneResponseException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param phone the phone, as {@code scheme://host:port}
   * @param operation what the SDK was doing
   * @param status the HTTP status the phone answered with
   * @param cause the underlying error, or {@code null}
   */
  public PhoneTruncatedResponseException(
      String phone, String operation, int status, Throwable cause) {
    super(phone, operation, status, "the body ended before it was complete", cause);
  }
}
