package dev.deskphone.core.server;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiFunction;

/**
 * Accepts connections on one thread and serves each on a thread of its own from {@code pool}, up to
 * {@code maxConnections} open at once. At that limit a new connection closes one that is idle
 * between requests to make room, or is itself closed unanswered if none is. Thread-safe.
 */
final class Listener implements AutoCloseable {
  private final ServerSocket server;
  private final ThreadPoolExecutor pool;
  private final int maxConnections;
  private final BiFunction<Socket, Set<Connection>, Connection> connections;
  private final Set<Connection> open = ConcurrentHashMap.newKeySet();
  private final Thread acceptor;
  private volatile boolean closed;

  /**
   * Starts accepting on {@code server}; {@code connections} makes the connection for an accepted
   * socket, given the set it belongs to while open.
   */
  Listener(
      ServerSocket server,
      ThreadPoolExecutor pool,
      int maxConnections,
      BiFunction<Socket, Set<Connection>, Connection> connections,
      String threadName) {
    this.server = server;
    this.pool = pool;
    this.maxConnections = maxConnections;
    this.connections = connections;
    this.acceptor = new Thread(this::acceptLoop, threadName);
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private void acceptLoop() {
    while (!closed) {
      Socket socket;
      try {
        socket = server.accept();
      } catch (IOException e) {
        if (closed || server.isClosed()) {
          return;
        }
        // One failed accept (the client reset first, or no file descriptors left): a short pause,
        // so that a lasting failure does not spin.
        LockSupport.parkNanos(10_000_000);
        continue;
      }
      try {
        // Answers are written in one write each: nothing for Nagle to hold back.
        socket.setTcpNoDelay(true);
      } catch (IOException e) {
        closeQuietly(socket);
        continue;
      }
      if (open.size() >= maxConnections && !closeAnIdleConnection()) {
        closeQuietly(socket);
        continue;
      }
      Connection connection = connections.apply(socket, open);
      open.add(connection);
      if (closed) {
        connection.close();
        return;
      }
      try {
        pool.execute(connection);
      } catch (RejectedExecutionException e) {
        connection.close();
      }
    }
  }

  private boolean closeAnIdleConnection() {
    for (Connection c : open) {
      if (c.closeIfIdle()) {
        return true;
      }
    }
    return false;
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
  }

  /** Stops accepting and closes every open connection. */
  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException e) {
      // closing anyway
    }
    for (Connection c : open) {
      c.close();
    }
  }
}
