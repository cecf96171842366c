package dev.deskphone.testkit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A buffered input stream for one connection's thread: like {@link java.io.BufferedInputStream}
 * without its lock on every {@link #read()}, plus {@link #readLine} straight from the buffer, for
 * {@link HttpRequestReader}. Not thread-safe.
 */
final class HeadInput extends InputStream {
  private final InputStream in;
  private final byte[] buffer = new byte[8192];
  private byte[] line = new byte[256];
  private int position;
  private int limit;

  HeadInput(InputStream in) {
    this.in = in;
  }

  @Override
  public int read() throws IOException {
    if (position == limit && !fill()) {
      return -1;
    }
    return buffer[position++] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (position == limit) {
      if (len >= buffer.length) {
        return in.read(b, off, len);
      }
      if (!fill()) {
        return -1;
      }
    }
    int n = Math.min(len, limit - position);
    System.arraycopy(buffer, position, b, off, n);
    position += n;
    return n;
  }

  /**
   * One line up to LF, without its CR LF, as ISO-8859-1 (one char per byte).
   *
   * @return the line, or null if the stream ended before its first byte
   * @throws IOException if the stream ends inside the line, or the line passes {@code max} bytes
   */
  String readLine(int max) throws IOException {
    int n = 0;
    while (true) {
      if (position == limit && !fill()) {
        if (n == 0) {
          return null;
        }
        throw new IOException("connection closed in the middle of a request");
      }
      byte b = buffer[position++];
      if (b == '\n') {
        int end = n > 0 && line[n - 1] == '\r' ? n - 1 : n;
        return new String(line, 0, end, StandardCharsets.ISO_8859_1);
      }
      if (n >= max) {
        throw new IOException("line too long");
      }
      if (n == line.length) {
        line = Arrays.copyOf(line, n * 2);
      }
      line[n++] = b;
    }
  }

  @Override
  public int available() throws IOException {
    return (limit - position) + in.available();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  private boolean fill() throws IOException {
    int n = in.read(buffer, 0, buffer.length);
    if (n <= 0) {
      return false;
    }
    position = 0;
    limit = n;
    return true;
  }
}
