package dev.deskphone.core;

import dev.deskphone.core.internal.Checks;
import java.util.Optional;

/**
 * The phone answered with a redirect ({@code 3xx}) the operation does not expect. The SDK never
 * follows redirects: {@link #location()} says where it pointed.
 */
public class PhoneRedirectException extends PhoneResponseException {
  private static final long serialVersionUID = 1L;

  /** Where the redirect pointed. */
  private final String location;

  /**
   * Creates an exception.
   *
   * @param phone the phone, as {@code scheme://host:port}
   * @param operation what the SDK was doing
   * @param status the 3xx status
   * @param location the {@code Location} header as the phone sent it, or {@code null}
   */
  public PhoneRedirectException(String phone, String operation, int status, String location) {
    super(
        phone,
        operation,
        status,
        location == null
            ? "redirect without a Location, not followed"
            : "redirect to " + Checks.quote(location) + ", not followed",
        null);
    this.location = location;
  }

  /** {@return where the redirect pointed, as the phone wrote it} */
  public Optional<String> location() {
    return Optional.ofNullable(location);
  }
}
