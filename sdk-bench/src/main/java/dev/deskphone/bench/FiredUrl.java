package dev.deskphone.bench;

import java.net.URI;

/**
 * What a snom phone sends when an action URL fires: the request target of the configured URL with
 * its {@code $name} tokens replaced by the phone's values. Values are plain ASCII as a phone writes
 * them, but the display name, whose space is percent-encoded, so that the SDK's decoding runs.
 */
final class FiredUrl {
  private FiredUrl() {}

  /**
   * The request target (path and query) {@code actionUrl} becomes for phone number {@code n} and
   * call {@code callId}, with {@code ongoing} calls.
   */
  static String target(String actionUrl, int n, String callId, int ongoing) {
    URI url = URI.create(actionUrl);
    return (url.getRawPath() + "?" + url.getRawQuery())
        .replace("$phone_ip", ip(n))
        .replace("$mac", String.format("000413%06X", n))
        .replace("$call-id", callId)
        .replace("$local", "1" + (n % 1000) + "@pbx.example")
        .replace("$remote", "+4930" + (1_000_000 + n) + "@pbx.example")
        .replace("$display_remote", "Alice%20Smith")
        .replace("$nr_ongoing_calls", Integer.toString(ongoing))
        .replace("$cancel_reason", "");
  }

  /** Phone number {@code n}'s address, which is also its id in the harnesses. */
  static String ip(int n) {
    return "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
  }

  /** A call id as long as a snom phone's (about 30 characters). */
  static String callId(int n, int call) {
    return String.format(
        "%08x-%04x-call@10.%d.%d.%d", n * 7919, call, n >> 16 & 255, n >> 8 & 255, n & 255);
  }
}
