package dev.deskphone.unify;

import dev.deskphone.core.TurnledResponse;
import java.util.Objects;

/**
 * What a Send URL server answers a key with. There are exactly three answers, and the phone's
 * documented empty-200 behaviour (the LED lights green for 2 seconds, then goes off) is only ever
 * sent when asked for with {@link #acknowledge()}, never by accident (a handler that returns null
 * or fails gets an error status, which the phone ignores).
 */
public sealed interface SendUrlReply {

  /**
   * Answer {@code 200} with the Turnled XML of {@code leds}.
   *
   * @param leds the LED instructions
   * @return the reply
   */
  static SendUrlReply leds(TurnledResponse leds) {
    return new Leds(leds);
  }

  /**
   * Answer {@code 200} with an empty {@code text/xml} body: the phone lights the key's LED green
   * for 2 seconds, then turns it off.
   *
   * @return the reply
   */
  static SendUrlReply acknowledge() {
    return Acknowledge.INSTANCE;
  }

  /**
   * Answer {@code 404}: no handler for this key. The phone changes nothing.
   *
   * @return the reply
   */
  static SendUrlReply unknownKey() {
    return UnknownKey.INSTANCE;
  }

  /**
   * Set the LEDs.
   *
   * @param turnleds the LED instructions
   */
  record Leds(TurnledResponse turnleds) implements SendUrlReply {
    /**
     * Checks the instructions are there.
     *
     * @param turnleds the LED instructions
     */
    public Leds {
      Objects.requireNonNull(turnleds, "turnleds");
    }
  }

  /** The phone's empty-200 "green for 2 seconds" acknowledgement. */
  enum Acknowledge implements SendUrlReply {
    /** The one instance. */
    INSTANCE
  }

  /** No handler for the key. */
  enum UnknownKey implements SendUrlReply {
    /** The one instance. */
    INSTANCE
  }
}
