package dev.deskphone.cli;

import dev.deskphone.core.BatchOutcome;
import dev.deskphone.core.BatchResult;
import dev.deskphone.core.PhoneBatch;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Runs one operation on many phones with a concurrency cap: a progress bar on standard error, then
 * a summary table on standard output.
 */
final class Fleet {
  private static final int BAR_WIDTH = 30;

  private Fleet() {}

  /**
   * Runs {@code operation} on every phone.
   *
   * @param names how each phone is shown, in the order of {@code phones}
   * @return {@link ExitCode#OK} if every phone succeeded, else {@link ExitCode#FAILED}
   */
  static <P> int run(
      Terminal terminal,
      String operation,
      List<P> phones,
      Function<P, String> names,
      Function<P, ? extends CompletionStage<?>> op,
      int concurrency) {
    PhoneBatch batch = PhoneBatch.builder().concurrency(concurrency).build();
    BatchResult<P, Object> result =
        batch.run(
            phones,
            p -> op.apply(p).thenApply(v -> (Object) "ok"),
            (outcome, done, total) -> progress(terminal, done, total));
    terminal.err().print(terminal.interactive() ? "\r" + " ".repeat(BAR_WIDTH + 16) + "\r" : "");
    terminal.err().flush();
    int width = Math.max(5, phones.stream().map(names).mapToInt(String::length).max().orElse(5));
    String format = "%-" + width + "s  %-7s  %s%n";
    terminal.out().printf(format, "PHONE", "RESULT", operation);
    int failed = 0;
    for (BatchOutcome<P, Object> outcome : result.outcomes()) {
      String name = names.apply(outcome.phone());
      if (outcome instanceof BatchOutcome.Succeeded<P, Object>) {
        terminal.out().printf(format, name, terminal.paint("ok", Terminal.Colour.GREEN), "");
      } else if (outcome instanceof BatchOutcome.Failed<P, Object> f) {
        failed++;
        terminal
            .out()
            .printf(
                format,
                name,
                terminal.paint("FAILED", Terminal.Colour.RED),
                Errors.oneLine(f.error()));
      } else if (outcome instanceof BatchOutcome.NotStarted<P, Object> n) {
        failed++;
        terminal
            .out()
            .printf(format, name, terminal.paint("SKIPPED", Terminal.Colour.YELLOW), n.reason());
      }
    }
    terminal.out().printf("%d of %d phones ok%n", phones.size() - failed, phones.size());
    terminal.out().flush();
    return failed == 0 ? ExitCode.OK : ExitCode.FAILED;
  }

  private static void progress(Terminal terminal, int done, int total) {
    if (!terminal.interactive()) {
      return; // not a terminal: no bar to redraw
    }
    int filled = total == 0 ? BAR_WIDTH : done * BAR_WIDTH / total;
    terminal
        .err()
        .print(
            "\r["
                + "#".repeat(filled)
                + ".".repeat(BAR_WIDTH - filled)
                + "] "
                + done
                + "/"
                + total);
    terminal.err().flush();
  }
}
