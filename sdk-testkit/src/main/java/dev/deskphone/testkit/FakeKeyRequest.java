package dev.deskphone.testkit;

import dev.deskphone.core.internal.Redaction;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One Send URL request a {@link FakeUnifyPhone}'s key sent, pressed or fired by a push, exactly as
 * it went on the wire, and what came back. Recorded once the answer was applied to the key's LED.
 * Immutable.
 *
 * @param sequence its place among the fake's key requests, 1-based, in the order they were recorded
 * @param symbolicName the key that sent it
 * @param pushed whether a push fired it (rather than {@link FakeUnifyPhone#pressKey})
 * @param method {@code GET} or {@code POST}
 * @param uri the URI as sent; for a GET with every parameter in its raw query
 * @param body the form body of a POST as sent; empty for a GET
 * @param sentAt when it was sent, by the fake's clock
 * @param status the answer's status; empty if no answer came
 * @param answer the answer's body as text; if no answer came, what went wrong
 */
public record FakeKeyRequest(
    int sequence,
    String symbolicName,
    boolean pushed,
    String method,
    URI uri,
    String body,
    Instant sentAt,
    OptionalInt status,
    String answer) {

  /**
   * Checks the parts are there.
   *
   * @param sequence its place among the fake's key requests, 1-based, in the order they were
   *     recorded
   * @param symbolicName the key that sent it
   * @param pushed whether a push fired it (rather than {@link FakeUnifyPhone#pressKey})
   * @param method {@code GET} or {@code POST}
   * @param uri the URI as sent; for a GET with every parameter in its raw query
   * @param body the form body of a POST as sent; empty for a GET
   * @param sentAt when it was sent, by the fake's clock
   * @param status the answer's status; empty if no answer came
   * @param answer the answer's body as text; if no answer came, what went wrong
   */
  public FakeKeyRequest {
    Objects.requireNonNull(symbolicName, "symbolicName");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(sentAt, "sentAt");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(answer, "answer");
  }

  /**
   * Sequence, method, URI (a password's value shown as {@code ***}), key and status, for logs and
   * failure messages; never the body, which may hold the password.
   */
  @Override
  public String toString() {
    String query = uri.getRawQuery();
    String shown =
        query == null ? uri.toString() : uri.toString().replace(query, Redaction.query(query));
    return "#"
        + sequence
        + " "
        + method
        + " "
        + shown
        + " ("
        + symbolicName
        + (pushed ? ", pushed" : "")
        + ") -> "
        + (status.isPresent() ? Integer.toString(status.getAsInt()) : "no answer");
  }
}
