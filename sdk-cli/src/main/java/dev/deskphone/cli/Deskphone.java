package dev.deskphone.cli;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code deskphone} command. Errors are one line on standard error (a stack trace with {@code
 * --verbose}); the exit codes are listed in {@code --help}.
 */
@Command(
    name = "deskphone",
    scope = ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    version = "deskphone 0.1.0-SNAPSHOT",
    description = "Drive desk phones from a terminal: snom remote control, Unify Send URL, fakes.",
    footer = ExitCode.HELP,
    subcommands = {
      SnomCli.class,
      UnifyCli.class,
      FakeCli.class,
      Demo.class,
      AutoComplete.GenerateCompletion.class
    })
public final class Deskphone {
  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description = "Show stack traces and debug logs")
  boolean verbose;

  private final Terminal terminal;

  Deskphone(Terminal terminal) {
    this.terminal = terminal;
  }

  Terminal terminal() {
    return terminal;
  }

  /**
   * Runs {@code deskphone} with these arguments.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    // The one place the command line sets a system property: slf4j-simple's level, before any
    // logger exists. The library itself never reads or sets one.
    boolean verbose = List.of(args).contains("-v") || List.of(args).contains("--verbose");
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "debug" : "warn");
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    // Counted down before System.exit, which would wait forever for a Ctrl-C hook waiting on it.
    CountDownLatch finished = new CountDownLatch(1);
    int code;
    try {
      code = run(Terminal.system(finished), args);
    } finally {
      finished.countDown();
    }
    System.exit(code);
  }

  /** Runs a command line on {@code terminal} and returns its exit code. */
  static int run(Terminal terminal, String... args) {
    boolean verbose = List.of(args).contains("-v") || List.of(args).contains("--verbose");
    CommandLine cli = new CommandLine(new Deskphone(terminal));
    cli.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
    cli.setOut(terminal.out());
    cli.setErr(terminal.err());
    cli.setExecutionExceptionHandler(
        (error, line, parsed) -> {
          Throwable e = Errors.unwrap(error);
          terminal.err().println("deskphone: " + Errors.oneLine(e));
          if (verbose) {
            e.printStackTrace(terminal.err());
          }
          terminal.err().flush();
          return ExitCode.of(e);
        });
    int code = cli.execute(args);
    terminal.out().flush();
    terminal.err().flush();
    return code;
  }
}
