package dev.deskphone.core.internal.auth;

import dev.deskphone.core.internal.Checks;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One authentication challenge from a {@code WWW-Authenticate} header (RFC 9110 §11.3): a scheme
 * with either a token68 or auth-params, for example {@code Digest realm="phone", nonce="abc"}.
 *
 * <p>The scheme keeps the spelling it was given; compare it with {@link #isScheme(String)}. Param
 * names are lower-case (auth-param names are case-insensitive) and the params keep the order they
 * came in. Values are kept as parsed, quoted-string escapes removed: this record does not judge
 * them, {@link ChallengeParser} drops challenges with unsafe values and {@link DigestAuthorization}
 * refuses to echo them. Immutable and thread-safe.
 *
 * @param scheme the auth-scheme as given, for example {@code Digest}; an RFC 9110 token
 * @param token68 the token68 (for example {@code Negotiate abc==}), if the challenge has one
 * @param params the auth-params in order, names lower-case tokens; empty for a token68 challenge
 */
public record Challenge(String scheme, Optional<String> token68, Map<String, String> params) {

  /**
   * Checks the parts and copies the params.
   *
   * @param scheme the auth-scheme as given
   * @param token68 the token68, if any
   * @param params the auth-params in order, names lower-case
   * @throws NullPointerException if any part, param name or value is null
   * @throws IllegalArgumentException if the scheme is not a token, the token68 is not one, a param
   *     name is not a lower-case token, or the challenge has both a token68 and params
   */
  public Challenge {
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(token68, "token68");
    Objects.requireNonNull(params, "params");
    if (!Checks.isHttpToken(scheme)) {
      throw new IllegalArgumentException(
          "scheme must be an HTTP token, was " + Checks.quote(scheme));
    }
    Map<String, String> copy = new LinkedHashMap<>();
    params.forEach(
        (name, value) -> {
          Objects.requireNonNull(name, "param name");
          Objects.requireNonNull(value, "param value");
          if (!Checks.isHttpToken(name) || !name.equals(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException(
                "param name must be a lower-case HTTP token, was " + Checks.quote(name));
          }
          copy.put(name, value);
        });
    if (token68.isPresent() && !ChallengeParser.isToken68(token68.get())) {
      throw new IllegalArgumentException(
          "token68 must be letters, digits, '-', '.', '_', '~', '+' and '/' followed by any '=',"
              + " was "
              + Checks.quote(token68.get()));
    }
    if (token68.isPresent() && !copy.isEmpty()) {
      throw new IllegalArgumentException("a challenge has a token68 or params, not both");
    }
    params = Collections.unmodifiableMap(copy);
  }

  /**
   * A challenge with auth-params.
   *
   * @param scheme the auth-scheme
   * @param params the params in order, names lower-case
   * @return the challenge
   */
  public static Challenge of(String scheme, Map<String, String> params) {
    return new Challenge(scheme, Optional.empty(), params);
  }

  /**
   * Whether this challenge is of the scheme {@code name}, compared case-insensitively.
   *
   * @param name a scheme such as {@code "Digest"}
   * @return true if the schemes match
   */
  public boolean isScheme(String name) {
    Objects.requireNonNull(name, "name");
    return scheme.equalsIgnoreCase(name);
  }

  /**
   * The value of a param, the name compared case-insensitively.
   *
   * @param name the param name, for example {@code "realm"} or {@code "Realm"}
   * @return its value, unescaped; empty if the challenge has no such param
   */
  public Optional<String> param(String name) {
    Objects.requireNonNull(name, "name");
    return Optional.ofNullable(params.get(name.toLowerCase(Locale.ROOT)));
  }

  /**
   * The challenge for logs, control characters escaped as {@link Checks#escape(String)} does.
   *
   * @return the text
   */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("Challenge[").append(Checks.escape(scheme));
    token68.ifPresent(t -> out.append(' ').append(Checks.escape(t)));
    String separator = " ";
    for (Map.Entry<String, String> e : params.entrySet()) {
      out.append(separator).append(e.getKey()).append('=').append(Checks.quote(e.getValue()));
      separator = ", ";
    }
    return out.append(']').toString();
  }
}
