package dev.deskphone.snom;

/**
 * A runtime variable the SDK asks a snom phone to fill in an action URL: the short query parameter
 * that carries it and the {@code $name} token the phone replaces (doc: wiki.snom.com
 * Action_URLs/Runtime_Variables; {@code $mac} is a setting used as a static variable). Names are
 * short because phones may limit a setting's length (unverified).
 */
enum EventVariable {
  PHONE_IP("ip", "$phone_ip"),
  MAC("mac", "$mac"),
  CALL_ID("cid", "$call-id"),
  LOCAL("l", "$local"),
  REMOTE("r", "$remote"),
  DISPLAY_REMOTE("dr", "$display_remote"),
  ONGOING_CALLS("n", "$nr_ongoing_calls"),
  CANCEL_REASON("cr", "$cancel_reason"),
  ACTIVE_USER("u", "$active_user"),
  LONGPRESS_KEY("k", "$longpress_key");

  private final String parameter;
  private final String token;

  EventVariable(String parameter, String token) {
    this.parameter = parameter;
    this.token = token;
  }

  /** The query parameter that carries the value, such as {@code r}. */
  String parameter() {
    return parameter;
  }

  /** The token the phone replaces, such as {@code $remote}. */
  String token() {
    return token;
  }
}
