package dev.deskphone.core;

import dev.deskphone.core.internal.Checks;
import dev.deskphone.core.internal.PhoneUris;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP request to a phone, as a {@link PhoneTransport} sends it: method, absolute {@code http}
 * or {@code https} URI (sent exactly as given, percent-encoding included), headers, an optional
 * body, an optional deadline, how the phone is trusted over https, and the name of the operation
 * for messages and logs. Immutable and thread-safe.
 *
 * <p>A URI with user-info ({@code http://user:pass@phone/}) is rejected: credentials go to the
 * client, never into a URI where logs and error messages would show them.
 */
public final class PhoneRequest {
  private static final byte[] NO_BODY = new byte[0];

  private final String method;
  private final URI uri;
  private final PhoneHeaders headers;
  private final byte[] body;
  private final Duration timeout;
  private final TlsPolicy tls;
  private final String operation;
  private final boolean headersOnly;

  private PhoneRequest(Builder b) {
    this.method = b.method;
    this.uri = b.uri;
    this.headers = b.headers.build();
    this.body = b.body;
    this.timeout = b.timeout;
    this.tls = b.tls;
    this.operation = b.operation != null ? b.operation : method + " " + pathOf(uri);
    this.headersOnly = b.headersOnly;
    headers
        .ownedHeader()
        .ifPresent(
            name -> {
              throw new IllegalArgumentException(
                  "header " + name + " is set by the transport and cannot be set on a request");
            });
  }

  /**
   * A GET of {@code uri}.
   *
   * @param uri the absolute {@code http} or {@code https} URI, without user-info or fragment
   * @return the request
   */
  public static PhoneRequest get(URI uri) {
    return builder("GET", uri).build();
  }

  /**
   * A builder for a request.
   *
   * @param method an HTTP method token such as {@code GET} or {@code POST}
   * @param uri the absolute {@code http} or {@code https} URI, without user-info or fragment
   * @return the builder
   * @throws IllegalArgumentException if the method or URI is not acceptable
   */
  public static Builder builder(String method, URI uri) {
    return new Builder(method, uri);
  }

  /** {@return the HTTP method} */
  public String method() {
    return method;
  }

  /** {@return the URI, exactly as it goes on the wire} */
  public URI uri() {
    return uri;
  }

  /** {@return the request target as sent in the request line: raw path and raw query} */
  public String target() {
    String path = pathOf(uri);
    String query = uri.getRawQuery();
    return query == null ? path : path + "?" + query;
  }

  /**
   * {@return the phone this request goes to, as {@code scheme://host:port}, for messages and state}
   */
  public String phone() {
    return PhoneUris.phoneOf(uri);
  }

  /** {@return the headers the caller set (the transport adds {@code Host} and friends)} */
  public PhoneHeaders headers() {
    return headers;
  }

  /** {@return a copy of the body; empty when there is none} */
  public byte[] body() {
    return body.clone();
  }

  /** {@return the body length in bytes} */
  public int bodyLength() {
    return body.length;
  }

  /**
   * {@return the deadline for the whole exchange, body included; absent means the transport's
   * default}
   */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  /**
   * Which certificate the phone must present over https: {@link TlsPolicy#system()} unless set.
   * Ignored for http.
   *
   * @return the TLS policy
   */
  public TlsPolicy tls() {
    return tls;
  }

  /** {@return the operation's name for messages and logs, by default {@code "METHOD /path"}} */
  public String operation() {
    return operation;
  }

  /**
   * Whether the caller needs only the answer's status and headers: the transport may stop at the
   * head and close the connection instead of reading the body (see {@link Builder#headersOnly()}).
   *
   * @return whether the body may go unread
   */
  public boolean headersOnly() {
    return headersOnly;
  }

  /** {@return a builder holding this request's parts} */
  public Builder toBuilder() {
    Builder b = new Builder(method, uri);
    b.headers = headers.toBuilder();
    b.body = body;
    b.timeout = timeout;
    b.tls = tls;
    b.operation = operation;
    b.headersOnly = headersOnly;
    return b;
  }

  /** Method, phone and path only: the query and headers may carry secrets. */
  @Override
  public String toString() {
    return "PhoneRequest[" + method + " " + phone() + pathOf(uri) + "]";
  }

  private static String pathOf(URI uri) {
    String path = uri.getRawPath();
    return path == null || path.isEmpty() ? "/" : path;
  }

  /** Builds a {@link PhoneRequest}. Not thread-safe. */
  public static final class Builder {
    private final String method;
    private final URI uri;
    private PhoneHeaders.Builder headers = PhoneHeaders.builder();
    private byte[] body = NO_BODY;
    private Duration timeout;
    private TlsPolicy tls = TlsPolicy.system();
    private String operation;
    private boolean headersOnly;

    private Builder(String method, URI uri) {
      Objects.requireNonNull(method, "method");
      if (!Checks.isHttpToken(method) || method.equals("CONNECT")) {
        throw new IllegalArgumentException(
            "method " + Checks.quote(method) + " is not allowed: use an HTTP method such as GET");
      }
      this.method = method;
      this.uri = PhoneUris.check(uri);
    }

    /**
     * Adds a header field; see {@link PhoneHeaders.Builder#add}.
     *
     * @param name the field name, an HTTP token
     * @param value the field value
     * @return this builder
     */
    public Builder header(String name, String value) {
      headers.add(name, value);
      return this;
    }

    /** Replaces every header field named {@code name} with one field. */
    Builder setHeader(String name, String value) {
      headers.set(name, value);
      return this;
    }

    /**
     * The body bytes.
     *
     * @param body the body (copied)
     * @return this builder
     */
    public Builder body(byte[] body) {
      this.body = Objects.requireNonNull(body, "body").clone();
      return this;
    }

    /**
     * The deadline for the whole exchange, connecting and reading the body included.
     *
     * @param timeout positive
     * @return this builder
     * @throws IllegalArgumentException unless positive
     */
    public Builder timeout(Duration timeout) {
      this.timeout = Checks.positive(timeout, "timeout");
      return this;
    }

    /**
     * How the phone is trusted over https; {@link TlsPolicy#system()} by default. A transport holds
     * one policy per phone: requests to one phone with different policies are refused.
     *
     * @param tls the policy
     * @return this builder
     */
    public Builder tls(TlsPolicy tls) {
      this.tls = Objects.requireNonNull(tls, "tls");
      return this;
    }

    /**
     * The operation's name for messages and logs, for example {@code "snom press"}.
     *
     * @param operation the name
     * @return this builder
     * @throws IllegalArgumentException if blank, longer than 100 characters or with control
     *     characters
     */
    public Builder operation(String operation) {
      Objects.requireNonNull(operation, "operation");
      if (operation.isBlank()
          || operation.length() > 100
          || operation.chars().anyMatch(Character::isISOControl)) {
        throw new IllegalArgumentException(
            "operation "
                + Checks.quote(operation)
                + " is not allowed: 1 to 100 characters, no control characters");
      }
      this.operation = operation;
      return this;
    }

    /**
     * Only the answer's status and headers are needed: the transport may close the connection at
     * the end of the head instead of reading the body, and the response then has an empty body. For
     * phones that answer without a length on a kept-alive connection and hold it open (the snom
     * minibrowser push), where reading the body would last until the phone closes the connection.
     *
     * @return this builder
     */
    public Builder headersOnly() {
      this.headersOnly = true;
      return this;
    }

    /** {@return the request} */
    public PhoneRequest build() {
      return new PhoneRequest(this);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PhoneRequest r
        && method.equals(r.method)
        && uri.equals(r.uri)
        && headers.equals(r.headers)
        && Arrays.equals(body, r.body)
        && Objects.equals(timeout, r.timeout)
        && tls.equals(r.tls)
        && operation.equals(r.operation)
        && headersOnly == r.headersOnly;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        method, uri, headers, Arrays.hashCode(body), timeout, tls, operation, headersOnly);
  }
}
