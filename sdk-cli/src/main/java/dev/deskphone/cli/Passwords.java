package dev.deskphone.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a password comes from: a file, the {@value #ENV} environment variable, or a prompt. Never
 * from the command line, where {@code ps} and shell history would show it.
 */
final class Passwords {
  /** The environment variable read when no password file is given. */
  static final String ENV = "DESKPHONE_PASSWORD";

  private Passwords() {}

  /**
   * The password for {@code user}.
   *
   * @throws IllegalArgumentException if no source has one, or the file cannot be read
   */
  static String read(Path file, Terminal terminal, String user) {
    if (file != null) {
      try {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String first = text.lines().findFirst().orElse("");
        if (first.isEmpty()) {
          throw new IllegalArgumentException("the password file " + file + " is empty");
        }
        return first;
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "cannot read the password file " + file + ": " + e.getClass().getSimpleName());
      }
    }
    String env = terminal.env().get(ENV);
    if (env != null && !env.isEmpty()) {
      return env;
    }
    Optional<char[]> typed = terminal.passwordPrompt().get();
    if (typed.isPresent() && typed.get().length > 0) {
      return new String(typed.get());
    }
    throw new IllegalArgumentException(
        "no password for user "
            + user
            + ": give --password-file FILE, set "
            + ENV
            + ", or run in a terminal to be asked");
  }
}
