package dev.deskphone.core.server;

import dev.deskphone.core.internal.Checks;
import dev.deskphone.core.internal.Redaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access log of every {@link EndpointServer}: one INFO line per request on logger {@value
 * #NAME}, with secret-looking query values shown as {@code ***}. Stateless.
 */
final class AccessLog {
  static final String NAME = "dev.deskphone.server.access";

  private static final Logger ACCESS = LoggerFactory.getLogger(NAME);

  private AccessLog() {}

  /** A request that was read: answered with {@code status}, or dropped if it is 0. */
  static void served(RequestHead head, String client, int status, long startNanos) {
    if (ACCESS.isInfoEnabled()) {
      ACCESS.info(
          line(
              head.method(),
              head.rawPath(),
              head.rawQuery(),
              client,
              status,
              (System.nanoTime() - startNanos) / 1_000_000));
    }
  }

  /** A request refused before its line and headers were read whole. */
  static void refused(String client, int status, String reason) {
    if (ACCESS.isInfoEnabled()) {
      ACCESS.info("request from {}: {} ({})", client, status, reason);
    }
  }

  /**
   * One line: {@code GET "/keys?userid=u&password=***&symbn=K" from 10.0.0.7: 200 in 3 ms}.
   * Secret-looking query values are {@code ***}; control characters are escaped.
   */
  static String line(
      String method, String rawPath, String rawQuery, String client, int status, long millis) {
    String target = rawPath + (rawQuery == null ? "" : "?" + Redaction.query(rawQuery));
    return Checks.escape(method)
        + " "
        + Checks.quote(target)
        + " from "
        + client
        + ": "
        + (status == 0 ? "dropped" : Integer.toString(status))
        + " in "
        + millis
        + " ms";
  }
}
