package dev.deskphone.unify;

import dev.deskphone.core.PhoneRequest;
import dev.deskphone.core.PushRequest;
import dev.deskphone.core.internal.Checks;
import dev.deskphone.unify.internal.ContentTypes;
import dev.deskphone.unify.internal.FormCodec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A Send URL key as configured on a Unify phone (method, protocol, host, port, path, free-form
 * parameters, web server user id and password, symbolic name), and the exact request a phone with
 * that key sends.
 *
 * <pre>{@code
 * SendUrlKey key = SendUrlKey.builder().symbolicName("MySymbolicName").method("GET")
 *     .server(URI.create("https://10.10.0.255:443/")).parameters("id=1&item=2")
 *     .userId("MyUsername").password("MyPassword").build();
 * }</pre>
 *
 * <p>The password never appears in {@link #toString()}. Immutable and thread-safe.
 */
public final class SendUrlKey {

  /** The {@code devicetype} the documented phones send: {@value}. */
  public static final String DEVICE_TYPE = "OpenStage";

  private static final Set<String> DOCUMENTED =
      Set.of("userid", "password", "ipaddress", "phonenumber", "devicetype", "symbn");

  private final String symbolicName;
  private final String method;
  private final URI server;
  private final List<Map.Entry<String, String>> parameters;
  private final String userId;
  private final String password;

  private SendUrlKey(Builder b) {
    this.symbolicName = b.symbolicName;
    this.method = b.method;
    this.server = b.server;
    this.parameters = b.parameters;
    this.userId = b.userId;
    this.password = b.password;
  }

  /**
   * Starts a key.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The key's symbolic name, sent as {@code symbn}.
   *
   * @return the symbolic name
   */
  public String symbolicName() {
    return symbolicName;
  }

  /**
   * The method the key sends with.
   *
   * @return {@code GET} or {@code POST}
   */
  public String method() {
    return method;
  }

  /**
   * The web server the key sends to: scheme, host, port (always explicit) and path.
   *
   * @return the server URI, such as {@code https://10.10.0.255:443/}
   */
  public URI server() {
    return server;
  }

  /**
   * The protocol, as configured.
   *
   * @return {@code http} or {@code https}
   */
  public String protocol() {
    return server.getScheme();
  }

  /**
   * The web server address, as configured: a name or an IP address (IPv6 in brackets).
   *
   * @return the host
   */
  public String host() {
    return server.getHost();
  }

  /**
   * The web server port: as configured, else 443 for https and 80 for http.
   *
   * @return the port, 1 to 65535
   */
  public int port() {
    return server.getPort();
  }

  /**
   * The path, as configured (raw, percent-encoding kept).
   *
   * @return the path, at least {@code /}
   */
  public String path() {
    return server.getRawPath();
  }

  /**
   * The free-form parameters, in the configured order, not yet encoded.
   *
   * @return an unmodifiable list of name/value entries
   */
  public List<Map.Entry<String, String>> parameters() {
    return parameters;
  }

  /**
   * The web server user id, sent as {@code userid}.
   *
   * @return the user id, or empty if the key has none
   */
  public Optional<String> userId() {
    return Optional.ofNullable(userId);
  }

  /**
   * The web server password, sent as {@code password}. A secret: keep it out of logs.
   *
   * @return the password, or empty if the key has none
   */
  public Optional<String> password() {
    return Optional.ofNullable(password);
  }

  /**
   * The parameters a phone with this key sends, not yet encoded, in the vendor's order: {@code
   * userid} and {@code password} (if configured), the free-form ones, then {@code ipaddress},
   * {@code phonenumber}, {@code devicetype} ({@value #DEVICE_TYPE}) and {@code symbn}.
   *
   * @param ipAddress the phone's IP address
   * @param phoneNumber the phone's number (E.164)
   * @return an unmodifiable list in that order
   * @throws IllegalArgumentException if either value has a control character
   */
  public List<Map.Entry<String, String>> requestParameters(String ipAddress, String phoneNumber) {
    checkPhoneValue("ipAddress", ipAddress);
    checkPhoneValue("phoneNumber", phoneNumber);
    List<Map.Entry<String, String>> all = new ArrayList<>();
    if (userId != null) {
      all.add(Map.entry("userid", userId));
    }
    if (password != null) {
      all.add(Map.entry("password", password));
    }
    all.addAll(parameters);
    all.add(Map.entry("ipaddress", ipAddress));
    all.add(Map.entry("phonenumber", phoneNumber));
    all.add(Map.entry("devicetype", DEVICE_TYPE));
    all.add(Map.entry("symbn", symbolicName));
    return List.copyOf(all);
  }

  /**
   * The request a phone with this key sends when the key is pressed: a GET with the {@linkplain
   * #requestParameters parameters} percent-encoded in the query, or a POST with them as an {@code
   * application/x-www-form-urlencoded} UTF-8 body.
   *
   * @param ipAddress the phone's IP address
   * @param phoneNumber the phone's number (E.164)
   * @return the request, for any {@link dev.deskphone.core.PhoneTransport}
   * @throws IllegalArgumentException if either value has a control character
   */
  public PhoneRequest request(String ipAddress, String phoneNumber) {
    String form = FormCodec.encode(requestParameters(ipAddress, phoneNumber));
    String operation = "Send URL " + symbolicName;
    if (method.equals("GET")) {
      return PhoneRequest.builder("GET", URI.create(server + "?" + form))
          .operation(operation)
          .build();
    }
    return PhoneRequest.builder("POST", server)
        .header("Content-Type", ContentTypes.FORM)
        .body(form.getBytes(StandardCharsets.UTF_8))
        .operation(operation)
        .build();
  }

  /**
   * A push that makes a phone fire this key: its symbolic name and server.
   *
   * @return the push request
   */
  public PushRequest pushRequest() {
    return PushRequest.builder().symbolicName(symbolicName).server(server).build();
  }

  private static void checkPhoneValue(String field, String value) {
    Objects.requireNonNull(value, field);
    if (value.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(
          field + " must not contain control characters, was " + Checks.quote(value));
    }
  }

  /**
   * Two keys are equal when every part is, the password included.
   *
   * @param o the other object
   * @return whether they are equal
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof SendUrlKey k
        && symbolicName.equals(k.symbolicName)
        && method.equals(k.method)
        && server.equals(k.server)
        && parameters.equals(k.parameters)
        && Objects.equals(userId, k.userId)
        && Objects.equals(password, k.password);
  }

  /**
   * A hash code consistent with {@link #equals(Object)} that does not depend on the password.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(symbolicName, method, server, parameters, userId);
  }

  /**
   * The key for logs, for example {@code SendUrlKey[MySymbolicName, GET https://10.10.0.255:443/,
   * parameters=[id=1, item=2], userid="MyUsername", password=***]}: never the password.
   *
   * @return the text
   */
  @Override
  public String toString() {
    StringBuilder s =
        new StringBuilder("SendUrlKey[")
            .append(symbolicName)
            .append(", ")
            .append(method)
            .append(' ')
            .append(server);
    s.append(", parameters=").append(Checks.escape(parameters.toString()));
    if (userId != null) {
      s.append(", userid=").append(Checks.quote(userId));
    }
    if (password != null) {
      s.append(", password=***");
    }
    return s.append(']').toString();
  }

  /**
   * Builds a {@link SendUrlKey}. Each setter checks its own argument at once. Not thread-safe: use
   * one builder from one thread.
   */
  public static final class Builder {
    private String symbolicName;
    private String method = "GET";
    private URI server;
    private List<Map.Entry<String, String>> parameters = List.of();
    private String userId;
    private String password;

    private Builder() {}

    /**
     * Sets the key's symbolic name. Required.
     *
     * @param symbolicName 1 to 64 ASCII letters, digits, {@code _}, {@code -} and {@code .}
     * @return this builder
     * @throws IllegalArgumentException if it is not such a token
     */
    public Builder symbolicName(String symbolicName) {
      this.symbolicName = Checks.symbolicName(symbolicName);
      return this;
    }

    /**
     * Sets the method. Defaults to {@code GET}.
     *
     * @param method {@code GET} or {@code POST}, in capitals
     * @return this builder
     * @throws IllegalArgumentException for anything else
     */
    public Builder method(String method) {
      Objects.requireNonNull(method, "method");
      if (!method.equals("GET") && !method.equals("POST")) {
        throw new IllegalArgumentException(
            "method must be GET or POST, was " + Checks.quote(method));
      }
      this.method = method;
      return this;
    }

    /**
     * Sets the web server: protocol, address, port and path. Required.
     *
     * @param server an {@code http} or {@code https} URI with a host; the port defaults to 443 or
     *     80, the path to {@code /}; no user-info, query or fragment
     * @return this builder
     * @throws IllegalArgumentException if it breaks one of those rules
     */
    public Builder server(URI server) {
      // PushRequest holds the same rules for a key's server; let it check them once.
      PushRequest checked = PushRequest.builder().symbolicName("check").server(server).build();
      String path = server.getRawPath();
      URI url = checked.server();
      this.server =
          URI.create(
              url.getScheme()
                  + "://"
                  + url.getHost()
                  + ":"
                  + PushForm.port(url)
                  + (path == null || path.isEmpty() ? "/" : path));
      return this;
    }

    /**
     * Sets the free-form parameters as typed into the key's Parameters field. Each value is taken
     * literally and percent-encoded on the wire.
     *
     * @param parameters {@code name=value} pairs joined by {@code &}, such as {@code id=1&item=2};
     *     names not empty and none of the documented ones ({@code userid}, {@code password}, {@code
     *     ipaddress}, {@code phonenumber}, {@code devicetype}, {@code symbn}); no control
     *     characters; at most 32 pairs
     * @return this builder
     * @throws IllegalArgumentException if it breaks one of those rules
     */
    public Builder parameters(String parameters) {
      Objects.requireNonNull(parameters, "parameters");
      List<Map.Entry<String, String>> pairs = new ArrayList<>();
      for (String pair : parameters.split("&", -1)) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = eq < 0 ? pair : pair.substring(0, eq);
        String value = eq < 0 ? "" : pair.substring(eq + 1);
        Checks.formValue("parameter name", name);
        Checks.formValue("parameter " + name, value);
        if (name.isEmpty() || DOCUMENTED.contains(name)) {
          throw new IllegalArgumentException(
              "parameters must be name=value pairs with names other than userid, password,"
                  + " ipaddress, phonenumber, devicetype and symbn, was "
                  + Checks.quote(parameters));
        }
        pairs.add(Map.entry(name, value));
      }
      if (pairs.size() > 32) {
        throw new IllegalArgumentException(
            "parameters must hold at most 32 pairs, had " + pairs.size());
      }
      this.parameters = List.copyOf(pairs);
      return this;
    }

    /**
     * Sets the web server user id, sent as {@code userid}.
     *
     * @param userId not empty, no control characters
     * @return this builder
     * @throws IllegalArgumentException if it breaks those rules
     */
    public Builder userId(String userId) {
      Objects.requireNonNull(userId, "userId");
      if (userId.isEmpty() || userId.chars().anyMatch(Character::isISOControl)) {
        throw new IllegalArgumentException(
            "userId must be non-empty without control characters, was " + Checks.quote(userId));
      }
      this.userId = userId;
      return this;
    }

    /**
     * Sets the web server password, sent as {@code password}.
     *
     * @param password no control characters; may be empty
     * @return this builder
     * @throws IllegalArgumentException if it has a control character (the password is not shown)
     */
    public Builder password(String password) {
      Objects.requireNonNull(password, "password");
      if (password.chars().anyMatch(Character::isISOControl)) {
        throw new IllegalArgumentException(
            "password must not contain control characters (the password is not shown)");
      }
      this.password = password;
      return this;
    }

    /**
     * Builds the key.
     *
     * @return the key
     * @throws IllegalArgumentException if the symbolic name or the server is not set
     */
    public SendUrlKey build() {
      if (symbolicName == null) {
        throw new IllegalArgumentException("symbolicName is required: the key's symbolic name");
      }
      if (server == null) {
        throw new IllegalArgumentException(
            "server is required: the http or https web server the key sends to");
      }
      return new SendUrlKey(this);
    }
  }
}
