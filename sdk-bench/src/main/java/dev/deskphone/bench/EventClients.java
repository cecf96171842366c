package dev.deskphone.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Phones firing action URLs at a server, closed loop for a fixed time: each client sends one event
 * and reads its answer before the next, going round its own share of the phones (so that each
 * phone's events are sent one after another, as a phone sends them). Either as phones do, a plain
 * {@code GET} with {@code Connection: close} on a new socket per event ({@code keepAlive} false;
 * the time starts before the connect), or several clients each reusing one kept-alive connection.
 * Each request's query ends in {@code &t=} and the {@link System#nanoTime()} it was sent at.
 */
final class EventClients {
  /** Events answered {@code 200}, answered otherwise, and lost to an I/O failure. */
  record Result(long ok, long non200, long failed) {}

  private EventClients() {}

  /**
   * Sends events to {@code port} for {@code millis}: client {@code c} fires {@code targets[c]},
   * {@code targets[c + clients]}, ... in turn, each with {@code &t=...} added.
   */
  static Result run(int port, String[] targets, int clients, boolean keepAlive, long millis)
      throws InterruptedException {
    Counts counts = new Counts();
    String tail =
        " HTTP/1.1\r\nHost: 127.0.0.1:"
            + port
            + "\r\nUser-Agent: bench-phone\r\n"
            + (keepAlive ? "" : "Connection: close\r\n")
            + "\r\n";
    long end = System.nanoTime() + millis * 1_000_000;
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      List<String> heads = new ArrayList<>();
      for (int i = c; i < targets.length; i += clients) {
        heads.add("GET " + targets[i] + "&t=");
      }
      Client client = new Client(port, heads, tail, end, counts);
      Thread t = new Thread(keepAlive ? client::keptAlive : client::oneEach, "event-client-" + c);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join(millis + 30_000);
    }
    return new Result(counts.ok.sum(), counts.non200.sum(), counts.failed.sum());
  }

  /** What all clients of a run saw. */
  private static final class Counts {
    final LongAdder ok = new LongAdder();
    final LongAdder non200 = new LongAdder();
    final LongAdder failed = new LongAdder();

    void answered(int status) {
      (status == 200 ? ok : non200).increment();
    }
  }

  /** One client: its phones' request heads (up to {@code &t=}), sent in turn until {@code end}. */
  private record Client(int port, List<String> heads, String tail, long end, Counts counts) {
    void oneEach() {
      for (int i = 0; System.nanoTime() < end; i = (i + 1) % heads.size()) {
        long sent = System.nanoTime();
        try (Socket socket = KeepAliveLoad.connect(port)) {
          OutputStream out = socket.getOutputStream();
          out.write(request(i, sent));
          out.flush();
          InputStream in = new BufferedInputStream(socket.getInputStream());
          counts.answered(KeepAliveLoad.readResponse(in)[0]);
        } catch (IOException e) {
          counts.failed.increment();
        }
      }
    }

    void keptAlive() {
      Socket socket = null;
      try {
        InputStream in = null;
        OutputStream out = null;
        for (int i = 0; System.nanoTime() < end; i = (i + 1) % heads.size()) {
          if (socket == null) {
            socket = KeepAliveLoad.connect(port);
            in = new BufferedInputStream(socket.getInputStream());
            out = socket.getOutputStream();
          }
          out.write(request(i, System.nanoTime()));
          out.flush();
          int[] statusAndClose = KeepAliveLoad.readResponse(in);
          counts.answered(statusAndClose[0]);
          if (statusAndClose[1] == 1) {
            socket.close();
            socket = null;
          }
        }
      } catch (IOException e) {
        counts.failed.increment();
      } finally {
        if (socket != null) {
          try {
            socket.close();
          } catch (IOException e) {
            // closing anyway
          }
        }
      }
    }

    private byte[] request(int i, long sent) {
      return (heads.get(i) + sent + tail).getBytes(StandardCharsets.ISO_8859_1);
    }
  }
}
