package dev.deskphone.snom;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Map;

/**
 * Does to a configured action URL what a snom phone does when the event fires: replaces each {@code
 * $name} token it has a value for, and leaves the others as they are (what a phone puts for a
 * variable it cannot fill is unverified: empty or the token). Plain text work on the URL, so that a
 * mistake in the SDK's URL building cannot hide by being mirrored here.
 */
final class FiringPhone {
  private FiringPhone() {}

  /** Replaces the tokens with their values, percent-encoded as UTF-8 (a space as %20). */
  static String fire(String url, Map<String, String> values) {
    return replace(url, values, true);
  }

  /** Replaces the tokens with their values as they are, as a phone that does not encode would. */
  static String fireRaw(String url, Map<String, String> values) {
    return replace(url, values, false);
  }

  private static String replace(String url, Map<String, String> values, boolean encode) {
    String out = url;
    // Longest first, so that no token is replaced inside a longer one.
    for (Map.Entry<String, String> v :
        values.entrySet().stream()
            .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> -e.getKey().length()))
            .toList()) {
      String value =
          encode
              ? URLEncoder.encode(v.getValue(), StandardCharsets.UTF_8).replace("+", "%20")
              : v.getValue();
      out = out.replace(v.getKey(), value);
    }
    return out;
  }

  /** The request target (path and query) of an absolute URL. */
  static String target(String url) {
    int path = url.indexOf('/', url.indexOf("//") + 2);
    return url.substring(path);
  }
}
