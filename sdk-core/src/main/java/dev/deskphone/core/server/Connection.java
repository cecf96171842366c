package dev.deskphone.core.server;

import dev.deskphone.core.PhoneHeaders;
import dev.deskphone.core.internal.Deadlines;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection of an {@link EndpointServer}, served on its own thread: reads each request
 * with {@link RequestReader}, calls the endpoint at its path on the same thread (at most {@code
 * workers} calls at once across the server, within the handler deadline: see {@link
 * HandlerDeadline}), writes the answer in one write, and keeps the connection open while the client
 * wants it and stays within the idle time. Writes one access-log line per request.
 */
final class Connection implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(EndpointServer.class);
  private static final byte[] CONTINUE =
      "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
  private static final EndpointResponse BUSY =
      EndpointResponse.text(503, "the server is busy; try again later");
  private static final EndpointResponse LATE =
      EndpointResponse.text(503, "the handler did not answer in time");
  private static final EndpointResponse FAILED =
      EndpointResponse.text(500, "the request could not be served");

  private static final int DRAIN_MILLIS = 1000;
  private static final long DRAIN_BYTES = 4L << 20;

  private final Socket raw;
  private final Set<Connection> open;
  private final Hosting hosting;
  private final Limits limits;
  private final InetSocketAddress peer;
  private final String client;
  private final AtomicBoolean idle = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private boolean handedOff;

  private Socket socket;

  /** Serves {@code raw} for {@code hosting}; the connection is in {@code open} until closed. */
  Connection(Socket raw, Set<Connection> open, Hosting hosting) {
    this.raw = raw;
    this.socket = raw;
    this.open = open;
    this.hosting = hosting;
    this.limits = hosting.limits();
    this.peer = (InetSocketAddress) raw.getRemoteSocketAddress();
    this.client = peer.getAddress().getHostAddress();
  }

  @Override
  public void run() {
    try {
      if (hosting.tls() != null) {
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
  boolean closeIfIdle() {
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
  void close() {
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
      if (hosting.tls() == null) {
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
      SSLSocket ssl = (SSLSocket) hosting.tls().createSocket(raw, null, raw.getPort(), false);
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
      write(out, refusal(e), "close", false);
      AccessLog.refused(client, e.status(), e.getMessage());
      drainBeforeClose();
      return false;
    }
    try {
      return answer(reader, out, head, start, deadline);
    } catch (BadRequestException e) {
      write(out, refusal(e), "close", isHead(head));
      AccessLog.served(head, client, e.status(), start);
      drainBeforeClose();
      return false;
    } catch (IOException e) {
      AccessLog.served(head, client, 0, start);
      throw e;
    }
  }

  private boolean answer(
      RequestReader reader, OutputStream out, RequestHead head, long start, long deadline)
      throws IOException, BadRequestException {
    RequestReader.checkHost(head);
    PhoneEndpoint endpoint = hosting.routes().find(head.rawPath());
    if (endpoint == null) {
      throw new BadRequestException(404, "no endpoint at this path");
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
    EndpointRequest request = request(head, body);
    HandlerDeadline answering =
        hosting.workers().tryAcquire()
            ? HandlerDeadline.start(
                limits.handlerTimeout(),
                hosting.late(),
                () -> answerLate(out, head, start),
                this::close)
            : null;
    try {
      EndpointResponse response = BUSY;
      if (answering != null) {
        try {
          response = call(endpoint, request);
        } finally {
          hosting.workers().release();
        }
        if (!answering.startWriting()) {
          handedOff = true;
          return false;
        }
      }
      boolean close = !head.keepAlive();
      // An HTTP/1.0 client keeps the connection only if the answer says so.
      write(out, response, close ? "close" : head.http11() ? null : "keep-alive", isHead(head));
      AccessLog.served(head, client, response.status(), start);
      return !close;
    } finally {
      if (answering != null) {
        answering.done(); // also after an Error from the endpoint: no interrupt comes later
      }
    }
  }

  /** The request as the endpoint sees it. */
  private EndpointRequest request(RequestHead head, byte[] body) throws BadRequestException {
    PhoneHeaders.Builder headers = PhoneHeaders.builder();
    List<String> fields = head.fields();
    try {
      for (int i = 0; i < fields.size(); i += 2) {
        headers.add(fields.get(i), fields.get(i + 1));
      }
    } catch (IllegalArgumentException e) {
      // A C1 control character (U+0080 to U+009F), which the reader lets through as obs-text.
      throw new BadRequestException(400, "a header value holds a character not allowed");
    }
    return EndpointRequest.of(head.method(), head.target(), headers.build(), body, peer);
  }

  /**
   * The endpoint's answer; {@code 500} if it throws or returns null. Only the exception's class is
   * logged at WARN, the trace at DEBUG: nothing checked what its message may hold.
   */
  private static EndpointResponse call(PhoneEndpoint endpoint, EndpointRequest request) {
    try {
      EndpointResponse response = endpoint.handle(request);
      if (response != null) {
        return response;
      }
      LOG.warn("Endpoint {} returned no response to {}", endpoint.getClass().getName(), request);
    } catch (RuntimeException e) {
      LOG.warn("Endpoint failed on {}: {}", request, e.getClass().getName());
      LOG.debug("Endpoint failure", e);
    }
    return FAILED;
  }

  /** At the handler deadline, on the server's late pool: {@code 503}, then close. */
  private void answerLate(OutputStream out, RequestHead head, long start) {
    try {
      write(out, LATE, "close", isHead(head));
    } catch (IOException e) {
      // The client went away; nothing to answer.
    } finally {
      AccessLog.served(head, client, LATE.status(), start);
      close();
    }
  }

  private static EndpointResponse refusal(BadRequestException e) {
    return EndpointResponse.text(e.status(), e.getMessage());
  }

  private static boolean isHead(RequestHead head) {
    return head.method().equals("HEAD");
  }

  /**
   * The status line, the response's headers, Content-Length (but for 204 and 304, which have no
   * body), a Connection header unless {@code connection} is null, and the body unless {@code head},
   * in one write.
   */
  private static void write(
      OutputStream out, EndpointResponse response, String connection, boolean head)
      throws IOException {
    int status = response.status();
    StringBuilder s = new StringBuilder(192);
    s.append("HTTP/1.1 ").append(status).append(' ').append(Reasons.of(status)).append("\r\n");
    response
        .headers()
        .forEach((name, value) -> s.append(name).append(": ").append(value).append("\r\n"));
    byte[] body = response.body();
    if (status != 204 && status != 304) {
      s.append("Content-Length: ").append(body.length).append("\r\n");
    }
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
}
