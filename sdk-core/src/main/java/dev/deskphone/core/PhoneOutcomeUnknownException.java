package dev.deskphone.core;

/**
 * The request may have reached the phone, but no complete answer came back: the connection was
 * closed or reset after sending, or the deadline passed. The phone may or may not have carried out
 * the command. The SDK never resends on its own; deciding whether to try again is the caller's call
 * (a second key press or reboot is a real second action).
 */
public class PhoneOutcomeUnknownException extends PhoneException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param phone the phone, as {@code scheme://host:port}
   * @param operation what the SDK was doing
   * @param detail what happened, in a few words
   * @param cause the underlying error, or {@code null}
   */
  public PhoneOutcomeUnknownException(
      String phone, String operation, String detail, Throwable cause) {
    super(phone, operation, detail, cause);
  }
}
