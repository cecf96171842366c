package dev.deskphone.testkit.internal;

import dev.deskphone.core.TlsPolicy;
import dev.deskphone.core.internal.DeadlineInterrupt;
import dev.deskphone.core.internal.Deadlines;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * A fake phone's own HTTP client: the Unify fake's key requests and the snom fakes' action URLs. It
 * sends on a JDK {@code HttpClient} of its own, never the SDK's transport (the client under test):
 * HTTP/1.1, no proxy, never following a redirect, trusting https servers by the fake's {@link
 * TlsPolicy}, each request once, within a deadline that covers the body. The JDK client is made at
 * the first request, since it starts a selector thread at once; JDK 17 cannot stop that thread,
 * which ends once the client is unreachable (from JDK 21 on, {@link #close()} shuts the client
 * down). Thread-safe.
 */
public final class FakeHttpClient implements AutoCloseable {
  private static final int MAX_ANSWER = 64 * 1024;
  private static final Pattern STATUS_LINE =
      Pattern.compile("HTTP/1\\.[01] ([1-5][0-9][0-9])[ \\r]");
  private static final Pattern CONTENT_LENGTH =
      Pattern.compile("(?im)^content-length:[ \\t]*([0-9]{1,9})[ \\t]*\\r?$");
  private static final Pattern CHUNKED =
      Pattern.compile("(?im)^transfer-encoding:[^\\r\\n]*chunked");
  private static final Pattern CONTENT_TYPE = Pattern.compile("(?im)^content-type:([^\\r\\n]*)");

  private final TlsPolicy trust;
  private final Duration timeout;
  private HttpClient client; // guarded by this
  private boolean closed; // guarded by this

  /** A sender trusting https servers by {@code trust}, giving each request {@code timeout}. */
  public FakeHttpClient(TlsPolicy trust, Duration timeout) {
    this.trust = Objects.requireNonNull(trust, "trust");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  /**
   * What came back for one request.
   *
   * @param status the answer's status; empty if no answer came
   * @param contentType the answer's {@code Content-Type}, if any
   * @param text the answer's body as UTF-8 text, or what went wrong when no answer came
   */
  public record Answer(OptionalInt status, Optional<String> contentType, String text) {
    static Answer none(String why) {
      return new Answer(OptionalInt.empty(), Optional.empty(), why);
    }
  }

  /** Sends {@code request} and waits for its answer, at most the deadline. Never throws. */
  public Answer send(UnifyKeyRequest request) {
    HttpRequest.Builder jdk =
        HttpRequest.newBuilder(request.uri())
            .timeout(timeout)
            .method(
                request.method(),
                new OneAttemptBody(request.body().getBytes(StandardCharsets.UTF_8)));
    if (request.method().equals("POST")) {
      jdk.header("Content-Type", "application/x-www-form-urlencoded");
    }
    return send(jdk);
  }

  /**
   * Sends a {@code GET} to {@code uri} once, on a new connection closed after the answer, as a snom
   * phone sends an action URL, and waits for the answer's status, at most the deadline in all.
   * Written on a socket of its own rather than the JDK client, which keeps connections alive and
   * tries a request again on one the server closed. Never throws.
   */
  public Answer get(URI uri, String userAgent) {
    boolean https = "https".equalsIgnoreCase(uri.getScheme());
    int port = uri.getPort() < 0 ? (https ? 443 : 80) : uri.getPort();
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Socket socket =
        https ? trust.sslContext().getSocketFactory().createSocket() : new Socket()) {
      socket.connect(new InetSocketAddress(uri.getHost(), port), millisLeft(deadline));
      socket.setTcpNoDelay(true);
      if (socket instanceof SSLSocket tls) {
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        tls.setSSLParameters(parameters);
        tls.setSoTimeout(millisLeft(deadline));
        tls.startHandshake();
      }
      String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
      String head =
          "GET "
              + path
              + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
              + " HTTP/1.1\r\nHost: "
              + uri.getRawAuthority().substring(uri.getRawAuthority().lastIndexOf('@') + 1)
              + "\r\nUser-Agent: "
              + userAgent
              + "\r\nConnection: close\r\n\r\n";
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return readAnswer(socket, deadline);
    } catch (SocketTimeoutException e) {
      return Answer.none("no answer within " + timeout);
    } catch (IOException | IllegalArgumentException e) {
      return Answer.none("no answer: " + e);
    }
  }

  /**
   * The status line, headers and body (up to 64 KiB): the body as long as {@code Content-Length}
   * says, or until the last chunk, or until the server closes the connection.
   */
  private static Answer readAnswer(Socket socket, long deadline) throws IOException {
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    String head = null;
    byte[] body = null;
    while (body == null && all.size() < MAX_ANSWER) {
      socket.setSoTimeout(millisLeft(deadline));
      int n = in.read(buffer);
      if (n < 0) {
        break;
      }
      all.write(buffer, 0, Math.min(n, MAX_ANSWER - all.size()));
      byte[] bytes = all.toByteArray();
      if (head == null) {
        int end = all.toString(StandardCharsets.ISO_8859_1).indexOf("\r\n\r\n");
        head = end < 0 ? null : new String(bytes, 0, end + 2, StandardCharsets.ISO_8859_1);
      }
      if (head != null) {
        body = completeBody(head, bytes, head.length() + 2);
      }
    }
    if (head == null) {
      head = all.toString(StandardCharsets.ISO_8859_1);
    }
    Matcher status = STATUS_LINE.matcher(head);
    if (!status.lookingAt()) {
      return Answer.none("no answer: not an HTTP status line");
    }
    if (body == null) { // closed, or too long: what came
      byte[] bytes = all.toByteArray();
      int at = Math.min(bytes.length, head.length() + 2);
      body = java.util.Arrays.copyOfRange(bytes, at, bytes.length);
      if (CHUNKED.matcher(head).find()) {
        body = dechunk(body, 0);
        body = body == null ? new byte[0] : body;
      }
    }
    Matcher type = CONTENT_TYPE.matcher(head);
    return new Answer(
        OptionalInt.of(Integer.parseInt(status.group(1))),
        type.find() ? Optional.of(type.group(1).strip()) : Optional.empty(),
        new String(body, StandardCharsets.UTF_8));
  }

  /** The whole body if {@code bytes} from {@code at} hold it by the head's framing, else null. */
  private static byte[] completeBody(String head, byte[] bytes, int at) {
    Matcher length = CONTENT_LENGTH.matcher(head);
    if (length.find()) {
      long need = Long.parseLong(length.group(1));
      return bytes.length - at >= need
          ? java.util.Arrays.copyOfRange(bytes, at, (int) (at + need))
          : null;
    }
    if (CHUNKED.matcher(head).find()) {
      return dechunk(bytes, at);
    }
    Matcher status = STATUS_LINE.matcher(head);
    boolean bodiless =
        status.lookingAt()
            && (status.group(1).startsWith("1")
                || status.group(1).equals("204")
                || status.group(1).equals("304"));
    return bodiless ? new byte[0] : null; // else the body ends when the server closes
  }

  /** The chunked body from {@code at} decoded, or null while its last chunk has not come. */
  private static byte[] dechunk(byte[] bytes, int at) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = at;
    while (true) {
      int lineEnd = indexOfCrLf(bytes, i);
      if (lineEnd < 0) {
        return null;
      }
      String sizeLine = new String(bytes, i, lineEnd - i, StandardCharsets.ISO_8859_1);
      int semicolon = sizeLine.indexOf(';');
      int size;
      try {
        size =
            Integer.parseInt(
                (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip(), 16);
      } catch (NumberFormatException e) {
        return out.toByteArray(); // not chunked after all: what decoded so far
      }
      i = lineEnd + 2;
      if (size == 0) {
        return out.toByteArray(); // trailers, if any, are not read
      }
      if (size < 0 || bytes.length - i < size + 2) {
        return null;
      }
      out.write(bytes, i, size);
      i += size + 2;
    }
  }

  private static int indexOfCrLf(byte[] bytes, int from) {
    for (int i = from; i + 1 < bytes.length; i++) {
      if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static int millisLeft(long deadline) throws SocketTimeoutException {
    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
    if (left <= 0) {
      throw new SocketTimeoutException("deadline passed");
    }
    return (int) Math.min(Integer.MAX_VALUE, left);
  }

  private Answer send(HttpRequest.Builder jdk) {
    HttpClient c = client();
    if (c == null) {
      return Answer.none("not sent: the fake phone is closed");
    }
    // The blocking send on this thread, interrupted at the deadline (the JDK client's own timeout
    // ends at the answer's head): on JDK 17 sendAsync completes its future on CompletableFuture's
    // default executor, which a busy common pool would hold up.
    DeadlineInterrupt deadline = new DeadlineInterrupt();
    ScheduledFuture<?> timer = Deadlines.schedule(timeout, deadline::fire);
    try {
      HttpResponse<byte[]> r = c.send(jdk.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(
          OptionalInt.of(r.statusCode()),
          r.headers().firstValue("Content-Type"),
          new String(r.body(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Answer.none("no answer: " + e);
    } catch (InterruptedException e) {
      if (deadline.disarm()) {
        return Answer.none("no answer within " + timeout);
      }
      Thread.currentThread().interrupt();
      return Answer.none("interrupted");
    } finally {
      timer.cancel(false);
      deadline.disarm();
    }
  }

  private synchronized HttpClient client() {
    if (client == null && !closed) {
      client =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .followRedirects(HttpClient.Redirect.NEVER)
              .proxy(HttpClient.Builder.NO_PROXY)
              .connectTimeout(timeout)
              .sslContext(trust.sslContext())
              .build();
    }
    return client;
  }

  /** No more requests; from JDK 21 on, also shuts the JDK client down. Idempotent. */
  @Override
  public void close() {
    HttpClient c;
    synchronized (this) {
      closed = true;
      c = client;
      client = null;
    }
    if (c instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        // closing anyway; the client ends once unreachable
      }
    }
  }
}
