package dev.deskphone.core;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A web server that no one here wrote (Apache httpd, lighttpd), run from Debian's packages on
 * 127.0.0.1 for interoperability tests, with its access log written as {@code "%r %>s"}.
 */
final class ExternalServer implements AutoCloseable {
  private final Process process;
  private final Path root;
  final int port;

  private ExternalServer(Process process, Path root, int port) {
    this.process = process;
    this.root = root;
    this.port = port;
  }

  /** A free port on 127.0.0.1 for the server to listen on. */
  static int freePort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    }
  }

  /** Makes {@code dirs} readable by the unprivileged user the server drops to. */
  static void readableByAll(Path... dirs) throws IOException {
    for (Path p : dirs) {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  /** Starts {@code command} in the foreground and waits until it listens on {@code port}. */
  static ExternalServer start(Path root, int port, List<String> command) throws IOException {
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(root.resolve("stdout.log").toFile())
            .start();
    ExternalServer server = new ExternalServer(process, root, port);
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < end) {
      if (!process.isAlive()) {
        throw new IOException(
            command.get(0) + " exited: " + Files.readString(root.resolve("stdout.log")));
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return server;
      } catch (IOException notYet) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
      }
    }
    server.close();
    throw new IOException(command.get(0) + " did not listen on port " + port);
  }

  /** The access log lines so far. */
  List<String> accessLog() throws IOException {
    Path log = root.resolve("access.log");
    return Files.exists(log) ? Files.readAllLines(log) : List.of();
  }

  /** The servers write a log line after answering: waits for {@code lines} without sleeping. */
  List<String> accessLogOf(int lines) throws IOException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    List<String> log = accessLog();
    while (log.size() < lines && System.nanoTime() < end) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
      log = accessLog();
    }
    return log;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
