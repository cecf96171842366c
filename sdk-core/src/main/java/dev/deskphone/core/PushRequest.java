package dev.deskphone.core;

import dev.deskphone.core.internal.Checks;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A server push to a Unify phone: it asks the phone to fire its Send URL key as if pressed. The key
 * is identified by its {@linkplain #symbolicName() symbolic name}, {@linkplain #programName()
 * program name} and {@linkplain #server() server}, each of which must match the key's configuration
 * on the phone.
 *
 * <pre>{@code
 * PushRequest push = PushRequest.builder().symbolicName("MySymbolicName")
 *     .server(URI.create("https://10.10.0.255:443/")).build();
 * }</pre>
 *
 * <p>Only the server's scheme, host and port identify the key (a port left out means 443 for https,
 * 80 for http); its path is ignored. Every value is checked so that none can end a line or start
 * another form field. {@code UnifyPhone} (sdk-unify) sends it. Immutable and thread-safe.
 */
public final class PushRequest {

  /** The longest context key, in Unicode code points: {@value}. */
  public static final int MAX_CONTEXT_KEY_LENGTH = 64;

  /** The longest context value, in Unicode code points: {@value}. */
  public static final int MAX_CONTEXT_VALUE_LENGTH = 256;

  private final String symbolicName;
  private final String programName;
  private final URI server;
  private final String contextKey;
  private final String contextValue;

  private PushRequest(Builder b) {
    this.symbolicName = b.symbolicName;
    this.programName = b.programName != null ? b.programName : b.symbolicName;
    this.server = b.server;
    this.contextKey = b.contextKey;
    this.contextValue = b.contextValue;
  }

  /**
   * Starts a push request.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The symbolic name of the key to fire.
   *
   * @return the symbolic name
   */
  public String symbolicName() {
    return symbolicName;
  }

  /**
   * The key's program name; the symbolic name unless set.
   *
   * @return the program name
   */
  public String programName() {
    return programName;
  }

  /**
   * The server the key is configured to send its request to, as given but with a lower-case scheme.
   * Never has user-info, a query or a fragment.
   *
   * @return the server URI
   */
  public URI server() {
    return server;
  }

  /**
   * The context key, if set: the phone passes the context on in the request it sends.
   *
   * @return the context key, or empty
   */
  public Optional<String> contextKey() {
    return Optional.ofNullable(contextKey);
  }

  /**
   * The context value, if set; set exactly when the {@linkplain #contextKey() context key} is.
   *
   * @return the context value, or empty
   */
  public Optional<String> contextValue() {
    return Optional.ofNullable(contextValue);
  }

  /**
   * Two push requests are equal when their symbolic names, program names, server URIs and contexts
   * are equal.
   *
   * @param o the other object
   * @return whether they are equal
   */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof PushRequest)) {
      return false;
    }
    PushRequest other = (PushRequest) o;
    return symbolicName.equals(other.symbolicName)
        && programName.equals(other.programName)
        && server.equals(other.server)
        && Objects.equals(contextKey, other.contextKey)
        && Objects.equals(contextValue, other.contextValue);
  }

  /**
   * A hash code consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(symbolicName, programName, server, contextKey, contextValue);
  }

  /**
   * The request for logs, for example {@code PushRequest[symbolicName=Key1, programName=Key1,
   * server=https://10.10.0.255:443/]}, with the context quoted when set.
   *
   * @return the text
   */
  @Override
  public String toString() {
    StringBuilder s =
        new StringBuilder("PushRequest[symbolicName=")
            .append(symbolicName)
            .append(", programName=")
            .append(programName)
            .append(", server=")
            .append(Checks.escape(server.toString()));
    if (contextKey != null) {
      s.append(", contextKey=")
          .append(Checks.quote(contextKey))
          .append(", contextValue=")
          .append(Checks.quote(contextValue));
    }
    return s.append(']').toString();
  }

  /**
   * Builds a {@link PushRequest}. Each setter checks its own argument at once; {@link #build()}
   * checks that the required parts are set. Not thread-safe: use one builder from one thread.
   */
  public static final class Builder {
    private String symbolicName;
    private String programName;
    private URI server;
    private String contextKey;
    private String contextValue;

    private Builder() {}

    /**
     * Sets the symbolic name of the key to fire. Required.
     *
     * @param symbolicName 1 to 64 ASCII letters, digits, {@code _}, {@code -} and {@code .}
     * @return this builder
     * @throws NullPointerException if {@code symbolicName} is null
     * @throws IllegalArgumentException if it is not such a token
     */
    public Builder symbolicName(String symbolicName) {
      this.symbolicName = Checks.symbolicName(symbolicName);
      return this;
    }

    /**
     * Sets the key's program name. Defaults to the symbolic name.
     *
     * @param programName 1 to 64 ASCII letters, digits, {@code _}, {@code -} and {@code .}
     * @return this builder
     * @throws NullPointerException if {@code programName} is null
     * @throws IllegalArgumentException if it is not such a token
     */
    public Builder programName(String programName) {
      this.programName = Checks.symbolicName("programName", programName);
      return this;
    }

    /**
     * Sets the server the key is configured to send its request to. Required. Only its scheme, host
     * and port are sent; its path is ignored.
     *
     * @param server an {@code http} or {@code https} URI (scheme in any case) with a host and no
     *     user-info, query or fragment
     * @return this builder
     * @throws NullPointerException if {@code server} is null
     * @throws IllegalArgumentException if it breaks one of those rules; the message never shows
     *     user-info or a query
     */
    public Builder server(URI server) {
      this.server = checkServer(server);
      return this;
    }

    /**
     * Sets a context the phone passes back with the request the push makes it send.
     *
     * @param key 1 to 64 characters (Unicode code points), no CR, LF, {@code &}, {@code =} or other
     *     control character
     * @param value 1 to 256 characters (Unicode code points), no CR, LF, {@code &}, {@code =} or
     *     other control character
     * @return this builder
     * @throws NullPointerException if {@code key} or {@code value} is null
     * @throws IllegalArgumentException if either breaks those rules
     */
    public Builder context(String key, String value) {
      String k = checkContext("contextKey", key, MAX_CONTEXT_KEY_LENGTH);
      String v = checkContext("contextValue", value, MAX_CONTEXT_VALUE_LENGTH);
      this.contextKey = k;
      this.contextValue = v;
      return this;
    }

    /**
     * Builds the push request.
     *
     * @return the push request
     * @throws IllegalStateException if the symbolic name or the server is not set
     */
    public PushRequest build() {
      if (symbolicName == null) {
        throw new IllegalStateException(
            "symbolicName is required: the symbolic name of the key to push");
      }
      if (server == null) {
        throw new IllegalStateException(
            "server is required: the http or https server the key is configured with");
      }
      return new PushRequest(this);
    }

    private static String checkContext(String field, String value, int max) {
      Objects.requireNonNull(value, field);
      int length = value.codePointCount(0, value.length());
      if (length < 1 || length > max) {
        throw new IllegalArgumentException(
            field
                + " must be 1 to "
                + max
                + " characters, was "
                + length
                + ": "
                + Checks.quote(value));
      }
      return Checks.formValue(field, value);
    }

    private static URI checkServer(URI server) {
      Objects.requireNonNull(server, "server");
      String authority =
          server.isOpaque() ? server.getRawSchemeSpecificPart() : server.getRawAuthority();
      if (server.getRawUserInfo() != null || (authority != null && authority.indexOf('@') >= 0)) {
        throw new IllegalArgumentException(
            "the server URI must not carry user-info (credentials): give only scheme, host and"
                + " port, such as https://10.0.0.1:443/");
      }
      String scheme = server.getScheme();
      if (scheme == null
          || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
        throw new IllegalArgumentException(
            "server must be an absolute http or https URI, was " + shown(server));
      }
      if (server.getHost() == null) {
        throw new IllegalArgumentException(
            "server must name a host, such as https://10.0.0.1:443/, was " + shown(server));
      }
      if (server.getRawQuery() != null || server.getRawFragment() != null) {
        throw new IllegalArgumentException(
            "server must not have a query or fragment (the push form has no place for them), was "
                + shown(server));
      }
      int port = server.getPort();
      if (port == 0 || port > 65535) {
        throw new IllegalArgumentException("server port must be 1 to 65535, was " + port);
      }
      String lower = scheme.toLowerCase(Locale.ROOT);
      return lower.equals(scheme)
          ? server
          : URI.create(lower + ":" + server.getRawSchemeSpecificPart());
    }

    /** The URI for a message, with any query and fragment left out: they may carry secrets. */
    private static String shown(URI server) {
      String s = server.toString();
      int cut = s.indexOf('?');
      int hash = s.indexOf('#');
      if (cut < 0 || (hash >= 0 && hash < cut)) {
        cut = hash;
      }
      return cut < 0
          ? Checks.quote(s)
          : Checks.quote(s.substring(0, cut)) + " (query and fragment not shown)";
    }
  }
}
