package dev.deskphone.unify;

import dev.deskphone.core.Credentials;
import dev.deskphone.core.PhoneHeaders;
import dev.deskphone.core.server.EndpointRequest;
import dev.deskphone.core.server.EndpointResponse;
import dev.deskphone.core.server.EndpointServer;
import dev.deskphone.core.server.PhoneEndpoint;
import dev.deskphone.unify.internal.ContentTypes;
import dev.deskphone.unify.internal.Secrets;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Send URL endpoint: answers the GET and POST requests of Unify phones' Send URL keys with LED
 * replies. A {@link PhoneEndpoint}, free of any HTTP server: {@link SendUrlServer} serves it alone,
 * {@link EndpointServer} next to other endpoints on one port, and a servlet container or any other
 * server can host it the same way. It answers whatever path it is mounted at.
 *
 * <pre>{@code
 * SendUrlEndpoint endpoint = SendUrlEndpoint.builder().credentials("MyUsername", "MyPassword")
 *     .handler(request -> TurnledResponse.of(...)).build();
 * EndpointResponse answer = endpoint.handle(
 *     EndpointRequest.of("GET", "/?" + rawQuery, PhoneHeaders.empty(), new byte[0], peer));
 * }</pre>
 *
 * <p>Answers (never a 3xx: the phone would not follow it):
 *
 * <ul>
 *   <li>{@code 200 text/xml} with the Turnled XML, or with an empty body for {@link
 *       SendUrlReply#acknowledge()};
 *   <li>{@code 400} for a malformed request, {@code 405} for a method other than GET or POST (with
 *       {@code Allow: GET, POST}), {@code 415} for a POST that is not a form;
 *   <li>{@code 403} when {@code userid} or {@code password} is missing or wrong, alike in every
 *       case and in time that does not depend on where they differ; the handler is not called;
 *   <li>{@code 404} for {@link SendUrlReply#unknownKey()};
 *   <li>{@code 500} when the handler throws or returns null; {@code 503} when it throws {@link
 *       InterruptedException}, which means its host gave up waiting or is shutting down (the
 *       thread's interrupt flag is set again); a short plain-text body, never a stack trace.
 * </ul>
 *
 * <p>Immutable and thread-safe; {@link #handle} runs the handler on the calling thread and blocks
 * for as long as it does.
 */
public final class SendUrlEndpoint implements PhoneEndpoint {
  private static final Logger LOG = LoggerFactory.getLogger(SendUrlEndpoint.class);
  private static final PhoneHeaders NOT_ALLOWED =
      PhoneHeaders.of(
          "Content-Type",
          "text/plain; charset=UTF-8",
          "Cache-Control",
          "no-store",
          "Allow",
          "GET, POST");
  private static final PhoneHeaders XML =
      PhoneHeaders.of("Content-Type", TurnledXml.CONTENT_TYPE, "Cache-Control", "no-store");

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
   * Answers one Send URL request: reads its query (GET) or form body (POST), checks the
   * credentials, completes a pending push it carries, and runs the handler.
   *
   * @param request the request ({@code Content-Type} is read; the path is not)
   * @return the answer; its headers hold {@code Content-Type} and {@code Cache-Control}
   */
  @Override
  public EndpointResponse handle(EndpointRequest request) {
    Objects.requireNonNull(request, "request");
    String method = request.method();
    if (!method.equals("GET") && !method.equals("POST")) {
      return EndpointResponse.of(405, NOT_ALLOWED, text("a Send URL key sends GET or POST"));
    }
    String contentType = request.header("Content-Type").orElse(null);
    if (method.equals("POST") && !ContentTypes.isForm(contentType)) {
      return EndpointResponse.text(415, "a Send URL POST is " + ContentTypes.FORM);
    }
    SendUrlRequest parsed;
    try {
      parsed =
          SendUrlRequest.parse(
              method, request.rawQuery().orElse(null), contentType, request.body());
    } catch (IllegalArgumentException e) {
      return EndpointResponse.text(400, "not a Send URL request: " + e.getMessage());
    }
    if (credentials != null && !parsed.credentialsMatch(userDigest, passwordDigest)) {
      return EndpointResponse.text(403, "forbidden");
    }
    if (correlation != null) {
      correlation.match(parsed);
    }
    return reply(parsed);
  }

  private EndpointResponse reply(SendUrlRequest request) {
    SendUrlReply reply;
    try {
      reply = responder.respond(request);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return EndpointResponse.text(503, "the handler was interrupted");
    } catch (Exception e) {
      LOG.warn("Send URL handler failed for key {}", request.symbolicName(), e);
      return EndpointResponse.text(500, "the handler failed");
    }
    if (reply == null) {
      LOG.warn("Send URL handler returned null for key {}", request.symbolicName());
      return EndpointResponse.text(500, "the handler gave no reply");
    }
    if (reply.turnleds() != null) {
      return EndpointResponse.of(200, XML, TurnledXml.toBytes(reply.turnleds()));
    }
    if (reply.status() == 200) {
      return EndpointResponse.of(200, XML, new byte[0]);
    }
    return EndpointResponse.text(404, "no handler for key " + request.symbolicName());
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
     * @throws IllegalStateException if no handler is set, or neither credentials nor {@link
     *     #withoutCredentials()}
     * @throws IllegalArgumentException if both credentials and {@link #withoutCredentials()} are
     *     set
     */
    public SendUrlEndpoint build() {
      if (responder == null) {
        throw new IllegalStateException(
            "a handler or responder is required: call handler(...) or responder(...)");
      }
      if (credentials == null && !withoutCredentials) {
        throw new IllegalStateException(
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
