package dev.deskphone.cli;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Errors as the one line a user reads. */
final class Errors {
  private Errors() {}

  /** The error that matters, out of the wrappers futures put around it. */
  static Throwable unwrap(Throwable error) {
    Throwable e = error;
    while ((e instanceof CompletionException || e instanceof ExecutionException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  /** The message on one line, or the type when there is none. */
  static String oneLine(Throwable error) {
    Throwable e = unwrap(error);
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.replaceAll("[\\r\\n]+", " ");
  }
}
