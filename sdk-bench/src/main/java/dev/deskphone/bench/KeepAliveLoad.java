package dev.deskphone.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A closed-loop HTTP/1.1 load: {@code connections} threads, each on its own kept-alive socket,
 * sending one request and reading its whole answer before the next, for a fixed time. Reads the
 * answer itself (status line, Content-Length, body) so that both servers are timed by the same
 * minimal client.
 */
final class KeepAliveLoad {
  /** What one run saw. */
  record Result(long requests, long non200, double seconds, long p50Nanos, long p99Nanos) {
    double throughput() {
      return requests / seconds;
    }
  }

  private KeepAliveLoad() {}

  /** Runs the load for {@code millis} against {@code port} with {@code request} bytes. */
  static Result run(int port, byte[] request, int connections, long millis)
      throws InterruptedException {
    int cap = 4_000_000 / connections;
    long[][] latencies = new long[connections][cap];
    int[] counts = new int[connections];
    long[] requests = new long[connections];
    long[] non200 = new long[connections];
    long end = System.nanoTime() + millis * 1_000_000;
    List<Thread> threads = new ArrayList<>();
    long start = System.nanoTime();
    for (int c = 0; c < connections; c++) {
      int me = c;
      Thread t =
          new Thread(
              () -> {
                try {
                  Socket socket = connect(port);
                  InputStream in = new BufferedInputStream(socket.getInputStream());
                  OutputStream out = socket.getOutputStream();
                  while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    out.write(request);
                    out.flush();
                    int[] statusAndClose = readResponse(in);
                    long took = System.nanoTime() - sent;
                    if (counts[me] < cap) {
                      latencies[me][counts[me]++] = took;
                    }
                    requests[me]++;
                    if (statusAndClose[0] != 200) {
                      non200[me]++;
                    }
                    if (statusAndClose[1] == 1) {
                      socket.close();
                      socket = connect(port);
                      in = new BufferedInputStream(socket.getInputStream());
                      out = socket.getOutputStream();
                    }
                  }
                  socket.close();
                } catch (IOException e) {
                  throw new IllegalStateException("load connection failed", e);
                }
              },
              "load-" + c);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join(millis + 30_000);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    int total = 0;
    for (int n : counts) {
      total += n;
    }
    long[] all = new long[total];
    int at = 0;
    for (int c = 0; c < connections; c++) {
      System.arraycopy(latencies[c], 0, all, at, counts[c]);
      at += counts[c];
    }
    long sum = 0;
    long bad = 0;
    for (int c = 0; c < connections; c++) {
      sum += requests[c];
      bad += non200[c];
    }
    return new Result(
        sum, bad, seconds, Stats.percentile(all, total, 50), Stats.percentile(all, total, 99));
  }

  static Socket connect(int port) throws IOException {
    Socket s = new Socket();
    s.setTcpNoDelay(true);
    s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
    s.setSoTimeout(30_000);
    return s;
  }

  /** Reads one response; returns {status, 1 if the server closes the connection}. */
  static int[] readResponse(InputStream in) throws IOException {
    String statusLine = line(in);
    int status = Integer.parseInt(statusLine.substring(9, 12));
    int length = 0;
    boolean close = false;
    for (String h = line(in); !h.isEmpty(); h = line(in)) {
      String lower = h.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Integer.parseInt(h.substring(15).trim());
      } else if (lower.startsWith("connection:") && lower.contains("close")) {
        close = true;
      }
    }
    for (int i = 0; i < length; i++) {
      if (in.read() < 0) {
        throw new IOException("body cut short");
      }
    }
    return new int[] {status, close ? 1 : 0};
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder(64);
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("connection closed mid-answer");
      }
      if (b != '\r') {
        sb.append((char) b);
      }
    }
    return sb.toString();
  }

  /** A GET of {@code target} as raw bytes. */
  static byte[] get(String target, int port) {
    return ("GET "
            + target
            + " HTTP/1.1\r\nHost: 127.0.0.1:"
            + port
            + "\r\nUser-Agent: bench\r\n\r\n")
        .getBytes(StandardCharsets.ISO_8859_1);
  }
}
