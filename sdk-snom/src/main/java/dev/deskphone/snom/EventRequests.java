package dev.deskphone.snom;

import dev.deskphone.core.internal.Checks;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * From the parameters of an action-URL request to a verified {@link SnomEvent}: whether the request
 * carries its phone's secret, and which values the phone filled. Stateless.
 */
final class EventRequests {
  /**
   * What a phone leaves for a variable it does not replace: {@code $remote}, {@code
   * $sip_header(X)}.
   */
  private static final Pattern UNREPLACED =
      Pattern.compile("\\$[A-Za-z][A-Za-z0-9_-]*(\\([^)]*\\))?");

  private static final Pattern COUNT = Pattern.compile("[0-9]{1,9}");

  private EventRequests() {}

  /**
   * Why the request is refused as forged, or null if it carries its phone's secret. Takes the
   * secret out of {@code parameters} either way.
   *
   * @return a reason for the log, which never shows the secret
   */
  static String refusal(Map<String, String> parameters, EventSecrets secrets) {
    String phone = parameters.get(EventUrls.PHONE);
    String secret = parameters.remove(EventUrls.SECRET);
    if (phone == null) {
      return "no phone id";
    }
    if (!EventUrls.isPhoneId(phone)) {
      return "not a phone id: " + Checks.quote(phone);
    }
    if (secret == null) {
      return "no secret for phone " + phone;
    }
    return secrets.matches(phone, secret) ? null : "wrong secret for phone " + phone;
  }

  /**
   * The event of a verified request: values that are empty or still a {@code $name} token are left
   * out, the accessors read the values of the SDK's parameters.
   */
  static SnomEvent event(
      String eventName,
      Map<String, String> parameters,
      Instant receivedAt,
      InetSocketAddress peer) {
    Map<String, String> filled = new LinkedHashMap<>();
    parameters.forEach(
        (name, value) -> {
          if (!value.isEmpty() && !UNREPLACED.matcher(value).matches()) {
            filled.put(name, value);
          }
        });
    String count = filled.get(EventVariable.ONGOING_CALLS.parameter());
    return new SnomEvent(
        filled.get(EventUrls.PHONE),
        eventName,
        filled.get(EventVariable.CALL_ID.parameter()),
        filled.get(EventVariable.LOCAL.parameter()),
        filled.get(EventVariable.REMOTE.parameter()),
        filled.get(EventVariable.DISPLAY_REMOTE.parameter()),
        count != null && COUNT.matcher(count).matches() ? Integer.valueOf(count) : null,
        filled.get(EventVariable.PHONE_IP.parameter()),
        filled.get(EventVariable.MAC.parameter()),
        filled,
        receivedAt,
        peer);
  }
}
