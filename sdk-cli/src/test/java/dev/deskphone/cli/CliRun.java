package dev.deskphone.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.Optional;

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
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Terminal terminal =
        new Terminal(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            env,
            Optional::empty,
            false,
            false);
    int exit = Deskphone.run(terminal, args);
    return new CliRun(exit, out.toString(), err.toString());
  }

  @Override
  public String toString() {
    return "exit " + exit + "\nout:\n" + out + "\nerr:\n" + err;
  }
}
