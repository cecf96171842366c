package dev.deskphone.core.internal;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/** Removes secrets from request targets before they reach a log line or a message. */
public final class Redaction {
  private static final Set<String> SECRET_NAMES =
      Set.of(
          "password",
          "passwd",
          "pwd",
          "pass",
          "secret",
          "token",
          "auth",
          "pin",
          "sig",
          "signature");

  private Redaction() {}

  /**
   * The URI's path and query with the value of every query parameter whose name looks like a secret
   * ({@code password}, {@code pwd}, {@code token}, {@code sig}...) replaced by {@code ***}.
   */
  public static String target(URI uri) {
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String query = uri.getRawQuery();
    return query == null ? path : path + "?" + query(query);
  }

  /**
   * A raw {@code a=1&b=2} query or form body with secret values replaced by {@code ***}, also where
   * a value is itself a percent-encoded URL or query ({@code url=http%3A%2F%2Fh%2F%3Ftoken%3Dabc},
   * as when a URL is written as a setting).
   */
  public static String query(String rawQuery) {
    StringBuilder sb = new StringBuilder(rawQuery.length());
    String[] pairs = rawQuery.split("&", -1);
    for (int i = 0; i < pairs.length; i++) {
      String pair = pairs[i];
      if (i > 0) {
        sb.append('&');
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      if (eq >= 0 && isSecretName(name)) {
        sb.append(name).append("=***");
      } else if (eq >= 0) {
        sb.append(pair, 0, eq + 1).append(nested(pair.substring(eq + 1)));
      } else {
        sb.append(pair);
      }
    }
    return sb.toString();
  }

  /**
   * A value with the secret values of an encoded query inside it ({@code %3D} after a
   * secret-looking name, up to the next {@code %26}) replaced by {@code ***}.
   */
  private static String nested(String rawValue) {
    String lower = rawValue.toLowerCase(Locale.ROOT);
    if (!lower.contains("%3d")) {
      return rawValue;
    }
    StringBuilder out = new StringBuilder(rawValue.length());
    int at = 0;
    while (at < rawValue.length()) {
      int eq = lower.indexOf("%3d", at);
      if (eq < 0) {
        out.append(rawValue, at, rawValue.length());
        break;
      }
      int start = Math.max(at, Math.max(after(lower, "%26", eq), after(lower, "%3f", eq)));
      int end = lower.indexOf("%26", eq + 3);
      end = end < 0 ? rawValue.length() : end;
      out.append(rawValue, at, eq + 3);
      out.append(
          isSecretName(rawValue.substring(start, eq)) ? "***" : rawValue.substring(eq + 3, end));
      at = end;
    }
    return out.toString();
  }

  /** Where the name after the last {@code mark} before {@code before} starts, or 0 if none. */
  private static int after(String s, String mark, int before) {
    int i = s.lastIndexOf(mark, before - 1);
    return i < 0 ? 0 : i + mark.length();
  }

  /**
   * Whether a parameter called {@code name} (raw, possibly percent-encoded) holds a secret: a name
   * such as {@code password}, {@code pwd} or {@code token}, one containing {@code password} or
   * {@code secret}, or one with such a word between underscores, an index after it allowed (the
   * snom settings {@code user_pass1}, {@code http_pass}).
   */
  public static boolean isSecretName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (SECRET_NAMES.contains(n) || n.contains("password") || n.contains("secret")) {
      return true;
    }
    for (String part : n.split("_", -1)) {
      int end = part.length();
      while (end > 0 && Character.isDigit(part.charAt(end - 1))) {
        end--;
      }
      if (SECRET_NAMES.contains(part.substring(0, end))) {
        return true;
      }
    }
    return false;
  }
}
