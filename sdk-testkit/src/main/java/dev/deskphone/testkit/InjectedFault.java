package dev.deskphone.testkit;

import java.util.Objects;

/**
 * A fault a fake phone injected, as {@link Faults#injected()} lists it. Immutable.
 *
 * @param fault what it did
 * @param sequence the request's place among all requests the fake read, 1-based; for a {@linkplain
 *     Fault#beforeReading() connection fault} the place the unread request would have had
 * @param connection which connection, 1-based
 * @param indexOnConnection the request's place on that connection, 1-based
 */
public record InjectedFault(Fault fault, int sequence, int connection, int indexOnConnection) {
  /**
   * Checks the parts.
   *
   * @param fault what it did
   * @param sequence the request's place among all requests the fake read, 1-based; for a
   *     {@linkplain Fault#beforeReading() connection fault} the place the unread request would have
   *     had
   * @param connection which connection, 1-based
   * @param indexOnConnection the request's place on that connection, 1-based
   */
  public InjectedFault {
    Objects.requireNonNull(fault, "fault");
  }
}
