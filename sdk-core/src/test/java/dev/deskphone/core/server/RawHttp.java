package dev.deskphone.core.server;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes raw bytes to a loopback port and reads what comes back, for tests of malformed input. */
final class RawHttp implements AutoCloseable {
  private final Socket socket;

  RawHttp(int port) throws IOException {
    this(new Socket(InetAddress.getLoopbackAddress(), port));
  }

  /** Over a socket already connected, such as a TLS one. */
  RawHttp(Socket socket) throws IOException {
    this.socket = socket;
    socket.setSoTimeout(10_000);
  }

  RawHttp send(String text) throws IOException {
    return send(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  RawHttp send(byte[] bytes) throws IOException {
    socket.getOutputStream().write(bytes);
    socket.getOutputStream().flush();
    return this;
  }

  /** The socket, for its timeout and local port. */
  Socket socket() {
    return socket;
  }

  /** Everything until the server closes (or the 10 s socket timeout fails the test). */
  String readToClose() throws IOException {
    InputStream in = socket.getInputStream();
    return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
  }

  /**
   * Everything until the server closes or resets the connection (or the 10 s socket timeout fails
   * the test).
   */
  String readToCloseOrReset() throws IOException {
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buf = new byte[4096];
    try {
      for (int n; (n = in.read(buf)) >= 0; ) {
        all.write(buf, 0, n);
      }
    } catch (SocketException reset) {
      // the end, as a close is
    }
    return all.toString(StandardCharsets.ISO_8859_1);
  }

  /** The next byte, or -1 at the end of the stream. */
  int read() throws IOException {
    return socket.getInputStream().read();
  }

  /** The status line's code of the first answer. */
  int status() throws IOException {
    StringBuilder line = new StringBuilder();
    InputStream in = socket.getInputStream();
    for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
      line.append((char) b);
    }
    String[] parts = line.toString().split(" ");
    return parts.length > 1 ? Integer.parseInt(parts[1]) : -1;
  }

  /** The next answer: its head, then as many body bytes as its Content-Length says. */
  Answer answer() throws IOException {
    Answer head = head();
    List<String> lengths = head.values("Content-Length");
    int length = lengths.isEmpty() ? 0 : Integer.parseInt(lengths.get(0));
    byte[] body = socket.getInputStream().readNBytes(length);
    if (body.length < length) {
      throw new EOFException("the answer ended after " + body.length + " of " + length + " bytes");
    }
    return new Answer(head.statusLine(), head.fields(), body);
  }

  /** The next answer's status line and header lines only, such as of a HEAD request. */
  Answer head() throws IOException {
    String statusLine = line();
    List<String> fields = new ArrayList<>();
    for (String line = line(); !line.isEmpty(); line = line()) {
      fields.add(line);
    }
    return new Answer(statusLine, fields, new byte[0]);
  }

  /** One line that must end in CRLF, without it. */
  private String line() throws IOException {
    InputStream in = socket.getInputStream();
    StringBuilder line = new StringBuilder();
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("the connection ended within a line: " + line);
      }
      if (b == '\n') {
        if (line.length() == 0 || line.charAt(line.length() - 1) != '\r') {
          throw new IOException("a line does not end in CRLF: " + line);
        }
        return line.substring(0, line.length() - 1);
      }
      line.append((char) b);
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  /**
   * One answer as it came.
   *
   * @param statusLine such as {@code HTTP/1.1 200 OK}
   * @param fields the header lines, such as {@code Content-Length: 12}
   * @param body the body
   */
  record Answer(String statusLine, List<String> fields, byte[] body) {
    int status() {
      String[] parts = statusLine.split(" ", 3);
      return Integer.parseInt(parts[1]);
    }

    /** The values of the fields named {@code name}, in any case, trimmed. */
    List<String> values(String name) {
      List<String> values = new ArrayList<>();
      for (String field : fields) {
        int colon = field.indexOf(':');
        if (colon > 0
            && field
                .substring(0, colon)
                .toLowerCase(Locale.ROOT)
                .equals(name.toLowerCase(Locale.ROOT))) {
          values.add(field.substring(colon + 1).strip());
        }
      }
      return values;
    }

    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }
}
