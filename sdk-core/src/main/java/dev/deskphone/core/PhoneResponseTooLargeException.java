package dev.deskphone.core;

/**
 * The answer's body was larger than the transport's limit; reading stopped at the limit and the
 * connection was closed. The status was received, so the phone did handle the request.
 */
public class PhoneResponseTooLargeException extends PhoneResponseException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param phone the phone, as {@code scheme://host:port}
   * @param operation what the SDK was doing
   * @param status the HTTP status the phone answered with
   * @param limit the body size limit in bytes
   */
  public PhoneResponseTooLargeException(String phone, String operation, int status, long limit) {
    super(
        phone, operation, status, "the body is larger than the limit of " + limit + " bytes", null);
  }
}
