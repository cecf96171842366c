package dev.deskphone.unify;

import dev.deskphone.core.JdkHttpTransport;
import dev.deskphone.core.PhoneAuthenticationException;
import dev.deskphone.core.PhoneException;
import dev.deskphone.core.PhoneOutcomeUnknownException;
import dev.deskphone.core.PhoneRequest;
import dev.deskphone.core.PhoneResponse;
import dev.deskphone.core.PhoneResponseException;
import dev.deskphone.core.PhoneTransport;
import dev.deskphone.core.PhoneUnsupportedException;
import dev.deskphone.core.PushRequest;
import dev.deskphone.core.TlsPolicy;
import dev.deskphone.core.internal.Checks;
import dev.deskphone.unify.internal.ContentTypes;
import dev.deskphone.unify.internal.FormCodec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
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
 * <p>The push is {@code POST /server_push.html/ServerPush} with the {@linkplain
 * PushRequest#formFields() push form} URL-encoded as UTF-8, on the phone URI's scheme and port:
 * https and 443 by default; give {@code http://PHONE:8085} for older OpenStage phones. It is sent
 * once, never retried.
 *
 * <p>Immutable and thread-safe. {@link #push} blocks until the phone answers or the deadline
 * passes; {@link #pushAsync} does not block.
 */
public final class UnifyPhone {
  /** The push path on the phone's web server: {@value}. */
  public static final String PUSH_PATH = "/server_push.html/ServerPush";

  private static final String OPERATION = "Unify push";

  private final URI uri;
  private final PhoneTransport transport;
  private final Duration timeout;

  private UnifyPhone(Builder b) {
    this.uri = b.uri;
    this.timeout = b.timeout;
    this.transport =
        b.transport != null ? b.transport : JdkHttpTransport.builder().tls(b.tls).build();
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
   * The phone's web server, as given.
   *
   * @return the URI
   */
  public URI uri() {
    return uri;
  }

  /**
   * Pushes the phone to fire a key, and waits for its answer.
   *
   * @param push the key to fire, as configured on the phone
   * @return the phone's 2xx answer
   * @throws PhoneAuthenticationException if the phone answered 401 or 403
   * @throws PhoneUnsupportedException if it answered 404 (no push support at that address)
   * @throws PhoneResponseException for any other non-2xx answer, a redirect included
   * @throws PhoneException for transport failures: {@link dev.deskphone.core.PhoneConnectException}
   *     (nothing sent), {@link PhoneOutcomeUnknownException} (it may have fired) and the others
   */
  public PushResult push(PushRequest push) {
    PhoneRequest request = request(push);
    return result(request, transport.sendAndWait(request));
  }

  /**
   * Pushes the phone to fire a key, without blocking.
   *
   * @param push the key to fire, as configured on the phone
   * @return a future of the answer, failing with the exceptions {@link #push} throws; cancelling it
   *     aborts the exchange
   */
  public CompletableFuture<PushResult> pushAsync(PushRequest push) {
    PhoneRequest request = request(push);
    CompletableFuture<PhoneResponse> sent = transport.send(request);
    CompletableFuture<PushResult> result = sent.thenApply(response -> result(request, response));
    // Cancelling the push aborts the exchange, as the transport contract promises.
    result.whenComplete(
        (r, e) -> {
          if (e instanceof CancellationException) {
            sent.cancel(true);
          }
        });
    return result;
  }

  /**
   * The exact request {@link #push} sends.
   *
   * @param push the key to fire
   * @return the request
   */
  public PhoneRequest request(PushRequest push) {
    Objects.requireNonNull(push, "push");
    List<Map.Entry<String, String>> fields = new ArrayList<>(push.formFields().entrySet());
    return PhoneRequest.builder("POST", uri.resolve(PUSH_PATH))
        .header("Content-Type", ContentTypes.FORM)
        .body(FormCodec.encode(fields).getBytes(StandardCharsets.UTF_8))
        .timeout(timeout)
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
    String detail =
        status >= 300 && status < 400
            ? "the phone redirected the push; redirects are not followed"
            : "the phone did not accept the push";
    throw new PhoneResponseException(phone, op, status, detail, null);
  }

  /** The phone URI, for logs. */
  @Override
  public String toString() {
    return "UnifyPhone[" + PhoneRequest.phoneOf(uri) + "]";
  }

  /** Configures a {@link UnifyPhone}. Not thread-safe. */
  public static final class Builder {
    private URI uri;
    private TlsPolicy tls;
    private PhoneTransport transport;
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
      PhoneRequest.get(Objects.requireNonNull(uri, "uri")); // the transport's own URI rules
      String path = uri.getRawPath();
      if ((path != null && !path.isEmpty() && !path.equals("/")) || uri.getRawQuery() != null) {
        throw new IllegalArgumentException(
            "the phone URI must be scheme, host and port only, such as https://10.0.0.7, was "
                + Checks.quote(PhoneRequest.phoneOf(uri) + path)
                + (uri.getRawQuery() != null ? " with a query" : ""));
      }
      this.uri = uri;
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
     * Sets the transport. Defaults to a {@link JdkHttpTransport} with the {@link #tls} policy; a
     * transport of your own brings its own TLS, so the two exclude each other.
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
     * @throws IllegalArgumentException if no URI is set, or both a transport and a TLS policy
     */
    public UnifyPhone build() {
      if (uri == null) {
        throw new IllegalArgumentException(
            "uri is required: the phone's web server, such as https://10.0.0.7");
      }
      if (transport != null && tls != null) {
        throw new IllegalArgumentException(
            "set either a transport or a TLS policy: a transport of your own brings its own TLS");
      }
      if (tls == null) {
        tls = TlsPolicy.system();
      }
      return new UnifyPhone(this);
    }
  }
}
