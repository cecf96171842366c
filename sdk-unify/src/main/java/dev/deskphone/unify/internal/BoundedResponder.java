package dev.deskphone.unify.internal;

import dev.deskphone.unify.SendUrlReply;
import dev.deskphone.unify.SendUrlRequest;
import dev.deskphone.unify.SendUrlResponder;
import java.util.concurrent.Semaphore;

/**
 * Runs a responder on the calling thread, at most {@code workers} at once. When that many are
 * running, {@link HandlerUnavailableException} comes at once instead of a wait. Thread-safe.
 */
public final class BoundedResponder implements SendUrlResponder {
  private final SendUrlResponder responder;
  private final Semaphore permits;
  private final int workers;

  /** Lets at most {@code workers} calls of {@code responder} run at once. */
  public BoundedResponder(SendUrlResponder responder, int workers) {
    this.responder = responder;
    this.permits = new Semaphore(workers);
    this.workers = workers;
  }

  @Override
  public SendUrlReply respond(SendUrlRequest request) throws Exception {
    if (!permits.tryAcquire()) {
      throw new HandlerUnavailableException("the server is busy; try again later");
    }
    try {
      return responder.respond(request);
    } finally {
      permits.release();
    }
  }

  @Override
  public String toString() {
    return responder + " (at most " + workers + " at once)";
  }
}
