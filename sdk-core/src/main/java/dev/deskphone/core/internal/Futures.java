package dev.deskphone.core.internal;

import dev.deskphone.core.PhoneException;
import dev.deskphone.core.PhoneOutcomeUnknownException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** Waiting on the SDK's futures from blocking methods. */
public final class Futures {
  private Futures() {}

  /**
   * Waits for {@code future} and returns its value or throws its {@link PhoneException}. An
   * interrupt cancels the future (aborting the exchange), keeps the thread's interrupt flag and
   * throws {@link PhoneOutcomeUnknownException}: the command may have run.
   */
  public static <T> T await(CompletableFuture<T> future, String phone, String operation) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof PhoneException pe) {
        throw pe;
      }
      throw new PhoneException(phone, operation, "failed unexpectedly", e.getCause());
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw interrupted(phone, operation, e);
    }
  }

  /** The error of a blocking call that was interrupted while its request was in flight. */
  public static PhoneOutcomeUnknownException interrupted(
      String phone, String operation, InterruptedException cause) {
    return new PhoneOutcomeUnknownException(
        phone, operation, "interrupted while waiting: the command may have run; not resent", cause);
  }
}
