package dev.deskphone.testkit;

import dev.deskphone.core.internal.Redaction;
import dev.deskphone.snom.SnomEventType;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An action URL a fake snom phone fired (or, by an {@link EventFaults} fault, did not).
 *
 * @param sequence 1-based, in the order the events happened on the phone (a delayed event keeps its
 *     number and is sent later)
 * @param event the event
 * @param url the URL, its {@code $variables} replaced as the phone replaced them ({@code
 *     about:invalid} if that is no URL)
 * @param firedAt when it was sent (or dropped), on the system clock
 * @param outcome what came of it
 * @param status the answer's status, if one came
 * @param failure why no answer came, if none did
 */
public record FiredEvent(
    long sequence,
    SnomEventType event,
    URI url,
    Instant firedAt,
    Outcome outcome,
    OptionalInt status,
    Optional<String> failure) {

  /** What came of a fired event. */
  public enum Outcome {
    /** Sent, and answered with {@link #status()}. */
    ANSWERED,
    /** Sent, and no answer came ({@link #failure()} says why). */
    FAILED,
    /** Not sent: a fault dropped it. */
    DROPPED
  }

  /**
   * Checks.
   *
   * @param sequence 1-based, in the order the events happened on the phone (a delayed event keeps
   *     its number and is sent later)
   * @param event the event
   * @param url the URL, its {@code $variables} replaced as the phone replaced them ({@code
   *     about:invalid} if that is no URL)
   * @param firedAt when it was sent (or dropped), on the system clock
   * @param outcome what came of it
   * @param status the answer's status, if one came
   * @param failure why no answer came, if none did
   */
  public FiredEvent {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(firedAt, "firedAt");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(failure, "failure");
  }

  /**
   * Event, outcome and URL without user-info, secret-looking query values (such as {@code sig})
   * shown as ***.
   */
  @Override
  public String toString() {
    return "#"
        + sequence
        + " "
        + event
        + " "
        + outcome
        + (status.isPresent() ? " " + status.getAsInt() : "")
        + " "
        + (url.getHost() == null
            ? url.getScheme() + ":"
            : url.getScheme()
                + "://"
                + url.getHost()
                + (url.getPort() < 0 ? "" : ":" + url.getPort())
                + Redaction.target(url))
        + failure.map(f -> " (" + f + ")").orElse("");
  }
}
