package dev.deskphone.core;

/**
 * The phone refused the credentials, or the SDK refused to send them (for example Basic over plain
 * http without opting in, or a call while the phone is likely locked after failed logins). The
 * message says which, and never contains the credentials.
 */
public class PhoneAuthenticationException extends PhoneException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param phone the phone, as {@code scheme://host:port}
   * @param operation what the SDK was doing
   * @param detail what happened, in a few words
   * @param cause the underlying error, or {@code null}
   */
  public PhoneAuthenticationException(
      String phone, String operation, String detail, Throwable cause) {
    super(phone, operation, detail, cause);
  }
}
