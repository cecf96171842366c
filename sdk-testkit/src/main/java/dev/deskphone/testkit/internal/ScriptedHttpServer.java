package dev.deskphone.testkit.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A small HTTP/1.1 (or HTTPS) server on 127.0.0.1 whose every answer is scripted, misbehaviour
 * included: closing without an answer, resetting, stalling, truncating. It reads requests itself,
 * byte by byte, independent of any client code in the SDK. One thread per connection; {@link
 * #close()} closes every socket and ends every thread. {@link #suspend()} and {@link #resume()}
 * take it off the network (connections refused) and back on the same port, as a rebooting device.
 */
public final class ScriptedHttpServer implements Closeable {
  private final SSLContext tls;
  private final String scheme;
  private final Script script;
  private final int port;
  private final Object listening = new Object();
  private ServerSocket serverSocket; // guarded by listening; null while suspended
  private Thread acceptor; // guarded by listening

  /** Guarded by {@link #arrivals}: appending costs O(1) however many requests came before. */
  private final List<RecordedRequest> journal = new ArrayList<>();

  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
  private final AtomicInteger connections = new AtomicInteger();
  private final CountDownLatch closed = new CountDownLatch(1);
  private final Object arrivals = new Object();
  private volatile boolean running = true;
  private volatile Interceptor interceptor = Interceptor.NONE;

  private ScriptedHttpServer(Script script, SSLContext tls, int port) throws IOException {
    this.script = Objects.requireNonNull(script, "script");
    this.tls = tls;
    this.scheme = tls == null ? "http" : "https";
    synchronized (listening) {
      listen(port);
      this.port = serverSocket.getLocalPort();
    }
  }

  /** Binds a listening socket to {@code wanted} (0: any free port) and starts accepting. */
  private void listen(int wanted) throws IOException {
    // An SSL server socket handshakes lazily, on the connection's own thread at its first read.
    ServerSocket s =
        tls == null ? new ServerSocket() : tls.getServerSocketFactory().createServerSocket();
    try {
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), wanted), 128);
    } catch (IOException e) {
      s.close();
      throw e;
    }
    serverSocket = s;
    acceptor = new Thread(() -> acceptLoop(s), "loopback-http-accept-" + s.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Starts a server on 127.0.0.1 and an ephemeral port that answers with {@code script}. */
  public static ScriptedHttpServer start(Script script) throws IOException {
    return new ScriptedHttpServer(script, null, 0);
  }

  /** Starts an https server on 127.0.0.1 and an ephemeral port that presents {@code tls}. */
  public static ScriptedHttpServer startTls(Script script, SSLContext tls) throws IOException {
    return new ScriptedHttpServer(script, Objects.requireNonNull(tls, "tls"), 0);
  }

  /**
   * Starts a server on 127.0.0.1 and {@code port} (0: an ephemeral one), over https when {@code
   * tls} is not null.
   */
  public static ScriptedHttpServer start(Script script, SSLContext tls, int port)
      throws IOException {
    return new ScriptedHttpServer(script, tls, checkedPort(port));
  }

  /**
   * {@code port} if a server can listen on it (0 to 65535, 0 meaning any free one).
   *
   * @throws IllegalArgumentException otherwise
   */
  public static int checkedPort(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be from 0 to 65535, was " + port);
    }
    return port;
  }

  /** Puts {@code interceptor} between the script and the wire, for faults. */
  public void intercept(Interceptor interceptor) {
    this.interceptor = Objects.requireNonNull(interceptor, "interceptor");
  }

  /** {@code http} or {@code https}. */
  public String scheme() {
    return scheme;
  }

  /** The port it listens on (the same one again after {@link #resume()}). */
  public int port() {
    return port;
  }

  /**
   * Stops listening and closes every open connection, so that new connections are refused until
   * {@link #resume()}. Does nothing to connections if already suspended or closed.
   */
  public void suspend() {
    stopListening();
    closeConnections();
  }

  /**
   * Stops listening: new connections are refused from the moment this returns, open ones go on. May
   * be called from a connection's own thread; it waits for the accepting thread to end. Does
   * nothing if not listening.
   */
  public void stopListening() {
    Thread stopped;
    synchronized (listening) {
      if (serverSocket == null) {
        return;
      }
      closeQuietly(serverSocket);
      serverSocket = null;
      stopped = acceptor;
    }
    // The JDK releases the listening socket only once the thread blocked in accept() has left it.
    try {
      stopped.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Closes every open connection; their threads end on their own. */
  public void closeConnections() {
    sockets.forEach(ScriptedHttpServer::closeQuietly);
  }

  /**
   * Listens again on the same port after {@link #suspend()}. Does nothing if listening or closed.
   *
   * @throws IOException if the port cannot be bound again
   */
  public void resume() throws IOException {
    synchronized (listening) {
      if (serverSocket == null && running) {
        listen(port);
      }
    }
  }

  /** Whether it accepts connections now (false while suspended and after close). */
  public boolean isListening() {
    synchronized (listening) {
      return serverSocket != null;
    }
  }

  /** {@code http(s)://127.0.0.1:PORT} followed by {@code pathAndQuery} exactly as given. */
  public URI uri(String pathAndQuery) {
    return URI.create(scheme + "://127.0.0.1:" + port() + pathAndQuery);
  }

  /** Every request read so far, in arrival order. */
  public List<RecordedRequest> requests() {
    synchronized (arrivals) {
      return List.copyOf(journal);
    }
  }

  /** How many requests were read so far. */
  public int requestCount() {
    synchronized (arrivals) {
      return journal.size();
    }
  }

  /** How many connections were accepted so far. */
  public int connectionCount() {
    return connections.get();
  }

  /** How many connections are open now. */
  public int openConnections() {
    return (int) sockets.stream().filter(s -> !s.isClosed()).count();
  }

  /**
   * Waits until at least {@code count} requests have arrived or {@code timeout} passes.
   *
   * @return whether they arrived
   */
  public boolean awaitRequests(int count, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    synchronized (arrivals) {
      while (journal.size() < count) {
        long left = end - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(arrivals, left);
      }
      return true;
    }
  }

  @Override
  public void close() {
    Thread lastAcceptor;
    synchronized (listening) {
      running = false;
      closed.countDown();
      if (serverSocket != null) {
        closeQuietly(serverSocket);
        serverSocket = null;
      }
      lastAcceptor = acceptor;
    }
    sockets.forEach(ScriptedHttpServer::closeQuietly);
    for (Thread t : List.copyOf(threads)) {
      try {
        t.join(TimeUnit.SECONDS.toMillis(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    try {
      lastAcceptor.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void acceptLoop(ServerSocket listener) {
    while (running) {
      Socket socket;
      try {
        socket = listener.accept();
      } catch (IOException e) {
        return;
      }
      if (listener.isClosed()) {
        closeQuietly(socket); // accepted while being suspended or closed
        return;
      }
      int connection = connections.incrementAndGet();
      sockets.add(socket);
      Thread t =
          new Thread(() -> serve(socket, connection), "loopback-http-" + port + "-" + connection);
      t.setDaemon(true);
      // A connection's thread stays listed until it has ended, not just left serve(), so that
      // close() joins it; ended ones are dropped here, keeping the set to the live connections.
      threads.removeIf(old -> !old.isAlive());
      threads.add(t);
      t.start();
    }
  }

  private void serve(Socket socket, int connection) {
    try (socket) {
      socket.setTcpNoDelay(true);
      HeadInput in = new HeadInput(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      for (int index = 1; running; index++) {
        Interceptor faults = interceptor;
        Action fault = faults.beforeRead(requestCount() + 1, connection, index);
        if (fault instanceof Action.TlsFailure) {
          failHandshake(socket, in);
          return;
        }
        if (fault != null && !perform(fault, socket, out)) {
          return;
        }
        Action early = script.beforeRead(connection, index);
        if (early != null && !perform(early, socket, out)) {
          return;
        }
        RecordedRequest request = HttpRequestReader.read(in, connection, index);
        if (request == null) {
          return;
        }
        int sequence;
        synchronized (arrivals) {
          journal.add(request);
          sequence = journal.size();
          arrivals.notifyAll();
        }
        Action action = faults.answer(sequence, request, script.answer(request));
        boolean more;
        try {
          more = perform(action, socket, out);
        } finally {
          script.answered(request);
        }
        if (!more) {
          return;
        }
      }
    } catch (IOException e) {
      // the peer went away; nothing to do
    } finally {
      sockets.remove(socket);
    }
  }

  /** Offers only a protocol no client accepts, so that the handshake fails at the first read. */
  private static void failHandshake(Socket socket, InputStream in) throws IOException {
    if (socket instanceof SSLSocket ssl) {
      ssl.setEnabledProtocols(new String[] {"TLSv1"});
      in.read();
    }
  }

  /** Carries out {@code action}; false when the connection is finished. */
  private boolean perform(Action action, Socket socket, OutputStream out) throws IOException {
    if (action instanceof Action.Respond r) {
      if (!r.delay().isZero() && awaitClose(r.delay())) {
        return false;
      }
      out.write(r.encode());
      out.flush();
      return !r.closeAfter();
    } else if (action instanceof Action.Slow slow) {
      out.write(slow.answer().head());
      out.flush();
      for (byte b : slow.answer().body()) {
        if (awaitClose(slow.pause())) {
          return false;
        }
        out.write(b);
        out.flush();
      }
      return !slow.answer().closeAfter();
    } else if (action instanceof Action.Close || action instanceof Action.TlsFailure) {
      return false;
    } else if (action instanceof Action.Reset) {
      socket.setSoLinger(true, 0);
      return false;
    } else if (action instanceof Action.Stall) {
      awaitClose(Duration.ofDays(1));
      return false;
    } else if (action instanceof Action.Raw raw) {
      out.write(raw.bytes());
      out.flush();
      if (raw.thenStall()) {
        awaitClose(Duration.ofDays(1));
      }
      return false;
    }
    throw new IllegalStateException("unknown action " + action);
  }

  /** Waits for {@code d} or until the server closes; true if it closed. */
  private boolean awaitClose(Duration d) {
    try {
      return closed.await(d.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  private static void closeQuietly(Closeable s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // best effort
    }
  }

  /** Decides each answer. Called on the connection's thread. */
  @FunctionalInterface
  public interface Script {
    /** The answer to a request that was read whole. */
    Action answer(RecordedRequest request);

    /**
     * What to do before reading request {@code index} (1-based) of connection {@code connection},
     * or null to read it. Lets a script close a connection before reading anything.
     */
    default Action beforeRead(int connection, int index) {
      return null;
    }

    /**
     * Called on the connection's thread once the answer to {@code request} was carried out (or
     * failed to be): for effects that must follow the answer, such as going offline.
     */
    default void answered(RecordedRequest request) {}
  }

  /** Builds raw response bytes. */
  public static byte[] head(int status, String reason, List<HeaderField> headers) {
    StringBuilder sb = new StringBuilder(128);
    sb.append("HTTP/1.1 ").append(status).append(' ').append(reason).append("\r\n");
    for (HeaderField h : headers) {
      sb.append(h.name()).append(": ").append(h.value()).append("\r\n");
    }
    sb.append("\r\n");
    return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
  }
}
