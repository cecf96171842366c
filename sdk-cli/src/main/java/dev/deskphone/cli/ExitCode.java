package dev.deskphone.cli;

import dev.deskphone.core.PhoneAuthenticationException;
import dev.deskphone.core.PhoneException;
import dev.deskphone.core.PhoneOutcomeUnknownException;
import dev.deskphone.core.PhoneUnsupportedException;

/** The documented exit codes of {@code deskphone}. */
final class ExitCode {
  /** Everything worked. */
  static final int OK = 0;

  /** A phone failed: unreachable, refused the command, or answered unexpectedly. */
  static final int FAILED = 1;

  /** Bad usage or input: nothing was sent. */
  static final int USAGE = 2;

  /** The command may have run: the connection closed or timed out after sending. */
  static final int OUTCOME_UNKNOWN = 3;

  /** The phone refused the credentials, or they may not be sent. */
  static final int AUTHENTICATION = 4;

  /** The phone or its model does not support the operation. */
  static final int UNSUPPORTED = 5;

  /** The help footer that lists them. */
  static final String HELP =
      "%nExit codes:%n"
          + "  0  ok%n"
          + "  1  a phone failed (unreachable, refused the command, unexpected answer)%n"
          + "  2  bad usage or input; nothing was sent%n"
          + "  3  outcome unknown: the command may have run (never resent)%n"
          + "  4  credentials refused or not allowed%n"
          + "  5  not supported by the phone or its model%n";

  private ExitCode() {}

  /** The code for a failure. */
  static int of(Throwable error) {
    if (error instanceof IllegalArgumentException) {
      return USAGE;
    }
    if (error instanceof PhoneOutcomeUnknownException) {
      return OUTCOME_UNKNOWN;
    }
    if (error instanceof PhoneAuthenticationException) {
      return AUTHENTICATION;
    }
    if (error instanceof PhoneUnsupportedException) {
      return UNSUPPORTED;
    }
    if (error instanceof PhoneException) {
      return FAILED;
    }
    return FAILED;
  }
}
