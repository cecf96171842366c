package dev.deskphone.testkit.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters of one {@code Authorization: Digest ...} header, read by the fake itself: {@code
 * name=token} or {@code name="quoted \"string\""}, separated by commas, names case-insensitive,
 * spaces allowed around {@code =} and {@code ,}. Stateless.
 */
public final class DigestParamParser {
  private DigestParamParser() {}

  /**
   * The parameters after the scheme word, names in lower case.
   *
   * @return empty if the text is not a well-formed parameter list or names one twice
   */
  public static Optional<Map<String, String>> parse(String text) {
    Map<String, String> out = new HashMap<>();
    int i = 0;
    int n = text.length();
    while (true) {
      i = skip(text, i, " \t,");
      if (i >= n) {
        return Optional.of(out);
      }
      int eq = text.indexOf('=', i);
      if (eq < 0) {
        return Optional.empty();
      }
      String name = text.substring(i, eq).trim().toLowerCase(Locale.ROOT);
      i = skip(text, eq + 1, " \t");
      String value;
      if (i < n && text.charAt(i) == '"') {
        int start = ++i;
        StringBuilder escaped = null;
        for (; i < n && text.charAt(i) != '"'; i++) {
          if (text.charAt(i) == '\\' && i + 1 < n) {
            if (escaped == null) {
              escaped = new StringBuilder().append(text, start, i);
            }
            i++;
          }
          if (escaped != null) {
            escaped.append(text.charAt(i));
          }
        }
        if (i >= n) {
          return Optional.empty();
        }
        value = escaped == null ? text.substring(start, i) : escaped.toString();
        i++;
      } else {
        int start = i;
        while (i < n && text.charAt(i) != ',' && text.charAt(i) != ' ') {
          i++;
        }
        value = text.substring(start, i);
      }
      if (name.isEmpty() || out.put(name, value) != null) {
        return Optional.empty();
      }
      int next = skip(text, i, " \t");
      if (next < n && text.charAt(next) != ',') {
        return Optional.empty();
      }
      i = next;
    }
  }

  private static int skip(String text, int from, String chars) {
    int i = from;
    while (i < text.length() && chars.indexOf(text.charAt(i)) >= 0) {
      i++;
    }
    return i;
  }
}
