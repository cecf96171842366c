package dev.deskphone.unify;

import dev.deskphone.core.PushRequest;
import dev.deskphone.core.internal.Checks;
import dev.deskphone.core.internal.Deadlines;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

/**
 * Matches a push to the Send URL request it makes the phone send. {@link #attach} adds a random,
 * single-use context ({@code ServerContextKey}={@value #CONTEXT_KEY}, {@code ServerContextValue}=
 * 32 hex digits) to a push; the phone sends it back as the free-form parameter {@code
 * DeskphoneContext=VALUE} of the request the push triggers, and {@link #match} completes the
 * pending push's future with that request. An unmatched context expires after the time to live; its
 * future then fails with {@link TimeoutException}.
 *
 * <pre>{@code
 * PushCorrelation correlation = PushCorrelation.create(Duration.ofSeconds(30));
 * SendUrlServer server = SendUrlServer.builder()...correlation(correlation).start();
 * PendingPush pending = correlation.attach(key.pushRequest());
 * phone.push(pending.push());
 * SendUrlRequest triggered = pending.request().get(10, TimeUnit.SECONDS);
 * }</pre>
 *
 * <p>Thread-safe; one instance may serve many servers and phones.
 */
public final class PushCorrelation {

  /** The context key sent as {@code ServerContextKey}: {@value}. */
  public static final String CONTEXT_KEY = "DeskphoneContext";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Duration timeToLive;
  private final Map<String, CompletableFuture<SendUrlRequest>> pending = new ConcurrentHashMap<>();

  private PushCorrelation(Duration timeToLive) {
    this.timeToLive = timeToLive;
  }

  /**
   * A correlation whose contexts expire after {@code timeToLive}.
   *
   * @param timeToLive how long a pushed context waits for its request, positive
   * @return the correlation
   * @throws IllegalArgumentException unless positive
   */
  public static PushCorrelation create(Duration timeToLive) {
    return new PushCorrelation(Checks.positive(timeToLive, "timeToLive"));
  }

  /**
   * The push with a fresh context attached, and the future of its request.
   *
   * @param push a push without a context of its own
   * @return the pending push
   * @throws IllegalArgumentException if the push already carries a context
   */
  public PendingPush attach(PushRequest push) {
    Objects.requireNonNull(push, "push");
    if (push.contextKey().isPresent()) {
      throw new IllegalArgumentException(
          "the push already carries context " + Checks.quote(push.contextKey().get()));
    }
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    String value = HexFormat.of().formatHex(bytes);
    CompletableFuture<SendUrlRequest> future = new CompletableFuture<>();
    pending.put(value, future);
    var expiry =
        Deadlines.schedule(
            timeToLive,
            () -> {
              if (pending.remove(value, future)) {
                future.completeExceptionally(
                    new TimeoutException(
                        "no Send URL request came back for push of "
                            + push.symbolicName()
                            + " within "
                            + timeToLive));
              }
            });
    future.whenComplete((r, e) -> expiry.cancel(false));
    PushRequest withContext =
        PushRequest.builder()
            .symbolicName(push.symbolicName())
            .programName(push.programName())
            .server(push.server())
            .context(CONTEXT_KEY, value)
            .build();
    return new PendingPush(withContext, future);
  }

  /**
   * Completes the pending push whose context this request carries, once. Requests without a
   * context, or with an unknown, expired or already used one, match nothing.
   *
   * @param request a Send URL request
   * @return whether it completed a pending push
   */
  public boolean match(SendUrlRequest request) {
    Optional<String> value = request.parameter(CONTEXT_KEY);
    if (value.isEmpty()) {
      return false;
    }
    CompletableFuture<SendUrlRequest> future = pending.remove(value.get());
    return future != null && future.complete(request);
  }

  /**
   * How many pushes wait for their request.
   *
   * @return the count
   */
  public int pendingCount() {
    return pending.size();
  }

  /** The time to live, for logs. */
  @Override
  public String toString() {
    return "PushCorrelation[timeToLive=" + timeToLive + ", pending=" + pending.size() + "]";
  }
}
