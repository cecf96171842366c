package dev.deskphone.unify.internal;

import dev.deskphone.unify.SendUrlReply;
import dev.deskphone.unify.SendUrlRequest;
import dev.deskphone.unify.SendUrlResponder;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a responder on a bounded pool with a deadline. A full pool, or a responder that overruns,
 * gives {@link HandlerUnavailableException} at once or at the deadline; an overrunning responder is
 * interrupted and its answer, if it ever comes, is dropped. Thread-safe.
 */
public final class DeadlineResponder implements SendUrlResponder {
  private final SendUrlResponder responder;
  private final ExecutorService pool;
  private final Duration timeout;

  /** Runs {@code responder} on {@code pool}, waiting at most {@code timeout}. */
  public DeadlineResponder(SendUrlResponder responder, ExecutorService pool, Duration timeout) {
    this.responder = responder;
    this.pool = pool;
    this.timeout = timeout;
  }

  @Override
  public SendUrlReply respond(SendUrlRequest request) throws Exception {
    Future<SendUrlReply> future;
    try {
      future = pool.submit(() -> responder.respond(request));
    } catch (RejectedExecutionException e) {
      throw new HandlerUnavailableException("the server is busy; try again later");
    }
    try {
      return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new HandlerUnavailableException("the handler did not answer in time");
    } catch (InterruptedException e) {
      future.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception x) {
        throw x;
      }
      throw (Error) cause;
    }
  }

  @Override
  public String toString() {
    return responder + " (deadline " + timeout + ")";
  }
}
