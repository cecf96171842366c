package dev.deskphone.unify;

import dev.deskphone.core.internal.Checks;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Routes Send URL requests by the key's symbolic name; a key without a route is answered as
 * {@linkplain SendUrlReply#unknownKey() unknown} (404, the phone changes nothing) unless a fallback
 * is set.
 *
 * <pre>{@code
 * SendUrlRoutes routes = SendUrlRoutes.builder()
 *     .route("Door", request -> TurnledResponse.of(...))
 *     .acknowledge("Coffee")
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe once built.
 */
public final class SendUrlRoutes implements SendUrlResponder {
  private final Map<String, SendUrlResponder> routes;
  private final SendUrlResponder fallback;

  private SendUrlRoutes(Builder b) {
    this.routes = Map.copyOf(b.routes);
    this.fallback = b.fallback;
  }

  /**
   * Starts a routing table.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Answers with the route for the request's symbolic name, else the fallback.
   *
   * @param request the request
   * @return the route's reply
   * @throws Exception whatever the route throws
   */
  @Override
  public SendUrlReply respond(SendUrlRequest request) throws Exception {
    return routes.getOrDefault(request.symbolicName(), fallback).respond(request);
  }

  /** The symbolic names routed, for logs. */
  @Override
  public String toString() {
    return "SendUrlRoutes" + routes.keySet();
  }

  /** Builds {@link SendUrlRoutes}. Not thread-safe. */
  public static final class Builder {
    private final Map<String, SendUrlResponder> routes = new LinkedHashMap<>();
    private SendUrlResponder fallback = request -> SendUrlReply.unknownKey();

    private Builder() {}

    /**
     * Routes the key {@code symbolicName} to a handler of LEDs.
     *
     * @param symbolicName the key's symbolic name
     * @param handler its handler
     * @return this builder
     * @throws IllegalArgumentException if the name is not a symbolic name or already routed
     */
    public Builder route(String symbolicName, SendUrlHandler handler) {
      return respond(symbolicName, SendUrlResponder.of(handler));
    }

    /**
     * Routes the key {@code symbolicName} to a responder.
     *
     * @param symbolicName the key's symbolic name
     * @param responder its responder
     * @return this builder
     * @throws IllegalArgumentException if the name is not a symbolic name or already routed
     */
    public Builder respond(String symbolicName, SendUrlResponder responder) {
      Checks.symbolicName(symbolicName);
      Objects.requireNonNull(responder, "responder");
      if (routes.putIfAbsent(symbolicName, responder) != null) {
        throw new IllegalArgumentException("symbolic name " + symbolicName + " is already routed");
      }
      return this;
    }

    /**
     * Answers the key {@code symbolicName} with the empty-200 acknowledgement (green for 2 s).
     *
     * @param symbolicName the key's symbolic name
     * @return this builder
     * @throws IllegalArgumentException if the name is not a symbolic name or already routed
     */
    public Builder acknowledge(String symbolicName) {
      return respond(symbolicName, request -> SendUrlReply.acknowledge());
    }

    /**
     * Sets what answers keys without a route. Defaults to {@link SendUrlReply#unknownKey()}.
     *
     * @param fallback the fallback responder
     * @return this builder
     */
    public Builder otherwise(SendUrlResponder fallback) {
      this.fallback = Objects.requireNonNull(fallback, "fallback");
      return this;
    }

    /**
     * Builds the routes.
     *
     * @return the routes
     */
    public SendUrlRoutes build() {
      return new SendUrlRoutes(this);
    }
  }
}
