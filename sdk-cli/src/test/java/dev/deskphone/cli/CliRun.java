package dev.deskphone.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs {@code deskphone} in-process and keeps what it printed. */
final class CliRun {
  final int exit;
  final String out;
  final String err;

  private CliRun(int exit, String out, String err) {
    this.exit = exit;
    this.out = out;
    this.err = err;
  }

  static CliRun run(String... args) {
    return run(Map.of(), args);
  }

  static CliRun run(Map<String, String> env, String... args) {
    Running running = start(env, args);
    running.stop();
    return running.await();
  }

  /** Starts a command on its own thread, for servers and fakes that run until stopped. */
  static Running start(Map<String, String> env, String... args) {
    return new Running(env, args);
  }

  @Override
  public String toString() {
    return "exit " + exit + "\nout:\n" + out + "\nerr:\n" + err;
  }

  /**
   * A command running on a thread of its own. Never a shared pool: a fake or server runs until
   * stopped, and on JDK 25 with 2 CPUs {@code CompletableFuture}'s default executor is the common
   * pool with one worker, where a second command would wait for the first to end.
   */
  static final class Running {
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(60);
    private static final AtomicInteger COUNT = new AtomicInteger();

    private final Output out = new Output();
    private final Output err = new Output();
    private final CountDownLatch stop = new CountDownLatch(1);
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private final Thread thread;

    Running(Map<String, String> env, String... args) {
      Terminal terminal =
          new Terminal(
              new PrintWriter(out, true),
              new PrintWriter(err, true),
              env,
              Optional::empty,
              false,
              false,
              stop);
      thread =
          new Thread(
              () -> {
                try {
                  exit.complete(Deskphone.run(terminal, args));
                } catch (Throwable e) {
                  exit.completeExceptionally(e);
                }
              },
              "deskphone-cli-" + COUNT.incrementAndGet());
      thread.setDaemon(true);
      thread.start();
    }

    /** Waits until standard output matches {@code regex}, and returns its first group. */
    String awaitOutput(String regex, Duration timeout) throws InterruptedException {
      return out.await(Pattern.compile(regex), timeout);
    }

    String out() {
      return out.toString();
    }

    void stop() {
      stop.countDown();
    }

    /** Waits for the command to end; one still running after 60 s is interrupted and fails. */
    CliRun await() {
      int code;
      try {
        code = exit.get(EXIT_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        thread.interrupt();
        throw new AssertionError(
            "still running after " + EXIT_TIMEOUT + "; out:\n" + out + "\nerr:\n" + err, e);
      } catch (ExecutionException e) {
        throw new AssertionError("failed; out:\n" + out + "\nerr:\n" + err, e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for the command", e);
      }
      return new CliRun(code, out.toString(), err.toString());
    }
  }

  /** Collected text that a reader can wait on. */
  private static final class Output extends StringWriter {
    @Override
    public synchronized void write(String str, int off, int len) {
      super.write(str, off, len);
      notifyAll();
    }

    @Override
    public synchronized void write(char[] cbuf, int off, int len) {
      super.write(cbuf, off, len);
      notifyAll();
    }

    @Override
    public synchronized void write(int c) {
      super.write(c);
      notifyAll();
    }

    @Override
    public synchronized String toString() {
      return super.toString();
    }

    synchronized String await(Pattern pattern, Duration timeout) throws InterruptedException {
      long end = System.nanoTime() + timeout.toNanos();
      while (true) {
        Matcher m = pattern.matcher(super.toString());
        if (m.find()) {
          return m.groupCount() > 0 ? m.group(1) : m.group();
        }
        long left = end - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("no output matching " + pattern + " in:\n" + super.toString());
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
    }
  }
}
