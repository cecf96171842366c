package dev.deskphone.unify.internal;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.deskphone.core.PhoneHeaders;
import dev.deskphone.core.PhoneResponse;
import dev.deskphone.core.internal.Checks;
import dev.deskphone.core.internal.DeadlineInterrupt;
import dev.deskphone.core.internal.Deadlines;
import dev.deskphone.core.internal.Redaction;
import dev.deskphone.unify.SendUrlEndpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mounts a {@link SendUrlEndpoint} on the JDK HTTP server: enforces the request limits, reads the
 * body within the read deadline, answers and writes one INFO access-log line with secret values
 * shown as {@code ***}.
 *
 * <p>The endpoint runs on the thread that read the request, so an answer costs no hand-over to
 * another thread. If it has not answered within the handler deadline, the thread is interrupted and
 * {@code 503} goes out at once from {@code late}, even when the handler ignores the interrupt; its
 * answer, if it ever comes, is dropped. Thread-safe.
 */
public final class SendUrlHttpHandler implements HttpHandler {
  private static final Logger ACCESS = LoggerFactory.getLogger("dev.deskphone.unify.access");

  private final String path;
  private final SendUrlEndpoint endpoint;
  private final ServerLimits limits;
  private final Executor late;

  /**
   * Answers requests for exactly {@code path} with {@code endpoint}; the deadline's {@code 503} is
   * written on {@code late}.
   */
  public SendUrlHttpHandler(
      String path, SendUrlEndpoint endpoint, ServerLimits limits, Executor late) {
    this.path = path;
    this.endpoint = endpoint;
    this.limits = limits;
    this.late = late;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    Answer answer = new Answer(exchange);
    PhoneResponse response;
    try {
      response = response(exchange, answer);
    } catch (IOException | RuntimeException e) {
      if (answer.disarm()) {
        answer.send(null);
        throw e;
      }
      return;
    }
    if (answer.disarm()) {
      answer.send(response);
    }
  }

  /** The answer, or null when the connection is to be dropped (read deadline passed). */
  private PhoneResponse response(HttpExchange exchange, Answer answer) throws IOException {
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
      body = readBody(in, limits.maxBodyBytes() + 1);
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
    answer.arm();
    return endpoint.handle(
        exchange.getRequestMethod(), exchange.getRequestURI().getRawQuery(), copy.build(), body);
  }

  /**
   * Who answers one exchange: the thread that read it, or the handler deadline if that comes first.
   * Exactly one of them writes the answer, closes the exchange and logs it.
   */
  private final class Answer implements Runnable {
    private final HttpExchange exchange;
    private final DeadlineInterrupt interrupt = new DeadlineInterrupt();
    private final long start = System.nanoTime();
    private ScheduledFuture<?> deadline;

    Answer(HttpExchange exchange) {
      this.exchange = exchange;
    }

    /** Starts the handler deadline. */
    void arm() {
      deadline = Deadlines.schedule(limits.handlerTimeout(), this);
    }

    /**
     * Ends the deadline; called by the thread that read the exchange once it has its answer.
     *
     * @return true if this thread answers; false if the deadline did (its interrupt is cleared)
     */
    boolean disarm() {
      if (interrupt.disarm()) {
        return false;
      }
      if (deadline != null) {
        deadline.cancel(false);
      }
      return true;
    }

    /** The handler deadline passed: interrupt the handler and answer 503 from {@code late}. */
    @Override
    public void run() {
      if (!interrupt.fire()) {
        return;
      }
      PhoneResponse timeout = plain(503, "the handler did not answer in time");
      try {
        late.execute(() -> sendQuietly(timeout));
      } catch (RejectedExecutionException e) {
        // The server is closing, which drops the connection.
      }
    }

    private void sendQuietly(PhoneResponse response) {
      try {
        send(response);
      } catch (IOException e) {
        // The client went away; nothing to answer.
      }
    }

    /** Writes {@code response} (null: drops the connection), closes the exchange and logs. */
    void send(PhoneResponse response) throws IOException {
      try (exchange) {
        if (response != null) {
          write(exchange, response);
        }
      } finally {
        log(response == null ? 0 : response.status());
      }
    }

    void log(int status) {
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
  }

  /** At most {@code max} bytes; a GET's empty body costs no read buffer. */
  private static byte[] readBody(InputStream in, int max) throws IOException {
    int first = in.read();
    if (first < 0) {
      return new byte[0];
    }
    byte[] rest = in.readNBytes(max - 1);
    byte[] body = new byte[rest.length + 1];
    body[0] = (byte) first;
    System.arraycopy(rest, 0, body, 1, rest.length);
    return body;
  }

  private static long parseLength(String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }

  private static void write(HttpExchange exchange, PhoneResponse answer) throws IOException {
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
