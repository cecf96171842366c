package dev.deskphone.testkit;

import dev.deskphone.core.internal.Redaction;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a {@link FakeUnifyPhone}'s journal: a push it received, or a Send URL request it
 * sent, with the answer.
 *
 * @param at when it happened, by the fake's clock
 * @param kind which of the two
 * @param method the HTTP method
 * @param target the request target as on the wire: for a key request the full URI, for a push the
 *     path and query
 * @param requestBody the request body as text
 * @param status the answer's status; 0 if none came (the message is then in {@code responseBody})
 * @param responseBody the answer's body as text, or what went wrong
 */
public record FakeUnifyExchange(
    Instant at,
    Kind kind,
    String method,
    String target,
    String requestBody,
    int status,
    String responseBody) {

  /** What the exchange was. */
  public enum Kind {
    /** A push the fake received on its web server. */
    PUSH_RECEIVED,
    /** A Send URL request the fake sent for one of its keys. */
    KEY_REQUEST
  }

  /** Checks the parts are there. */
  public FakeUnifyExchange {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(requestBody, "requestBody");
    Objects.requireNonNull(responseBody, "responseBody");
  }

  /** The entry for logs, with password values shown as {@code ***}. */
  @Override
  public String toString() {
    int q = target.indexOf('?');
    String shown =
        q < 0 ? target : target.substring(0, q + 1) + Redaction.query(target.substring(q + 1));
    return kind + " " + method + " " + shown + " -> " + status;
  }
}
