package dev.deskphone.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** The answers a fake snom phone gives, as {@link Action.Respond}s. Stateless. */
public final class SnomPages {
  private SnomPages() {}

  /** A small HTML page with {@code status}, {@code title} and {@code text}. */
  public static Action.Respond page(int status, String title, String text) {
    String html =
        "<html><head><title>"
            + escape(title)
            + "</title></head><body><p>"
            + escape(text)
            + "</p></body></html>\n";
    return new Action.Respond(
        status,
        reason(status),
        List.of(new HeaderField("Content-Type", "text/html; charset=utf-8")),
        html.getBytes(StandardCharsets.UTF_8),
        Duration.ZERO,
        false);
  }

  /** A 401 with one {@code WWW-Authenticate} header per challenge. */
  public static Action.Respond unauthorized(String title, List<String> challenges) {
    Action.Respond r = page(401, title, "Authentication required");
    for (String c : challenges) {
      r = r.header("WWW-Authenticate", c);
    }
    return r;
  }

  /** A 302 to {@code location}. */
  public static Action.Respond redirect(String title, String location) {
    return page(302, title, "Moved").header("Location", location);
  }

  private static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 302 -> "Found";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      default -> "Status";
    };
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
