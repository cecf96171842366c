package dev.deskphone.snom;

import dev.deskphone.core.internal.Checks;
import dev.deskphone.core.internal.PercentEncoding;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The action URLs the SDK configures: the public base, then {@code e} (the event's wire name),
 * {@code p} (the phone id), {@code sig} (the phone's secret) and the event's variables as {@code
 * $name} tokens. Which variables a phone fills for which event is unverified, so every call event
 * carries the same call set. Stateless.
 */
final class EventUrls {
  static final String EVENT = "e";
  static final String PHONE = "p";
  static final String SECRET = "sig";
  static final int MAX_PHONE_ID_LENGTH = 64;

  private static final List<EventVariable> CALL =
      List.of(
          EventVariable.PHONE_IP,
          EventVariable.MAC,
          EventVariable.CALL_ID,
          EventVariable.LOCAL,
          EventVariable.REMOTE,
          EventVariable.DISPLAY_REMOTE,
          EventVariable.ONGOING_CALLS);
  private static final List<EventVariable> CALL_ENDED =
      Stream.concat(CALL.stream(), Stream.of(EventVariable.CANCEL_REASON)).toList();
  private static final List<EventVariable> LONGPRESS =
      List.of(EventVariable.PHONE_IP, EventVariable.MAC, EventVariable.LONGPRESS_KEY);
  private static final List<EventVariable> PHONE_STATE =
      List.of(EventVariable.PHONE_IP, EventVariable.MAC, EventVariable.ACTIVE_USER);
  private static final Set<SnomEventType> CALL_EVENTS =
      EnumSet.of(
          SnomEventType.INCOMING,
          SnomEventType.OUTGOING,
          SnomEventType.CONNECTED,
          SnomEventType.OFFHOOK,
          SnomEventType.ONHOOK,
          SnomEventType.HOLD,
          SnomEventType.UNHOLD,
          SnomEventType.TRANSFER,
          SnomEventType.BLIND_TRANSFER,
          SnomEventType.ATTENDED_TRANSFER,
          SnomEventType.RECEIVED_ATTENDED_TRANSFER,
          SnomEventType.BLACKLIST);

  private EventUrls() {}

  /** The variables the URL for {@code type} asks the phone for, in URL order. */
  static List<EventVariable> variables(SnomEventType type) {
    if (type == SnomEventType.DISCONNECTED || type == SnomEventType.MISSED) {
      return CALL_ENDED;
    }
    if (CALL_EVENTS.contains(type)) {
      return CALL;
    }
    return type == SnomEventType.LONGPRESS ? LONGPRESS : PHONE_STATE;
  }

  /** The URL for one phone and event; {@code base} and {@code phone} are already checked. */
  static String url(URI base, String phone, String secret, SnomEventType type) {
    StringBuilder url =
        new StringBuilder(base.toASCIIString())
            .append('?')
            .append(EVENT)
            .append('=')
            .append(type.wireName())
            .append('&')
            .append(PHONE)
            .append('=')
            .append(phone)
            .append('&')
            .append(SECRET)
            .append('=')
            .append(secret);
    for (EventVariable v : variables(type)) {
      url.append('&').append(v.parameter()).append('=').append(v.token());
    }
    return url.toString();
  }

  /** Whether {@code phone} is a phone id: 1 to 64 ASCII letters, digits and {@code . - _ :}. */
  static boolean isPhoneId(String phone) {
    if (phone.isEmpty() || phone.length() > MAX_PHONE_ID_LENGTH) {
      return false;
    }
    for (int i = 0; i < phone.length(); i++) {
      char c = phone.charAt(i);
      if (!(c == ':' || (c != '~' && PercentEncoding.isUnreserved(c)))) {
        return false;
      }
    }
    return true;
  }

  /** Checks a phone id, with a message that says what is allowed. */
  static String checkPhoneId(String phone) {
    Objects.requireNonNull(phone, "phone");
    if (!isPhoneId(phone)) {
      throw new IllegalArgumentException(
          "phone id must be 1 to "
              + MAX_PHONE_ID_LENGTH
              + " ASCII letters, digits and . - _ : (such as the phone's host, an IPv6 address"
              + " without brackets), was "
              + Checks.quote(phone));
    }
    return phone;
  }

  /**
   * Checks the public base the phones reach the endpoint at: an absolute http or https URI with a
   * host, without user-info, query, fragment or {@code $}.
   *
   * @return the base, with path {@code /} if it had none
   */
  static URI checkBase(URI base) {
    Objects.requireNonNull(base, "publicBase");
    String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
    String rule =
        "the public base must be an absolute http or https URI with a host, without user-info,"
            + " query, fragment or '$', such as http://pbx.example:8080/snom/events";
    String authority = base.getRawAuthority();
    boolean ok =
        (scheme.equals("http") || scheme.equals("https"))
            && !base.isOpaque()
            && base.getHost() != null
            && base.getRawUserInfo() == null
            && (authority == null || authority.indexOf('@') < 0)
            && base.getRawQuery() == null
            && base.getRawFragment() == null
            && base.toASCIIString().indexOf('$') < 0;
    if (!ok) {
      boolean userInfo =
          base.getRawUserInfo() != null || (authority != null && authority.indexOf('@') >= 0);
      throw new IllegalArgumentException(
          rule
              + ", was "
              + (userInfo ? "a URI with user-info (not shown)" : Checks.quote(base.toString())));
    }
    String path = base.getRawPath();
    return path == null || path.isEmpty() ? base.resolve("/") : base;
  }
}
