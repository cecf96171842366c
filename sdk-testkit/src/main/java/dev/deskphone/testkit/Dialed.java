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

  /**
   * Checks the parts.
   *
   * @param number the number as the phone decoded it, for example {@code "+4930123456"}
   * @param outgoingUri the identity to dial from, when given
   */
  public Dialed {
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(outgoingUri, "outgoingUri");
  }

  /**
   * {@return a number dialed without an outgoing URI}
   *
   * @param number the number as the phone decoded it, for example {@code "+4930123456"}
   */
  public static Dialed of(String number) {
    return new Dialed(number, Optional.empty());
  }

  /**
   * {@return a number dialed from {@code outgoingUri}}
   *
   * @param number the number as the phone decoded it, for example {@code "+4930123456"}
   * @param outgoingUri the identity to dial from, when given
   */
  public static Dialed of(String number, String outgoingUri) {
    return new Dialed(number, Optional.of(outgoingUri));
  }
}
