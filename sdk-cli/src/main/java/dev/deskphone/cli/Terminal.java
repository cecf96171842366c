package dev.deskphone.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What a command talks to: its output and error streams, the environment, and a way to ask for a
 * password without echo. Tests pass their own.
 *
 * @param out standard output
 * @param err standard error
 * @param env the environment variables
 * @param passwordPrompt asks for a password, or empty when there is no terminal to ask on
 * @param interactive whether standard error is a terminal (progress bars are drawn)
 * @param colour whether to write ANSI colours
 * @param stop counted down when a long-running command (a server, a fake) should stop: by Ctrl-C
 *     for the process's own terminal
 */
record Terminal(
    PrintWriter out,
    PrintWriter err,
    Map<String, String> env,
    Supplier<Optional<char[]>> passwordPrompt,
    boolean interactive,
    boolean colour,
    CountDownLatch stop) {
  /** How long Ctrl-C waits for a command to finish. */
  static final int FINISH_SECONDS = 5;

  Terminal {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    env = Map.copyOf(env);
    Objects.requireNonNull(passwordPrompt, "passwordPrompt");
    Objects.requireNonNull(stop, "stop");
  }

  /**
   * The process's own terminal. On Ctrl-C it counts down {@link #stop} and gives the command up to
   * {@value #FINISH_SECONDS} seconds to finish (a server prints its last counts) before the JVM
   * ends.
   *
   * @param finished counted down once the command has ended
   */
  static Terminal system(CountDownLatch finished) {
    java.io.Console console = System.console();
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stop.countDown();
                  try {
                    finished.await(FINISH_SECONDS, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                },
                "deskphone-stop"));
    boolean colour =
        console != null
            && System.getenv("NO_COLOR") == null
            && !"dumb".equals(System.getenv("TERM"));
    return new Terminal(
        new PrintWriter(System.out, true),
        new PrintWriter(System.err, true),
        System.getenv(),
        () ->
            console == null
                ? Optional.empty()
                : Optional.ofNullable(console.readPassword("Password: ")),
        console != null,
        colour,
        stop);
  }

  /** Blocks until {@link #stop} is counted down. */
  void awaitStop() throws InterruptedException {
    stop.await();
  }

  /** {@code text} in an ANSI colour when colours are on. */
  String paint(String text, Colour colour) {
    return this.colour ? "\u001b[" + colour.code + "m" + text + "\u001b[0m" : text;
  }

  /** The colours used. */
  enum Colour {
    RED("31"),
    GREEN("32"),
    YELLOW("33"),
    BOLD("1"),
    DIM("2");

    private final String code;

    Colour(String code) {
      this.code = code;
    }
  }
}
