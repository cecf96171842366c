package dev.deskphone.unify;

import dev.deskphone.core.internal.Checks;
import java.util.Objects;

/**
 * A Unify phone's answer to a push it accepted: a 2xx status and the body text it sent. The key's
 * request follows separately, from the phone to the key's server.
 *
 * @param phone the phone, as {@code scheme://host:port}
 * @param status the HTTP status, 200 to 299
 * @param body the answer's body as text (the phone's web page), possibly empty
 */
public record PushResult(String phone, int status, String body) {
  /**
   * Checks the parts.
   *
   * @param phone the phone
   * @param status the 2xx status
   * @param body the body text
   */
  public PushResult {
    Objects.requireNonNull(phone, "phone");
    Objects.requireNonNull(body, "body");
    if (status < 200 || status > 299) {
      throw new IllegalArgumentException("a push result has a 2xx status, was " + status);
    }
  }

  /** Phone, status and the start of the body, for logs. */
  @Override
  public String toString() {
    return "PushResult[" + phone + ", " + status + ", body=" + Checks.quote(body) + "]";
  }
}
