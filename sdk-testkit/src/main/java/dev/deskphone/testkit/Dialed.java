package dev.deskphone.testkit;

import java.util.Objects;
import java.util.Optional;

/**
 * One call a {@link FakeSnomPhone} was asked to dial, from {@code
 * command.htm?number=NUMBER&outgoing_uri=URI}. Immutable.
 *
 * @param number the number as the phone decoded it, for example {@code "+4930123456"}
 * @param outgoingUri the identity to dial from, when given
 */
public record Dialed(String number, Optional<String> outgoingUri) {

  /** Checks the parts. */
  public Dialed {
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(outgoingUri, "outgoingUri");
  }

  /** A number dialed without an outgoing URI. */
  public static Dialed of(String number) {
    return new Dialed(number, Optional.empty());
  }

  /** A number dialed from {@code outgoingUri}. */
  public static Dialed of(String number, String outgoingUri) {
    return new Dialed(number, Optional.of(outgoingUri));
  }
}
