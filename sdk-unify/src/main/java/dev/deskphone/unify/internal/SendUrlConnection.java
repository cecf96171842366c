package dev.deskphone.unify.internal;

import dev.deskphone.core.PhoneHeaders;
import dev.deskphone.core.PhoneResponse;
import dev.deskphone.core.internal.Checks;
import dev.deskphone.core.internal.Deadlines;
import dev.deskphone.core.internal.Redaction;
import dev.deskphone.unify.SendUrlEndpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection of a Send URL server, served on its own thread: reads each request with
 * {@link RequestReader}, answers it with the {@link SendUrlEndpoint} on the same thread, writes the
 * answer in one write, and keeps the connection open while the client wants it and stays within the
 * idle time. Writes one INFO access-log line per request with secret values shown as {@code ***}.
 *
 * <p>If the endpoint has not answered within the handler deadline, the thread is interrupted and
 * {@code 503} goes out at once from {@code late}, even when the handler ignores the interrupt; its
 * answer, if it ever comes, is dropped and the connection closed. An answer still not written at
 * the deadline (a client that does not read) closes the connection.
 */
public final class SendUrlConnection implements Runnable {
  private static final Logger ACCESS = LoggerFactory.getLogger("dev.deskphone.unify.access");
  private static final Logger LOG = LoggerFactory.getLogger(SendUrlConnection.class);
  private static final byte[] CONTINUE =
      "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

  private static final int DRAIN_MILLIS = 1000;
  private static final long DRAIN_BYTES = 4L << 20;

  private final Socket raw;
  private final SSLSocketFactory tls;
  private final Set<SendUrlConnection> open;
  private final String path;
  private final SendUrlEndpoint endpoint;
  private final ServerLimits limits;
  private final Executor late;
  private final AtomicBoolean idle = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private boolean handedOff;

  private Socket socket;

  /**
   * Serves {@code raw}, over TLS if {@code tls} is not null; the connection is in {@code open}
   * until it is closed. Requests for exactly {@code path} go to {@code endpoint}; a late {@code
   * 503} is written on {@code late}.
   */
  public SendUrlConnection(
      Socket raw,
      SSLSocketFactory tls,
      Set<SendUrlConnection> open,
      String path,
      SendUrlEndpoint endpoint,
      ServerLimits limits,
      Executor late) {
    this.raw = raw;
    this.tls = tls;
    this.socket = raw;
    this.open = open;
    this.path = path;
    this.endpoint = endpoint;
    this.limits = limits;
    this.late = late;
  }

  @Override
  public void run() {
    try {
      if (tls != null) {
        socket = handshake();
      }
      RequestReader reader = new RequestReader(socket, limits);
      OutputStream out = socket.getOutputStream();
      int idleMillis = (int) Math.min(Integer.MAX_VALUE, limits.idleTimeout().toMillis());
      while (true) {
        idle.set(true);
        boolean more = reader.awaitRequest(idleMillis);
        if (!idle.compareAndSet(true, false) || !more || !serve(reader, out)) {
          return;
        }
      }
    } catch (IOException e) {
      // Idle too long, too slow, reset or closed: the connection is dropped.
    } finally {
      if (!handedOff) {
        close();
      }
    }
  }

  /**
   * Closes the connection if it is waiting for its next request, to make room for another.
   *
   * @return whether it was idle and is now closed
   */
  public boolean closeIfIdle() {
    if (!idle.compareAndSet(true, false)) {
      return false;
    }
    close();
    return true;
  }

  /**
   * Closes the connection at once, with no TLS close_notify that could block; any thread reading or
   * writing it fails.
   */
  public void close() {
    if (closed.compareAndSet(false, true)) {
      try {
        raw.close();
      } catch (IOException e) {
        // closing anyway
      }
      open.remove(this);
    }
  }

  /**
   * After an error answer, with the rest of the request unread: ends the answer and reads what the
   * client is still sending, for a little while, so that closing does not reset the connection
   * before the client has read the answer.
   */
  private void drainBeforeClose() {
    try {
      if (tls == null) {
        socket.shutdownOutput();
      }
      socket.setSoTimeout(DRAIN_MILLIS);
      InputStream in = socket.getInputStream();
      byte[] skip = new byte[8192];
      long until = System.nanoTime() + DRAIN_MILLIS * 1_000_000L;
      for (long read = 0; read < DRAIN_BYTES && System.nanoTime() < until; ) {
        int n = in.read(skip);
        if (n < 0) {
          return;
        }
        read += n;
      }
    } catch (IOException e) {
      // closing anyway
    }
  }

  /** The TLS handshake, within the read deadline; a client too slow for it is cut off. */
  private SSLSocket handshake() throws IOException {
    ScheduledFuture<?> cut = Deadlines.schedule(limits.readTimeout(), this::close);
    try {
      SSLSocket ssl = (SSLSocket) tls.createSocket(raw, null, raw.getPort(), false);
      ssl.setUseClientMode(false);
      ssl.startHandshake();
      return ssl;
    } finally {
      cut.cancel(false);
    }
  }

  /** Reads and answers one request; whether the connection stays open for the next. */
  private boolean serve(RequestReader reader, OutputStream out) throws IOException {
    long start = System.nanoTime();
    long deadline = start + limits.readTimeout().toNanos();
    RequestHead head;
    try {
      head = reader.readHead(deadline);
    } catch (BadRequestException e) {
      write(out, plain(e.status(), e.getMessage()), "close", false);
      if (ACCESS.isInfoEnabled()) {
        ACCESS.info(
            "Send URL request from {}: {} ({})",
            raw.getInetAddress().getHostAddress(),
            e.status(),
            e.getMessage());
      }
      drainBeforeClose();
      return false;
    }
    try {
      return answer(reader, out, head, start, deadline);
    } catch (BadRequestException e) {
      write(out, plain(e.status(), e.getMessage()), "close", isHead(head));
      log(head, e.status(), start);
      drainBeforeClose();
      return false;
    } catch (IOException e) {
      log(head, 0, start);
      throw e;
    }
  }

  private boolean answer(
      RequestReader reader, OutputStream out, RequestHead head, long start, long deadline)
      throws IOException, BadRequestException {
    RequestReader.checkHost(head);
    if (!path.equals(head.rawPath())) {
      throw new BadRequestException(404, "no Send URL endpoint here");
    }
    String expect = head.header("expect");
    if (expect != null && !head.expectsContinue()) {
      throw new BadRequestException(417, "the only expectation served is 100-continue");
    }
    int length = RequestReader.bodyLength(head, limits.maxBodyBytes());
    if (length != 0 && head.http11() && head.expectsContinue()) {
      out.write(CONTINUE);
    }
    byte[] body = reader.readBody(length, limits.maxBodyBytes(), deadline);
    PhoneHeaders headers = PhoneHeaders.empty();
    String contentType = head.header("content-type");
    if (contentType != null) {
      try {
        headers = PhoneHeaders.of("Content-Type", contentType);
      } catch (IllegalArgumentException e) {
        throw new BadRequestException(400, "the Content-Type header has a character not allowed");
      }
    }
    Answer answer = new Answer(out, head, start);
    PhoneResponse response;
    try {
      response = endpoint.handle(head.method(), head.rawQuery(), headers, body);
    } catch (RuntimeException e) {
      // A fault in the SDK's own code (the endpoint catches what a handler throws): named, with
      // the trace at DEBUG only, since nothing checked what its message may hold.
      LOG.warn("Send URL request failed in the endpoint: {}", e.getClass().getName());
      LOG.debug("Send URL endpoint failure", e);
      response = plain(500, "the request could not be served");
    }
    if (!answer.startWriting()) {
      handedOff = true;
      return false;
    }
    boolean close = !head.keepAlive() || response.header("Connection").isPresent();
    try {
      // An HTTP/1.0 client keeps the connection only if the answer says so.
      String connection = close ? "close" : head.http11() ? null : "keep-alive";
      write(out, response, connection, isHead(head));
    } finally {
      answer.done();
    }
    log(head, response.status(), start);
    return !close;
  }

  /**
   * Who answers one request: the thread that read it, or the handler deadline if that comes first.
   * Exactly one of them writes the answer and logs it.
   */
  private final class Answer implements Runnable {
    private static final int HANDLING = 0;
    private static final int WRITING = 1;
    private static final int LATE = 2;
    private static final int DONE = 3;

    private final Thread thread = Thread.currentThread();
    private final OutputStream out;
    private final RequestHead head;
    private final long start;
    private final ScheduledFuture<?> deadline;
    private int state = HANDLING;

    Answer(OutputStream out, RequestHead head, long start) {
      this.out = out;
      this.head = head;
      this.start = start;
      this.deadline = Deadlines.schedule(limits.handlerTimeout(), this);
    }

    /** The deadline passed: interrupt the handler and answer 503 from {@code late}. */
    @Override
    public void run() {
      synchronized (this) {
        if (state == WRITING) {
          close();
        }
        if (state != HANDLING) {
          return;
        }
        state = LATE;
        thread.interrupt();
      }
      try {
        late.execute(this::answerLate);
      } catch (RejectedExecutionException e) {
        close(); // the server is closing
      }
    }

    private void answerLate() {
      try {
        write(out, plain(503, "the handler did not answer in time"), "close", isHead(head));
      } catch (IOException e) {
        // The client went away; nothing to answer.
      } finally {
        log(head, 503, start);
        close();
      }
    }

    /**
     * Called by the handler's thread with its answer.
     *
     * @return true if this thread writes it; false if the deadline answered (its interrupt is
     *     cleared)
     */
    synchronized boolean startWriting() {
      if (state == LATE) {
        Thread.interrupted();
        return false;
      }
      state = WRITING;
      return true;
    }

    void done() {
      synchronized (this) {
        state = DONE;
      }
      deadline.cancel(false);
    }
  }

  private static boolean isHead(RequestHead head) {
    return head.method().equals("HEAD");
  }

  /**
   * The status line, headers and body in one write, with Content-Length and, unless null, a
   * Connection header.
   */
  private static void write(
      OutputStream out, PhoneResponse response, String connection, boolean head)
      throws IOException {
    StringBuilder s = new StringBuilder(192);
    s.append("HTTP/1.1 ").append(response.status()).append(' ');
    s.append(Reasons.of(response.status())).append("\r\n");
    response
        .headers()
        .forEach(
            (name, value) -> {
              if (!name.equalsIgnoreCase("Content-Length")
                  && !name.equalsIgnoreCase("Connection")) {
                s.append(name).append(": ").append(value).append("\r\n");
              }
            });
    byte[] body = response.body();
    s.append("Content-Length: ").append(body.length).append("\r\n");
    if (connection != null) {
      s.append("Connection: ").append(connection).append("\r\n");
    }
    s.append("\r\n");
    byte[] top = s.toString().getBytes(StandardCharsets.ISO_8859_1);
    int bodyBytes = head ? 0 : body.length;
    byte[] all = new byte[top.length + bodyBytes];
    System.arraycopy(top, 0, all, 0, top.length);
    System.arraycopy(body, 0, all, top.length, bodyBytes);
    out.write(all);
  }

  private void log(RequestHead head, int status, long start) {
    if (ACCESS.isInfoEnabled()) {
      ACCESS.info(
          accessLine(
              head.method(),
              head.rawPath(),
              head.rawQuery(),
              raw.getInetAddress().getHostAddress(),
              status,
              (System.nanoTime() - start) / 1_000_000));
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
