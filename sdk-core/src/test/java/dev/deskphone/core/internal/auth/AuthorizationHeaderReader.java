package dev.deskphone.core.internal.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an {@code Authorization} header value in the tests, strictly and independently of the
 * production parser: {@code Scheme name=value, name="quoted", ...} and nothing else.
 */
final class AuthorizationHeaderReader {
  private static final Pattern SCHEME = Pattern.compile("([A-Za-z]+) ");
  private static final Pattern PARAM =
      Pattern.compile(
          "\\G(?:, )?([A-Za-z0-9*-]+)=(\"((?:[^\"\\\\\\r\\n]|\\\\[^\\r\\n])*)\"|[^\",\\s]+)");

  private AuthorizationHeaderReader() {}

  /** The params of the header in order, names as sent, quoted values unescaped. */
  static List<Map.Entry<String, String>> params(String header) {
    Matcher scheme = SCHEME.matcher(header);
    if (!scheme.lookingAt()) {
      throw new AssertionError("no scheme in " + header);
    }
    List<Map.Entry<String, String>> params = new ArrayList<>();
    Matcher m = PARAM.matcher(header);
    m.region(scheme.end(), header.length());
    int end = scheme.end();
    while (m.find()) {
      String value = m.group(3) != null ? m.group(3).replaceAll("\\\\(.)", "$1") : m.group(2);
      params.add(Map.entry(m.group(1), value));
      end = m.end();
    }
    if (end != header.length()) {
      throw new AssertionError("unparsed rest at " + end + " of " + header);
    }
    return params;
  }

  /** The names of the params, in order. */
  static List<String> names(String header) {
    return params(header).stream().map(Map.Entry::getKey).toList();
  }

  /** The value of the one param {@code name}; fails if it is absent or repeated. */
  static String value(String header, String name) {
    List<String> values =
        params(header).stream()
            .filter(e -> e.getKey().equals(name))
            .map(Map.Entry::getValue)
            .toList();
    if (values.size() != 1) {
      throw new AssertionError(values.size() + " params named " + name + " in " + header);
    }
    return values.get(0);
  }
}
