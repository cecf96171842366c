package dev.deskphone.servlet;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One exchange over a plain socket, for what {@code java.net.http} cannot send (raw bytes beyond
 * ASCII, a length it does not send) or hides (a body after {@code HEAD}).
 */
final class RawExchange {
  private RawExchange() {}

  /**
   * Sends {@code head} (ISO-8859-1, so {@code \u00c3} goes as the byte C3) and {@code body}, then
   * reads the answer's head and as many body bytes as its {@code Content-Length} says.
   */
  static Answer byLength(URI uri, String head, byte[] body) throws IOException {
    try (Socket socket = send(uri, head, body)) {
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      while (!endsWithBlankLine(bytes.toByteArray())) {
        int b = in.read();
        if (b < 0) {
          throw new EOFException("the answer ended in its head: " + bytes);
        }
        bytes.write(b);
      }
      Answer answer = Answer.parse(bytes.toByteArray(), new byte[0], socket.getLocalPort());
      int length = Integer.parseInt(answer.values("Content-Length").get(0));
      return Answer.parse(bytes.toByteArray(), in.readNBytes(length), socket.getLocalPort());
    }
  }

  /** Sends {@code head} and {@code body} and reads everything until the server closes. */
  static Answer toClose(URI uri, String head, byte[] requestBody) throws IOException {
    try (Socket socket = send(uri, head, requestBody)) {
      byte[] all = socket.getInputStream().readAllBytes();
      for (int end = 4; end <= all.length; end++) {
        if (endsWithBlankLine(Arrays.copyOfRange(all, end - 4, end))) {
          byte[] body = Arrays.copyOfRange(all, end, all.length);
          return Answer.parse(Arrays.copyOf(all, end), body, socket.getLocalPort());
        }
      }
      throw new EOFException("no whole answer head in " + all.length + " bytes");
    }
  }

  private static Socket send(URI uri, String head, byte[] body) throws IOException {
    Socket socket = new Socket(uri.getHost(), uri.getPort());
    socket.setSoTimeout(10_000);
    socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
    socket.getOutputStream().write(body);
    socket.getOutputStream().flush();
    return socket;
  }

  private static boolean endsWithBlankLine(byte[] b) {
    int n = b.length;
    return n >= 4 && b[n - 4] == '\r' && b[n - 3] == '\n' && b[n - 2] == '\r' && b[n - 1] == '\n';
  }

  /**
   * An answer as it came.
   *
   * @param status the status code
   * @param fields the header lines, such as {@code Content-Length: 12}
   * @param body the bytes after the head
   * @param clientPort the local port of the socket that sent the request
   */
  record Answer(int status, List<String> fields, byte[] body, int clientPort) {
    static Answer parse(byte[] head, byte[] body, int clientPort) {
      String[] lines = new String(head, StandardCharsets.ISO_8859_1).split("\r\n");
      int status = Integer.parseInt(lines[0].split(" ", 3)[1]);
      List<String> fields = List.of(Arrays.copyOfRange(lines, 1, lines.length));
      return new Answer(status, fields, body, clientPort);
    }

    /** The values of the fields named {@code name} in any case, trimmed. */
    List<String> values(String name) {
      List<String> values = new ArrayList<>();
      for (String field : fields) {
        int colon = field.indexOf(':');
        if (colon > 0 && field.substring(0, colon).equalsIgnoreCase(name)) {
          values.add(field.substring(colon + 1).strip());
        }
      }
      return values;
    }
  }
}
