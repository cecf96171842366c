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

  /** A raw {@code a=1&b=2} query or form body with secret values replaced by {@code ***}. */
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
      } else {
        sb.append(pair);
      }
    }
    return sb.toString();
  }

  /** Whether a parameter called {@code name} (raw, possibly percent-encoded) holds a secret. */
  public static boolean isSecretName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return SECRET_NAMES.contains(n) || n.contains("password") || n.contains("secret");
  }
}
