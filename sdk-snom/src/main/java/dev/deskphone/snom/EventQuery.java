package dev.deskphone.snom;

import dev.deskphone.core.internal.Checks;
import dev.deskphone.core.internal.QueryParts;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the query of an action-URL request into its parameters, in order. A phone puts the values
 * it fills into the URL as they are (wiki.snom.com says nothing of encoding): {@code %XX} is
 * decoded, and {@code +} stays a plus, unlike a form, because a raw number such as {@code +4930123}
 * must not turn into a space. Bytes that are not UTF-8 once decoded become U+FFFD. Empty segments
 * ({@code a=1&&b=2}) are skipped; a segment without {@code =} has an empty value.
 *
 * <p>Refused with {@link IllegalArgumentException} (the endpoint's {@code 400}): a query longer
 * than {@value #MAX_QUERY_LENGTH} characters, more than {@value #MAX_PARAMETERS} parameters, a name
 * over {@value #MAX_NAME_LENGTH} or a value over {@value #MAX_VALUE_LENGTH} characters, an empty
 * name, a {@code %} not followed by two hex digits, a name that appears twice. Messages name
 * parameters, never values (one may be the secret). Stateless.
 */
final class EventQuery {
  static final int MAX_QUERY_LENGTH = 4096;
  static final int MAX_PARAMETERS = 32;
  static final int MAX_NAME_LENGTH = 32;
  static final int MAX_VALUE_LENGTH = 1024;

  private EventQuery() {}

  /** The parameters of a raw query, decoded, in the order they came. */
  static Map<String, String> parse(String raw) {
    if (raw.length() > MAX_QUERY_LENGTH) {
      throw new IllegalArgumentException(
          "the query must be at most " + MAX_QUERY_LENGTH + " characters, was " + raw.length());
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String segment : QueryParts.segments(raw, MAX_PARAMETERS)) {
      add(parameters, segment);
    }
    return parameters;
  }

  private static void add(Map<String, String> parameters, String segment) {
    int eq = segment.indexOf('=');
    String name = decode(eq < 0 ? segment : segment.substring(0, eq), null);
    if (name.isEmpty()) {
      throw new IllegalArgumentException("a parameter has an empty name");
    }
    if (name.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException(
          "a parameter name must be at most " + MAX_NAME_LENGTH + " characters");
    }
    String value = eq < 0 ? "" : decode(segment.substring(eq + 1), name);
    if (value.length() > MAX_VALUE_LENGTH) {
      throw new IllegalArgumentException(
          "parameter "
              + Checks.quote(name)
              + " must be at most "
              + MAX_VALUE_LENGTH
              + " characters once decoded");
    }
    if (parameters.putIfAbsent(name, value) != null) {
      throw new IllegalArgumentException(
          "parameter " + Checks.quote(name) + " appears more than once");
    }
  }

  /** Decodes a parameter's name ({@code name} null) or the value of parameter {@code name}. */
  private static String decode(String raw, String name) {
    if (raw.indexOf('%') < 0) {
      return raw;
    }
    try {
      // The target is ASCII (EndpointRequest refuses anything else), and '+' stays a plus.
      return new String(QueryParts.decode(raw, false), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          (name == null ? "a parameter name" : "parameter " + Checks.quote(name))
              + " has "
              + e.getMessage());
    }
  }
}
