package dev.deskphone.unify.internal;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.deskphone.core.PhoneHeaders;
import dev.deskphone.core.PhoneResponse;
import dev.deskphone.core.internal.Checks;
import dev.deskphone.core.internal.Redaction;
import dev.deskphone.unify.SendUrlEndpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mounts a {@link SendUrlEndpoint} on the JDK HTTP server: enforces the request limits, reads the
 * body within the read deadline, answers and writes one INFO access-log line with secret values
 * shown as {@code ***}. Thread-safe.
 */
public final class SendUrlHttpHandler implements HttpHandler {
  private static final Logger ACCESS = LoggerFactory.getLogger("dev.deskphone.unify.access");

  private final String path;
  private final SendUrlEndpoint endpoint;
  private final ServerLimits limits;

  /** Answers requests for exactly {@code path} with {@code endpoint}. */
  public SendUrlHttpHandler(String path, SendUrlEndpoint endpoint, ServerLimits limits) {
    this.path = path;
    this.endpoint = endpoint;
    this.limits = limits;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    long start = System.nanoTime();
    int status = 0;
    try (exchange) {
      PhoneResponse answer = answer(exchange);
      status = answer == null ? 0 : answer.status();
      if (answer != null) {
        send(exchange, answer);
      }
    } finally {
      log(exchange, status, start);
    }
  }

  /** The answer, or null when the connection is to be dropped (read deadline passed). */
  private PhoneResponse answer(HttpExchange exchange) throws IOException {
    String target = exchange.getRequestURI().toString();
    if (target.length() > limits.maxRequestLine()) {
      return plain(414, "the request target is longer than " + limits.maxRequestLine());
    }
    Headers headers = exchange.getRequestHeaders();
    int fields = 0;
    long bytes = 0;
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      for (String v : e.getValue()) {
        fields++;
        bytes += e.getKey().length() + v.length() + 4;
      }
    }
    if (fields > limits.maxHeaders() || bytes > limits.maxHeaderBytes()) {
      return plain(431, "the request headers are too large");
    }
    if (!path.equals(exchange.getRequestURI().getRawPath())) {
      return plain(404, "no Send URL endpoint here");
    }
    String length = headers.getFirst("Content-Length");
    if (length != null && !length.isBlank() && parseLength(length) > limits.maxBodyBytes()) {
      return plain(413, "the body is larger than " + limits.maxBodyBytes() + " bytes");
    }
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readNBytes(limits.maxBodyBytes() + 1);
    }
    if (!ReadDeadlineExecutor.markRead()) {
      return null;
    }
    if (body.length > limits.maxBodyBytes()) {
      return plain(413, "the body is larger than " + limits.maxBodyBytes() + " bytes");
    }
    PhoneHeaders.Builder copy = PhoneHeaders.builder();
    String contentType = headers.getFirst("Content-Type");
    if (contentType != null) {
      try {
        copy.add("Content-Type", contentType);
      } catch (IllegalArgumentException e) {
        return plain(400, "the Content-Type header has a character not allowed");
      }
    }
    return endpoint.handle(
        exchange.getRequestMethod(), exchange.getRequestURI().getRawQuery(), copy.build(), body);
  }

  private static long parseLength(String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }

  private static void send(HttpExchange exchange, PhoneResponse answer) throws IOException {
    Headers out = exchange.getResponseHeaders();
    answer.headers().forEach(out::add);
    byte[] body = answer.body();
    exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream os = exchange.getResponseBody()) {
        os.write(body);
      }
    }
  }

  private static PhoneResponse plain(int status, String message) {
    return PhoneResponse.of(
        status,
        PhoneHeaders.of("Content-Type", "text/plain; charset=UTF-8", "Connection", "close"),
        (message + "\n").getBytes(StandardCharsets.UTF_8));
  }

  private static void log(HttpExchange exchange, int status, long start) {
    if (ACCESS.isInfoEnabled()) {
      ACCESS.info(
          accessLine(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getRawPath(),
              exchange.getRequestURI().getRawQuery(),
              exchange.getRemoteAddress().getAddress().getHostAddress(),
              status,
              (System.nanoTime() - start) / 1_000_000));
    }
  }

  /**
   * One access-log line: {@code Send URL GET "/?userid=u&password=***&symbn=K" from 10.0.0.7: 200
   * in 3 ms}. Secret-looking query values are {@code ***}; control characters are escaped.
   */
  static String accessLine(
      String method, String rawPath, String rawQuery, String client, int status, long millis) {
    String target = rawPath + (rawQuery == null ? "" : "?" + Redaction.query(rawQuery));
    return "Send URL "
        + Checks.escape(method)
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
