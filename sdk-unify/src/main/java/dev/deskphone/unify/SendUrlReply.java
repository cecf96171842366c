package dev.deskphone.unify;

import dev.deskphone.core.TurnledResponse;
import java.util.Objects;

/**
 * What a Send URL server answers a key with. There are exactly three answers, and the phone's
 * documented empty-200 behaviour (the LED lights green for 2 seconds, then goes off) is only ever
 * sent when asked for with {@link #acknowledge()}, never by accident (a handler that returns null
 * or fails gets an error status, which the phone ignores). Immutable and thread-safe.
 */
public final class SendUrlReply {
  private static final SendUrlReply ACKNOWLEDGE = new SendUrlReply(null, 200);
  private static final SendUrlReply UNKNOWN_KEY = new SendUrlReply(null, 404);

  private final TurnledResponse leds;
  private final int status;

  private SendUrlReply(TurnledResponse leds, int status) {
    this.leds = leds;
    this.status = status;
  }

  /**
   * Answer {@code 200} with the Turnled XML of {@code leds}.
   *
   * @param leds the LED instructions
   * @return the reply
   */
  public static SendUrlReply leds(TurnledResponse leds) {
    return new SendUrlReply(Objects.requireNonNull(leds, "leds"), 200);
  }

  /**
   * Answer {@code 200} with an empty {@code text/xml} body: the phone lights the key's LED green
   * for 2 seconds, then turns it off.
   *
   * @return the reply
   */
  public static SendUrlReply acknowledge() {
    return ACKNOWLEDGE;
  }

  /**
   * Answer {@code 404}: no handler for this key. The phone changes nothing.
   *
   * @return the reply
   */
  public static SendUrlReply unknownKey() {
    return UNKNOWN_KEY;
  }

  /** The LED instructions, or null for the acknowledgement and an unknown key. */
  TurnledResponse turnleds() {
    return leds;
  }

  /** The status it is answered with. */
  int status() {
    return status;
  }

  /** Two replies are equal when they answer alike. */
  @Override
  public boolean equals(Object o) {
    return o instanceof SendUrlReply r && status == r.status && Objects.equals(leds, r.leds);
  }

  @Override
  public int hashCode() {
    return 31 * status + Objects.hashCode(leds);
  }

  /** Which answer it is, such as {@code SendUrlReply[acknowledge]}. */
  @Override
  public String toString() {
    return "SendUrlReply["
        + (leds != null ? "leds " + leds : status == 200 ? "acknowledge" : "unknown key")
        + "]";
  }
}
