package dev.deskphone.testkit.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads HTTP/1.1 requests for {@link ScriptedHttpServer}, independent of any client code in the
 * SDK: request line, headers, and a fixed or chunked body, within size limits. Stateless.
 */
final class HttpRequestReader {
  private static final int MAX_HEAD_BYTES = 64 * 1024;
  private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

  private HttpRequestReader() {}

  /**
   * Reads one whole request, or returns null if the connection ended cleanly before it.
   *
   * @throws IOException if the request is malformed, too large, or cut off
   */
  static RecordedRequest read(HeadInput in, int connection, int index) throws IOException {
    String requestLine = readLine(in, true);
    if (requestLine == null) {
      return null;
    }
    String[] parts = requestLine.split(" ", -1);
    if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
      throw new IOException("malformed request line");
    }
    List<HeaderField> headers = new ArrayList<>();
    int headBytes = requestLine.length();
    long contentLength = 0;
    boolean chunked = false;
    for (String line = readLine(in, false); !line.isEmpty(); line = readLine(in, false)) {
      headBytes += line.length() + 2;
      if (headBytes > MAX_HEAD_BYTES) {
        throw new IOException("request head too large");
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new IOException("malformed header line");
      }
      String name = line.substring(0, colon);
      String value = line.substring(colon + 1).trim();
      headers.add(new HeaderField(name, value));
      if (name.equalsIgnoreCase("Content-Length")) {
        contentLength = Long.parseLong(value);
      } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
        chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
      }
    }
    byte[] body = chunked ? readChunked(in) : readFixed(in, contentLength);
    return new RecordedRequest(parts[0], parts[1], headers, body, connection, index);
  }

  private static byte[] readFixed(InputStream in, long length) throws IOException {
    if (length < 0 || length > MAX_BODY_BYTES) {
      throw new IOException("request body too large");
    }
    byte[] body = in.readNBytes((int) length);
    if (body.length != length) {
      throw new IOException("request body ended early");
    }
    return body;
  }

  private static byte[] readChunked(HeadInput in) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = readLine(in, false);
      int semicolon = sizeLine.indexOf(';');
      int size =
          Integer.parseInt(
              (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
      if (size == 0) {
        while (!readLine(in, false).isEmpty()) {
          // trailers are ignored
        }
        return body.toByteArray();
      }
      if (body.size() + size > MAX_BODY_BYTES) {
        throw new IOException("request body too large");
      }
      body.write(readFixed(in, size));
      readLine(in, false);
    }
  }

  /** One CRLF-terminated ISO-8859-1 line; null on EOF before the first byte if allowed. */
  private static String readLine(HeadInput in, boolean eofAllowed) throws IOException {
    String line = in.readLine(MAX_HEAD_BYTES);
    if (line == null && !eofAllowed) {
      throw new IOException("connection closed in the middle of a request");
    }
    return line;
  }
}
