package dev.deskphone.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Raw bytes to a server on loopback and what comes back, for the hostile-client and wire-fuzz
 * suites: whatever the server does (answer, close, reset, pause), the exchange ends.
 */
final class RawWire {
  private RawWire() {}

  /**
   * Writes {@code request} on a new connection and reads the answer's head: until a blank line, a
   * close, a reset or a 5-second pause. Empty if the server closed before all was written.
   */
  static String head(int port, String request) throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      s.setSoTimeout(5000);
      OutputStream out = s.getOutputStream();
      try {
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
      } catch (IOException closedWhileWriting) {
        return "";
      }
      InputStream in = s.getInputStream();
      StringBuilder answer = new StringBuilder();
      byte[] buf = new byte[8192];
      try {
        for (int n; (n = in.read(buf)) > 0; ) {
          answer.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
          if (answer.indexOf("\r\n\r\n") >= 0) {
            break;
          }
        }
      } catch (SocketTimeoutException | SocketException closed) {
        // a close or reset is an acceptable answer to garbage
      }
      return answer.toString();
    }
  }

  /**
   * Writes {@code input} on a new connection, then ends the sending side, so that the server sees
   * the end at once instead of waiting out its deadlines (thousands of inputs a second instead of
   * tens), and reads until the server closes, resets or pauses for 2 seconds, at most 1 MiB.
   */
  static String all(int port, byte[] input) throws IOException {
    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      s.setSoTimeout(2000);
      // Closed with a reset at the end: thousands of inputs leave no TIME_WAIT behind.
      s.setSoLinger(true, 0);
      try {
        s.getOutputStream().write(input);
        s.shutdownOutput();
      } catch (SocketException closedWhileWriting) {
        // the server may refuse before all of a long input is written; read what it said
      }
      InputStream in = s.getInputStream();
      byte[] buf = new byte[8192];
      try {
        for (int n; (n = in.read(buf)) >= 0 && answer.size() < 1 << 20; ) {
          answer.write(buf, 0, n);
        }
      } catch (SocketTimeoutException | SocketException endedOrReset) {
        // a pause, a close or a reset ends the answer
      }
    }
    return answer.toString(StandardCharsets.ISO_8859_1);
  }

  /**
   * Opens {@code count} connections that send {@code head}, then one more byte every 100 ms: slow
   * clients that never finish their request. Closing the result closes them.
   */
  static AutoCloseable dribblers(int port, int count, String head) throws IOException {
    List<Socket> slow = new ArrayList<>();
    ScheduledExecutorService dribble = Executors.newSingleThreadScheduledExecutor();
    AutoCloseable stop =
        () -> {
          dribble.shutdownNow();
          for (Socket s : slow) {
            s.close();
          }
        };
    try {
      for (int i = 0; i < count; i++) {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
        slow.add(s);
        s.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
      }
    } catch (IOException e) {
      try {
        stop.close();
      } catch (Exception ignored) {
        // closing what was opened; the first failure is the one to report
      }
      throw e;
    }
    dribble.scheduleAtFixedRate(
        () -> {
          for (Socket s : slow) {
            try {
              s.getOutputStream().write('a');
            } catch (IOException closedByTheServer) {
              // fine: the server may cut a slow client off
            }
          }
        },
        100,
        100,
        TimeUnit.MILLISECONDS);
    return stop;
  }
}
