package dev.deskphone.core;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waiting on the SDK's futures from blocking methods. */
final class Futures {
  /** How long past a request's deadline a caller waits for a transport that missed it. */
  private static final Duration GRACE = Duration.ofSeconds(1);

  private Futures() {}

  /**
   * Waits for the answer to {@code request} and returns it or throws its {@link PhoneException}. A
   * transport ends the exchange by the request's deadline; if the request has one, the wait also
   * ends a second after it (cancelling the future), so that a transport breaking that contract
   * cannot block the caller for long. An interrupt cancels the future (aborting the exchange),
   * keeps the thread's interrupt flag and throws {@link PhoneOutcomeUnknownException}: the command
   * may have run.
   */
  static <T> T await(CompletableFuture<T> future, PhoneRequest request) {
    String phone = request.phone();
    String operation = request.operation();
    try {
      if (request.timeout().isEmpty()) {
        return future.get();
      }
      Duration limit = request.timeout().get().plus(GRACE);
      return future.get(limit.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new PhoneTimeoutException(
          phone,
          operation,
          "no answer within "
              + request.timeout().get()
              + " (the transport did not end the exchange)",
          null);
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
  static PhoneOutcomeUnknownException interrupted(
      String phone, String operation, InterruptedException cause) {
    return new PhoneOutcomeUnknownException(
        phone, operation, "interrupted while waiting: the command may have run; not resent", cause);
  }
}
