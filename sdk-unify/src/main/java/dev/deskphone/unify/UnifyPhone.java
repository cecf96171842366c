package dev.deskphone.unify;

import dev.deskphone.core.JdkHttpTransport;
import dev.deskphone.core.PhoneAuthenticationException;
import dev.deskphone.core.PhoneException;
import dev.deskphone.core.PhoneOutcomeUnknownException;
import dev.deskphone.core.PhoneRedirectException;
import dev.deskphone.core.PhoneRequest;
import dev.deskphone.core.PhoneResponse;
import dev.deskphone.core.PhoneResponseException;
import dev.deskphone.core.PhoneTransport;
import dev.deskphone.core.PhoneUnsupportedException;
import dev.deskphone.core.PushRequest;
import dev.deskphone.core.TlsPolicy;
import dev.deskphone.core.internal.Checks;
import dev.deskphone.core.internal.PhoneUris;
import dev.deskphone.unify.internal.ContentTypes;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A Unify OpenScape Desk Phone CP, for server pushes: {@link #push} asks the phone to fire one of
 * its Send URL keys, as if pressed.
 *
 * <pre>{@code
 * UnifyPhone phone = UnifyPhone.builder().uri(URI.create("https://10.0.0.7"))
 *     .tls(TlsPolicy.pinned("sha256/...")).build();
 * phone.push(push);
 * }</pre>
 *
 * <p>The push is {@code POST /server_push.html/ServerPush} with the push form ({@code MidletName},
 * {@code ServerProtocol}, {@code ServerAddr}, {@code ServerPort}, {@code ProgramName}, {@code
 * RequestType=sendURL} and the context, if any) URL-encoded as UTF-8, on the phone URI's scheme and
 * port: https and 443 by default; give {@code http://PHONE:8085} for older OpenStage phones. It is
 * sent once, never retried. Answers: 2xx is a {@link PushResult}; 401 or 403 a {@link
 * PhoneAuthenticationException}; 404 a {@link PhoneUnsupportedException} (no push support); a
 * redirect a {@link PhoneRedirectException} (never followed); anything else a {@link
 * PhoneResponseException}.
 *
 * <p>It sends through {@link JdkHttpTransport#shared()} unless given a transport, so a thousand
 * phones share one HTTP client, whatever their TLS policies. Immutable and thread-safe. {@link
 * #push} blocks until the phone answers or the deadline passes; {@link #pushAsync} does not block.
 */
public final class UnifyPhone {
  /** The push path on the phone's web server: {@value}. */
  public static final String PUSH_PATH = "/server_push.html/ServerPush";

  private static final String OPERATION = "Unify push";

  private final URI uri;
  private final String phone;
  private final TlsPolicy tls;
  private final Duration timeout;
  private final PhoneTransport transport;

  private UnifyPhone(Builder b) {
    this.uri = b.uri;
    this.phone = PhoneUris.phoneOf(b.uri);
    this.tls = b.tls;
    this.timeout = b.timeout;
    this.transport = b.transport;
  }

  /**
   * Starts configuring a phone.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The phone's web server.
   *
   * @return the URI, such as {@code https://10.0.0.7}
   */
  public URI uri() {
    return uri;
  }

  /**
   * Pushes: the phone fires the key named by {@code push}, and answers once it has taken the
   * request.
   *
   * @param push the key to fire
   * @return the phone's answer
   * @throws PhoneAuthenticationException if the phone refused the push (401 or 403)
   * @throws PhoneUnsupportedException if the phone has no push support (404)
   * @throws PhoneRedirectException if the phone redirected the push (not followed)
   * @throws PhoneResponseException for any other status that is not 2xx
   * @throws PhoneOutcomeUnknownException if the connection failed after the push was sent
   * @throws PhoneException for any other failure
   */
  public PushResult push(PushRequest push) {
    PhoneRequest request = request(push);
    return result(request, transport.sendAndWait(request));
  }

  /**
   * Pushes without blocking.
   *
   * @param push the key to fire
   * @return a future of the phone's answer, failed as {@link #push} would throw; cancelling it
   *     aborts the exchange
   */
  public CompletableFuture<PushResult> pushAsync(PushRequest push) {
    PhoneRequest request = request(push);
    CompletableFuture<PhoneResponse> sent = transport.send(request);
    CompletableFuture<PushResult> result = sent.thenApply(response -> result(request, response));
    result.whenComplete(
        (r, e) -> {
          if (result.isCancelled()) {
            sent.cancel(true);
          }
        });
    return result;
  }

  private PhoneRequest request(PushRequest push) {
    Objects.requireNonNull(push, "push");
    return PhoneRequest.builder("POST", uri.resolve(PUSH_PATH))
        .header("Content-Type", ContentTypes.FORM)
        .body(PushForm.encode(push))
        .timeout(timeout)
        .tls(tls)
        .operation(OPERATION + " " + push.symbolicName())
        .build();
  }

  private static PushResult result(PhoneRequest request, PhoneResponse response) {
    int status = response.status();
    String phone = request.phone();
    String op = request.operation();
    if (response.isSuccess()) {
      return new PushResult(phone, status, response.bodyText());
    }
    if (status == 401 || status == 403) {
      throw new PhoneAuthenticationException(
          phone, op, "the phone refused the push (HTTP " + status + ")", null);
    }
    if (status == 404) {
      throw new PhoneUnsupportedException(
          phone, op, "no push support at " + PUSH_PATH + " (HTTP 404)", null);
    }
    if (status >= 300 && status < 400) {
      throw new PhoneRedirectException(phone, op, status, response.header("Location").orElse(null));
    }
    throw new PhoneResponseException(phone, op, status, "the phone did not accept the push", null);
  }

  /**
   * The phone, for logs.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return "UnifyPhone[" + phone + "]";
  }

  /** Configures a {@link UnifyPhone}. Not thread-safe. */
  public static final class Builder {
    private URI uri;
    private TlsPolicy tls = TlsPolicy.system();
    private PhoneTransport transport = JdkHttpTransport.shared();
    private Duration timeout = Duration.ofSeconds(10);

    private Builder() {}

    /**
     * Sets the phone's web server. Required.
     *
     * @param uri {@code https://PHONE} (port 443) or, for older phones, {@code http://PHONE:8085};
     *     no user-info, path other than {@code /}, query or fragment
     * @return this builder
     * @throws IllegalArgumentException if it breaks those rules
     */
    public Builder uri(URI uri) {
      this.uri = PhoneUris.root(uri, "https://10.0.0.7");
      return this;
    }

    /**
     * Sets how https is trusted. Defaults to {@link TlsPolicy#system()}; a phone's self-signed
     * certificate wants {@link TlsPolicy#pinned(String)}.
     *
     * @param tls the policy
     * @return this builder
     */
    public Builder tls(TlsPolicy tls) {
      this.tls = Objects.requireNonNull(tls, "tls");
      return this;
    }

    /**
     * Sets the transport. Defaults to {@link JdkHttpTransport#shared()}; pass one of your own to
     * choose its settings or to close it when you are done (the phone does not close it).
     *
     * @param transport the transport
     * @return this builder
     */
    public Builder transport(PhoneTransport transport) {
      this.transport = Objects.requireNonNull(transport, "transport");
      return this;
    }

    /**
     * Sets the deadline for one push, connecting included. Defaults to 10 seconds.
     *
     * @param timeout positive
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      this.timeout = Checks.positive(timeout, "timeout");
      return this;
    }

    /**
     * Builds the phone.
     *
     * @return the phone
     * @throws IllegalStateException if no URI is set
     */
    public UnifyPhone build() {
      if (uri == null) {
        throw new IllegalStateException(
            "set the phone's uri(...) before build(), such as https://10.0.0.7");
      }
      return new UnifyPhone(this);
    }
  }
}
