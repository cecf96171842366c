package dev.deskphone.core;

/**
 * The TLS handshake failed, for example because the phone's certificate is not trusted by the
 * {@link TlsPolicy} or does not match its pin. Nothing was sent.
 */
public class PhoneTlsException extends PhoneConnectException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param phone the phone, as {@code scheme://host:port}
   * @param operation what the SDK was doing
   * @param detail what happened, in a few words
   * @param cause the underlying error, or {@code null}
   */
  public PhoneTlsException(String phone, String operation, String detail, Throwable cause) {
    super(phone, operation, detail, cause);
  }
}
