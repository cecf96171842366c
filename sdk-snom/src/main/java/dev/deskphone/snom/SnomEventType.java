package dev.deskphone.snom;

import java.util.Locale;
import java.util.Optional;

/**
 * The 25 action-URL events a snom phone documents: each is a phone setting that holds the URL the
 * phone sends a {@code GET} to when the event happens (settings as listed by symcon/Snom's {@code
 * deviceProperties.php}; the exact moment each fires is the phone's). The wire name is the short
 * token the SDK puts in the URLs it configures, such as {@code incoming}.
 */
public enum SnomEventType {
  /** A call comes in: the phone rings. */
  INCOMING("action_incoming_url"),
  /** The phone places a call. */
  OUTGOING("action_outgoing_url"),
  /**
   * The phone finished starting up ("Setup finished" in its web interface): after a boot it is
   * ready, with no call going on.
   */
  SETUP("action_setup_url"),
  /** A call is connected. */
  CONNECTED("action_connected_url"),
  /** A call ended. */
  DISCONNECTED("action_disconnected_url"),
  /** An incoming call was missed. */
  MISSED("action_missed_url"),
  /** The handset was lifted (or the phone went off hook another way). */
  OFFHOOK("action_offhook_url"),
  /** The handset was put down. */
  ONHOOK("action_onhook_url"),
  /** Do-not-disturb turned on. */
  DND_ON("action_dnd_on_url"),
  /** Do-not-disturb turned off. */
  DND_OFF("action_dnd_off_url"),
  /** Call forwarding turned on. */
  REDIRECTION_ON("action_redirection_on_url"),
  /** Call forwarding turned off. */
  REDIRECTION_OFF("action_redirection_off_url"),
  /** A call was put on hold. */
  HOLD("action_hold"),
  /** A call was taken off hold. */
  UNHOLD("action_unhold"),
  /** A call was transferred. */
  TRANSFER("action_transfer"),
  /** A call was transferred blind. */
  BLIND_TRANSFER("action_blind_transfer"),
  /** A call was transferred after consultation. */
  ATTENDED_TRANSFER("action_attended_transfer"),
  /** This phone received an attended transfer. */
  RECEIVED_ATTENDED_TRANSFER("action_received_attended_transfer"),
  /** An identity registered. */
  LOG_ON("action_log_on_url"),
  /** An identity unregistered. */
  LOG_OFF("action_log_off_url"),
  /** An identity failed to register. */
  REG_FAILED("action_reg_failed"),
  /** A key was held down long. */
  LONGPRESS("action_longpress_url"),
  /** A call from a blocked number came in. */
  BLACKLIST("action_blacklist_url"),
  /** The phone received a SIP NOTIFY for a subscription. */
  RECEIVED_SUBSCR_NOTIFY("action_received_subscr_notify_url"),
  /** The phone ran its firewall test. */
  FIREWALL_TEST("action_firewall_test");

  private static final SnomEventType[] VALUES = values();

  private final String setting;
  private final String wireName;

  SnomEventType(String setting) {
    this.setting = setting;
    this.wireName = name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * The phone setting that holds this event's URL, such as {@code action_incoming_url}.
   *
   * @return the setting's name
   */
  public String setting() {
    return setting;
  }

  /**
   * The token naming this event in the URLs the SDK configures, such as {@code dnd-on}.
   *
   * @return the wire name
   */
  public String wireName() {
    return wireName;
  }

  /**
   * The event a wire name stands for, if the SDK knows it.
   *
   * @param wireName the token, such as {@code dnd-on}
   * @return the event, or empty for an unknown name
   */
  public static Optional<SnomEventType> fromWireName(String wireName) {
    for (SnomEventType t : VALUES) {
      if (t.wireName.equals(wireName)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
