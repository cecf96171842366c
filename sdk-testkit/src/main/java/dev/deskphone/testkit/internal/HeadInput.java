package dev.deskphone.testkit.internal;

import java.io.IOException;
import java.io.InputStream;

/**
 * A buffered input stream for one connection's thread: like {@link java.io.BufferedInputStream},
 * without its lock on every {@link #read()}, which {@link HttpRequestReader} calls once per byte of
 * a request head. Not thread-safe.
 */
final class HeadInput extends InputStream {
  private final InputStream in;
  private final byte[] buffer = new byte[8192];
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
