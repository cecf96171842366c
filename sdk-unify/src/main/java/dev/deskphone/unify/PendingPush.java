package dev.deskphone.unify;

import dev.deskphone.core.PushRequest;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A push with a {@link PushCorrelation} context, and the future of the Send URL request it makes
 * the phone send. Immutable; the future is completed from the thread that handles the request.
 *
 * @param push the push to send, context attached
 * @param request completes with the triggered request, or fails with {@link
 *     java.util.concurrent.TimeoutException} once the context expires
 */
public record PendingPush(PushRequest push, CompletableFuture<SendUrlRequest> request) {
  /**
   * Checks both parts are there.
   *
   * @param push the push to send
   * @param request the future of the triggered request
   */
  public PendingPush {
    Objects.requireNonNull(push, "push");
    Objects.requireNonNull(request, "request");
  }
}
