package dev.deskphone.unify;

import dev.deskphone.core.Credentials;
import dev.deskphone.core.PhoneHeaders;
import dev.deskphone.core.PhoneResponse;
import dev.deskphone.unify.internal.ContentTypes;
import dev.deskphone.unify.internal.HandlerUnavailableException;
import dev.deskphone.unify.internal.Secrets;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request-to-reply core of a Send URL server, free of any HTTP framework: method, raw query,
 * headers and body in; status, headers and body out. {@link SendUrlServer} serves it over an HTTP
 * server of its own; mount it in a servlet or a Spring controller the same way.
 *
 * <pre>{@code
 * SendUrlEndpoint endpoint = SendUrlEndpoint.builder().credentials("MyUsername", "MyPassword")
 *     .handler(request -> TurnledResponse.of(...)).build();
 * PhoneResponse answer = endpoint.handle("GET", rawQuery, PhoneHeaders.empty(), new byte[0]);
 * }</pre>
 *
 * <p>Answers (never a 3xx: the phone would not follow it):
 *
 * <ul>
 *   <li>{@code 200 text/xml} with the Turnled XML, or with an empty body for {@link
 *       SendUrlReply#acknowledge()};
 *   <li>{@code 400} for a malformed request, {@code 405} for a method other than GET or POST,
 *       {@code 415} for a POST that is not a form;
 *   <li>{@code 403} when {@code userid} or {@code password} is missing or wrong, alike in every
 *       case and in time that does not depend on where they differ; the handler is not called;
 *   <li>{@code 404} for {@link SendUrlReply#unknownKey()};
 *   <li>{@code 500} when the handler throws or returns null, {@code 503} when it is unavailable
 *       (see {@link SendUrlServer}); a short plain-text body, never a stack trace.
 * </ul>
 *
 * <p>Immutable and thread-safe; {@link #handle} blocks for as long as the handler does.
 */
public final class SendUrlEndpoint {
  private static final Logger LOG = LoggerFactory.getLogger(SendUrlEndpoint.class);

  private final Credentials credentials;
  private final byte[] userDigest;
  private final byte[] passwordDigest;
  private final SendUrlResponder responder;
  private final PushCorrelation correlation;

  private SendUrlEndpoint(Builder b) {
    this.credentials = b.credentials;
    // Hashed once here, so that each request hashes only what it sent.
    this.userDigest = credentials == null ? null : Secrets.digest(credentials.username());
    this.passwordDigest = credentials == null ? null : Secrets.digest(credentials.password());
    this.responder = b.responder;
    this.correlation = b.correlation;
  }

  /**
   * Starts an endpoint.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Answers one request.
   *
   * @param method the request method
   * @param rawQuery the raw (percent-encoded) query, or null for none
   * @param headers the request headers ({@code Content-Type} is read)
   * @param body the request body
   * @return the answer; its headers hold {@code Content-Type}, never {@code Content-Length}
   */
  public PhoneResponse handle(String method, String rawQuery, PhoneHeaders headers, byte[] body) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
    if (!method.equals("GET") && !method.equals("POST")) {
      return PhoneResponse.of(
          405,
          PhoneHeaders.of("Content-Type", "text/plain; charset=UTF-8", "Allow", "GET, POST"),
          text("a Send URL key sends GET or POST"));
    }
    String contentType = headers.firstValue("Content-Type").orElse(null);
    if (method.equals("POST") && !ContentTypes.isForm(contentType)) {
      return plain(415, "a Send URL POST is " + ContentTypes.FORM);
    }
    SendUrlRequest request;
    try {
      request = SendUrlRequest.parse(method, rawQuery, contentType, body);
    } catch (IllegalArgumentException e) {
      return plain(400, "not a Send URL request: " + e.getMessage());
    }
    if (credentials != null && !request.credentialsMatch(userDigest, passwordDigest)) {
      return plain(403, "forbidden");
    }
    if (correlation != null) {
      correlation.match(request);
    }
    return reply(request);
  }

  private PhoneResponse reply(SendUrlRequest request) {
    SendUrlReply reply;
    try {
      reply = responder.respond(request);
    } catch (HandlerUnavailableException e) {
      return plain(503, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return plain(503, "the server is shutting down");
    } catch (Exception e) {
      LOG.warn("Send URL handler failed for key {}", request.symbolicName(), e);
      return plain(500, "the handler failed");
    }
    if (reply == null) {
      LOG.warn("Send URL handler returned null for key {}", request.symbolicName());
      return plain(500, "the handler gave no reply");
    }
    if (reply instanceof SendUrlReply.Leds leds) {
      return PhoneResponse.of(200, xmlHeaders(), TurnledXml.toBytes(leds.turnleds()));
    }
    if (reply instanceof SendUrlReply.Acknowledge) {
      return PhoneResponse.of(200, xmlHeaders(), new byte[0]);
    }
    return plain(404, "no handler for key " + request.symbolicName());
  }

  private static PhoneHeaders xmlHeaders() {
    return PhoneHeaders.of("Content-Type", TurnledXml.CONTENT_TYPE, "Cache-Control", "no-store");
  }

  private static PhoneResponse plain(int status, String message) {
    return PhoneResponse.of(
        status,
        PhoneHeaders.of("Content-Type", "text/plain; charset=UTF-8", "Cache-Control", "no-store"),
        text(message));
  }

  private static byte[] text(String message) {
    return (message + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /** Whether credentials are checked, and the responder, for logs; never the password. */
  @Override
  public String toString() {
    return "SendUrlEndpoint[credentials="
        + (credentials == null ? "none" : credentials)
        + ", responder="
        + responder
        + "]";
  }

  /** Builds a {@link SendUrlEndpoint}. Not thread-safe. */
  public static final class Builder {
    private Credentials credentials;
    private boolean withoutCredentials;
    private SendUrlResponder responder;
    private PushCorrelation correlation;

    private Builder() {}

    /**
     * Sets the {@code userid} and {@code password} the keys are set up with. Required unless {@link
     * #withoutCredentials()}.
     *
     * @param userId the user id
     * @param password the password
     * @return this builder
     * @throws IllegalArgumentException as {@link Credentials#of}
     */
    public Builder credentials(String userId, String password) {
      return credentials(Credentials.of(userId, password));
    }

    /**
     * Sets the credentials the keys are set up with.
     *
     * @param credentials the credentials
     * @return this builder
     */
    public Builder credentials(Credentials credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials");
      return this;
    }

    /**
     * Accepts requests without checking {@code userid} and {@code password}, for keys configured
     * without them. Anyone who can reach the server can then set the LEDs.
     *
     * @return this builder
     */
    public Builder withoutCredentials() {
      this.withoutCredentials = true;
      return this;
    }

    /**
     * Sets the handler that decides the LEDs. This or {@link #responder} is required.
     *
     * @param handler the handler
     * @return this builder
     */
    public Builder handler(SendUrlHandler handler) {
      this.responder = SendUrlResponder.of(handler);
      return this;
    }

    /**
     * Sets the responder that decides the full reply, for example {@link SendUrlRoutes}.
     *
     * @param responder the responder
     * @return this builder
     */
    public Builder responder(SendUrlResponder responder) {
      this.responder = Objects.requireNonNull(responder, "responder");
      return this;
    }

    /**
     * Completes pending pushes of {@code correlation} with the requests that carry their context.
     *
     * @param correlation the correlation
     * @return this builder
     */
    public Builder correlation(PushCorrelation correlation) {
      this.correlation = Objects.requireNonNull(correlation, "correlation");
      return this;
    }

    /**
     * Builds the endpoint.
     *
     * @return the endpoint
     * @throws IllegalArgumentException if no handler is set, or neither credentials nor {@link
     *     #withoutCredentials()}, or both
     */
    public SendUrlEndpoint build() {
      if (responder == null) {
        throw new IllegalArgumentException("a handler or responder is required");
      }
      if (credentials == null && !withoutCredentials) {
        throw new IllegalArgumentException(
            "credentials are required (the userid and password the keys are set up with);"
                + " call withoutCredentials() for keys configured without them");
      }
      if (credentials != null && withoutCredentials) {
        throw new IllegalArgumentException(
            "credentials and withoutCredentials() exclude each other");
      }
      return new SendUrlEndpoint(this);
    }
  }
}
