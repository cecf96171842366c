package dev.deskphone.core.server;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which endpoint answers a raw path: an exact path ({@code /keys}) matches itself alone; a path
 * ending in {@code /*} ({@code /events/*}) matches the part before {@code /*} and every path below
 * it, as a servlet mapping does. An exact match wins, then the longest prefix. Immutable.
 */
final class Routes {
  private final Map<String, PhoneEndpoint> exact;
  private final List<Map.Entry<String, PhoneEndpoint>> prefixes;

  private Routes(
      Map<String, PhoneEndpoint> exact, List<Map.Entry<String, PhoneEndpoint>> prefixes) {
    this.exact = exact;
    this.prefixes = prefixes;
  }

  /** Routes for endpoints by the paths they were added at. */
  static Routes of(Map<String, PhoneEndpoint> byPath) {
    Map<String, PhoneEndpoint> exact = new HashMap<>();
    List<Map.Entry<String, PhoneEndpoint>> prefixes = new ArrayList<>();
    byPath.forEach(
        (path, endpoint) -> {
          if (isPrefix(path)) {
            prefixes.add(Map.entry(path.substring(0, path.length() - 2), endpoint));
          } else {
            exact.put(path, endpoint);
          }
        });
    prefixes.sort(
        Comparator.comparingInt((Map.Entry<String, PhoneEndpoint> e) -> e.getKey().length())
            .reversed());
    return new Routes(Map.copyOf(exact), List.copyOf(prefixes));
  }

  /** Whether {@code path} was added as a prefix, ending in {@code /*}. */
  static boolean isPrefix(String path) {
    return path.endsWith("/*");
  }

  /** The endpoint for {@code rawPath}, or null for none. */
  PhoneEndpoint find(String rawPath) {
    PhoneEndpoint endpoint = exact.get(rawPath);
    if (endpoint != null) {
      return endpoint;
    }
    for (Map.Entry<String, PhoneEndpoint> prefix : prefixes) {
      String p = prefix.getKey();
      if (rawPath.startsWith(p)
          && (rawPath.length() == p.length() || rawPath.charAt(p.length()) == '/')) {
        return prefix.getValue();
      }
    }
    return null;
  }
}
