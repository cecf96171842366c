package dev.deskphone.core;

/**
 * The phone answered, but not as the operation expected: an unexpected status, a redirect the SDK
 * does not follow, or a body it could not use. {@link #status()} is the status line's code.
 */
public class PhoneResponseException extends PhoneException {
  private static final long serialVersionUID = 1L;

  /** The status the phone answered with. */
  private final int status;

  /**
   * Creates an exception.
   *
   * @param phone the phone, as {@code scheme://host:port}
   * @param operation what the SDK was doing
   * @param status the HTTP status the phone answered with
   * @param detail what was wrong with the answer
   * @param cause the underlying error, or {@code null}
   */
  public PhoneResponseException(
      String phone, String operation, int status, String detail, Throwable cause) {
    super(phone, operation, "HTTP " + status + ": " + detail, cause);
    this.status = status;
  }

  /** {@return the HTTP status code the phone answered with} */
  public int status() {
    return status;
  }
}
