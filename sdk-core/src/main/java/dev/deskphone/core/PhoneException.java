package dev.deskphone.core;

import java.util.Objects;

/**
 * The root of every error the SDK raises while talking to a phone. Unchecked; subtypes say what
 * happened. Every message names the phone and the operation and never contains a credential.
 *
 * <p>Invalid arguments are not {@code PhoneException}s: they fail with {@link
 * IllegalArgumentException} before any byte is sent.
 */
public class PhoneException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The phone, as {@code scheme://host:port}. */
  private final String phone;

  /** The operation that failed. */
  private final String operation;

  /**
   * Creates an exception.
   *
   * @param phone the phone, as {@code scheme://host:port}
   * @param operation what the SDK was doing, for example {@code "snom press"}
   * @param detail what happened, in a few words
   * @param cause the underlying error, or {@code null}
   */
  public PhoneException(String phone, String operation, String detail, Throwable cause) {
    super(operation + " on " + phone + ": " + detail, cause);
    this.phone = Objects.requireNonNull(phone, "phone");
    this.operation = Objects.requireNonNull(operation, "operation");
  }

  /** {@return the phone this error concerns, as {@code scheme://host:port}} */
  public String phone() {
    return phone;
  }

  /**
   * {@return the operation that failed, for example {@code "snom press"} or {@code "GET
   * /command.htm"}}
   */
  public String operation() {
    return operation;
  }
}
