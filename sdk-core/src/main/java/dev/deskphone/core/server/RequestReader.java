package dev.deskphone.core.server;

import dev.deskphone.core.internal.Checks;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads HTTP/1.x requests from one connection, within the server's limits and each request's read
 * deadline: the request line, the header fields, then the body ({@code Content-Length} or chunked).
 * What breaks a limit or the syntax is a {@link BadRequestException} naming the status to answer; a
 * deadline that passes is a {@link SocketTimeoutException}, after which the connection is dropped.
 * Bytes after one request stay buffered for the next. Not thread-safe: one per connection thread.
 */
final class RequestReader {
  /** {@link #bodyLength} for a chunked body. */
  static final int CHUNKED = -1;

  private static final byte[] EMPTY = new byte[0];
  private static final int MAX_CHUNK_LINE = 1024;

  private final Socket socket;
  private final InputStream in;
  private final Limits limits;
  private final int maxLine;
  private byte[] buf = new byte[2048];
  private int pos;
  private int end;
  private int timeout = -1;

  /** Reads from {@code socket} within {@code limits}. */
  RequestReader(Socket socket, Limits limits) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.limits = limits;
    // The method and the version around the longest target allowed.
    this.maxLine = limits.maxRequestLine() + 64;
  }

  /**
   * Waits for the first byte of the next request.
   *
   * @param idleMillis how long to wait
   * @return false if the client closed the connection instead
   * @throws SocketTimeoutException if nothing came in time
   */
  boolean awaitRequest(int idleMillis) throws IOException {
    if (pos < end) {
      return true;
    }
    pos = 0;
    end = 0;
    setTimeout(idleMillis);
    int n = in.read(buf, 0, buf.length);
    if (n < 0) {
      return false;
    }
    end = n;
    return true;
  }

  /**
   * Reads the request line and the header fields, by {@code deadline} ({@link System#nanoTime}).
   */
  RequestHead readHead(long deadline) throws IOException, BadRequestException {
    byte first = buf[pos];
    if (first != '\r' && first != '\n' && !Checks.isHttpTokenChar((char) (first & 0xff))) {
      // Such as a TLS ClientHello on the plain port: refused now, not at the read deadline.
      throw new BadRequestException(400, "not an HTTP request");
    }
    String line = line(deadline, maxLine, 414, "the request line is too long");
    for (int blank = 0; line.isEmpty() && blank < 4; blank++) {
      line = line(deadline, maxLine, 414, "the request line is too long");
    }
    int sp1 = line.indexOf(' ');
    int sp2 = sp1 < 0 ? -1 : line.indexOf(' ', sp1 + 1);
    if (sp1 <= 0 || sp2 < 0 || line.indexOf(' ', sp2 + 1) >= 0) {
      throw new BadRequestException(400, "the request line is not: method, target, version");
    }
    String method = line.substring(0, sp1);
    if (!Checks.isHttpToken(method)) {
      throw new BadRequestException(400, "the method is not a token");
    }
    String target = line.substring(sp1 + 1, sp2);
    boolean http11 = version(line.substring(sp2 + 1));
    if (target.length() > limits.maxRequestLine()) {
      throw new BadRequestException(
          414, "the request target is longer than " + limits.maxRequestLine());
    }
    target = originForm(target);
    for (int i = 0; i < target.length(); i++) {
      char c = target.charAt(i);
      if (c <= ' ' || c >= 0x7f || c == '#') {
        throw new BadRequestException(
            400, "the request target holds a character not allowed at " + i);
      }
    }
    int q = target.indexOf('?');
    String rawPath = q < 0 ? target : target.substring(0, q);
    String rawQuery = q < 0 ? null : target.substring(q + 1);
    return new RequestHead(method, rawPath, rawQuery, http11, fields(deadline));
  }

  /**
   * The target as path and query: as sent (origin form), or with the scheme and authority of an
   * absolute form such as {@code http://host:8080/?a=1} taken off, once the authority is found to
   * be a host and port.
   */
  private static String originForm(String target) throws BadRequestException {
    if (target.startsWith("/")) {
      return target;
    }
    int scheme = target.indexOf("://");
    String name = scheme < 0 ? "" : target.substring(0, scheme);
    if (!name.equalsIgnoreCase("http") && !name.equalsIgnoreCase("https")) {
      throw new BadRequestException(400, "the request target must start with '/' or http://");
    }
    int path = target.indexOf('/', scheme + 3);
    int query = target.indexOf('?', scheme + 3);
    int end = path < 0 ? query : query < 0 ? path : Math.min(path, query);
    String authority = target.substring(scheme + 3, end < 0 ? target.length() : end);
    if (!HostSyntax.isHostAndPort(authority, true)) {
      // It stands in for Host (RFC 9112 3.2.2); an http(s) URI needs a host and no userinfo.
      throw new BadRequestException(400, "the request target's authority is not a host and port");
    }
    if (path < 0 || (query >= 0 && query < path)) {
      return query < 0 ? "/" : "/" + target.substring(query);
    }
    return target.substring(path);
  }

  private static boolean version(String version) throws BadRequestException {
    if (version.equals("HTTP/1.1")) {
      return true;
    }
    if (version.equals("HTTP/1.0")) {
      return false;
    }
    if (version.matches("HTTP/[0-9](\\.[0-9])?")) {
      throw new BadRequestException(505, "only HTTP/1.0 and HTTP/1.1 are served");
    }
    throw new BadRequestException(400, "the request line does not end in an HTTP version");
  }

  private List<String> fields(long deadline) throws IOException, BadRequestException {
    List<String> fields = new ArrayList<>(16);
    int bytes = 0;
    while (true) {
      int left = limits.maxHeaderBytes() - bytes;
      String line = line(deadline, left, 431, "the request headers are too large");
      if (line.isEmpty()) {
        return fields;
      }
      bytes += line.length() + 2;
      if (fields.size() / 2 >= limits.maxHeaders()) {
        throw new BadRequestException(
            431, "the request has more than " + limits.maxHeaders() + " header fields");
      }
      char first = line.charAt(0);
      if (first == ' ' || first == '\t') {
        throw new BadRequestException(400, "a header line is folded");
      }
      int colon = line.indexOf(':');
      String name = colon < 0 ? "" : line.substring(0, colon);
      if (!Checks.isHttpToken(name)) {
        throw new BadRequestException(400, "a header line has no valid field name");
      }
      int from = colon + 1;
      int to = line.length();
      while (from < to && isBlank(line.charAt(from))) {
        from++;
      }
      while (to > from && isBlank(line.charAt(to - 1))) {
        to--;
      }
      for (int i = from; i < to; i++) {
        char c = line.charAt(i);
        if ((c < ' ' && c != '\t') || c == 0x7f) {
          throw new BadRequestException(400, "a header value holds a control character");
        }
      }
      fields.add(name.toLowerCase(Locale.ROOT));
      fields.add(line.substring(from, to));
    }
  }

  /**
   * Checks the Host header as RFC 9112 section 3.2 asks of a server: {@code 400} for an HTTP/1.1
   * request without one, for any request with more than one Host line (even equal ones), and for a
   * value that is not {@code uri-host [ ":" port ]} (RFC 9110 section 7.2). HTTP/1.0 may leave it
   * out.
   *
   * <p>An empty value is taken: RFC 9110 7.2 lets a client send one, RFC 9112 3.3 then has the
   * server use its own name, and Jetty's {@code HttpParser} and Apache httpd's {@code fix_hostname}
   * both take it. With an absolute-form target the Host line must still be there, once and valid,
   * but its value is not compared with the target's authority, which counts instead (RFC 9112
   * 3.2.2) and is checked by {@link #readHead}. The server routes by path alone; an endpoint gets
   * the Host line as it came.
   */
  static void checkHost(RequestHead head) throws BadRequestException {
    int hosts = head.count("host");
    if (hosts == 0 && head.http11()) {
      throw new BadRequestException(400, "an HTTP/1.1 request must have a Host header");
    }
    if (hosts > 1) {
      throw new BadRequestException(400, "a request has more than one Host header");
    }
    if (hosts == 1 && !HostSyntax.isHostAndPort(head.header("host"), false)) {
      throw new BadRequestException(400, "the Host header is not a host and port");
    }
  }

  /**
   * How the body is framed, checked against the limit before any of it is read.
   *
   * @return its length, or {@link #CHUNKED}
   */
  static int bodyLength(RequestHead head, int max) throws BadRequestException {
    int codings = head.count("transfer-encoding");
    int lengths = head.count("content-length");
    if (codings > 0) {
      if (lengths > 0) {
        throw new BadRequestException(400, "a request has Transfer-Encoding or Content-Length");
      }
      if (codings > 1 || !head.header("transfer-encoding").equalsIgnoreCase("chunked")) {
        throw new BadRequestException(501, "the only transfer coding served is chunked");
      }
      if (!head.http11()) {
        throw new BadRequestException(400, "an HTTP/1.0 request cannot be chunked");
      }
      return CHUNKED;
    }
    if (lengths == 0) {
      return 0;
    }
    String value = head.header("content-length");
    for (int i = 0; i < head.fields().size(); i += 2) {
      if (head.fields().get(i).equals("content-length")
          && !head.fields().get(i + 1).equals(value)) {
        throw new BadRequestException(400, "the Content-Length fields differ");
      }
    }
    if (value.isEmpty()
        || value.length() > 18
        || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new BadRequestException(400, "the Content-Length is not a number");
    }
    long length = Long.parseLong(value);
    if (length > max) {
      throw new BadRequestException(413, "the body is larger than " + max + " bytes");
    }
    return (int) length;
  }

  /**
   * Reads a body framed as {@link #bodyLength} said, by {@code deadline}.
   *
   * @param length its length, or {@link #CHUNKED}
   * @param max the most bytes a chunked body may hold
   */
  byte[] readBody(int length, int max, long deadline) throws IOException, BadRequestException {
    if (length == 0) {
      return EMPTY;
    }
    if (length != CHUNKED) {
      byte[] body = new byte[length];
      readFully(body, 0, length, deadline);
      return body;
    }
    byte[] body = EMPTY;
    while (true) {
      String line = line(deadline, MAX_CHUNK_LINE, 400, "a chunk size line is too long");
      int semicolon = line.indexOf(';');
      String hex = (semicolon < 0 ? line : line.substring(0, semicolon)).strip();
      if (hex.isEmpty() || hex.length() > 7 || !hex.chars().allMatch(RequestReader::isHex)) {
        throw new BadRequestException(400, "a chunk size is not a hex number");
      }
      int size = Integer.parseInt(hex, 16);
      if (size == 0) {
        trailers(deadline);
        return body;
      }
      if (size > max - body.length) {
        throw new BadRequestException(413, "the body is larger than " + max + " bytes");
      }
      int at = body.length;
      body = Arrays.copyOf(body, at + size);
      readFully(body, at, size, deadline);
      if (!line(deadline, 2, 400, "a chunk is longer than its size").isEmpty()) {
        throw new BadRequestException(400, "a chunk is longer than its size");
      }
    }
  }

  private void trailers(long deadline) throws IOException, BadRequestException {
    int bytes = 0;
    while (true) {
      String line =
          line(deadline, limits.maxHeaderBytes() - bytes, 431, "the trailers are too large");
      if (line.isEmpty()) {
        return;
      }
      bytes += line.length() + 2;
    }
  }

  private void readFully(byte[] dst, int off, int len, long deadline) throws IOException {
    int buffered = Math.min(len, end - pos);
    System.arraycopy(buf, pos, dst, off, buffered);
    pos += buffered;
    for (int done = buffered; done < len; ) {
      setTimeout(remaining(deadline));
      int n = in.read(dst, off + done, len - done);
      if (n < 0) {
        throw closedWithin();
      }
      done += n;
    }
  }

  /**
   * One line without its CRLF, at most {@code max} bytes before it; a longer one is answered {@code
   * status}. A line must end in CRLF; a lone CR or LF is refused.
   */
  private String line(long deadline, int max, int status, String tooLong)
      throws IOException, BadRequestException {
    // Counted from pos, since fill() moves the unread bytes to the front of buf.
    int scanned = 0;
    while (true) {
      for (int i = pos + scanned; i < end; i++) {
        byte b = buf[i];
        if (b == '\n') {
          if (i == pos || buf[i - 1] != '\r') {
            throw new BadRequestException(400, "a line does not end in CRLF");
          }
          if (i - 1 - pos > max) {
            throw new BadRequestException(status, tooLong);
          }
          String line = new String(buf, pos, i - 1 - pos, StandardCharsets.ISO_8859_1);
          pos = i + 1;
          return line;
        }
        if (b == '\r' && i + 1 < end && buf[i + 1] != '\n') {
          throw new BadRequestException(400, "a line holds a lone CR");
        }
      }
      // The last byte once more: a CR there is lone unless the next one to come is LF.
      scanned = Math.max(0, end - pos - 1);
      if (end - pos > max + 1) {
        throw new BadRequestException(status, tooLong);
      }
      fill(deadline);
    }
  }

  private void fill(long deadline) throws IOException {
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, end - pos);
      end -= pos;
      pos = 0;
    }
    if (end == buf.length) {
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    setTimeout(remaining(deadline));
    int n = in.read(buf, end, buf.length - end);
    if (n < 0) {
      throw closedWithin();
    }
    end += n;
  }

  private static int remaining(long deadline) throws SocketTimeoutException {
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      throw new SocketTimeoutException("the request was not read in time");
    }
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, left / 1_000_000));
  }

  private void setTimeout(int millis) throws IOException {
    if (millis != timeout) {
      socket.setSoTimeout(millis);
      timeout = millis;
    }
  }

  private static EOFException closedWithin() {
    return new EOFException("the client closed the connection within a request");
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }

  private static boolean isHex(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
