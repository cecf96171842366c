package dev.deskphone.unify;

import dev.deskphone.core.Credentials;
import dev.deskphone.core.internal.Checks;
import dev.deskphone.core.internal.Redaction;
import dev.deskphone.unify.internal.ContentTypes;
import dev.deskphone.unify.internal.FormCodec;
import dev.deskphone.unify.internal.Secrets;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One request a Unify phone's Send URL key sent: the documented parameters ({@code userid}, {@code
 * password}, {@code ipaddress}, {@code phonenumber}, {@code devicetype}, {@code symbn}) and the
 * key's free-form parameters, in order.
 *
 * <pre>{@code
 * SendUrlRequest r = SendUrlRequest.parse("GET", rawQuery, body);
 * r.symbolicName(); r.parameter("id");
 * }</pre>
 *
 * <p>The password is never shown by {@link #toString()}, never returned and never part of an
 * exception message; {@link #credentialsMatch(Credentials)} compares it in constant time. Immutable
 * and thread-safe.
 */
public final class SendUrlRequest {

  /** The most parameters a request may have, documented and free-form together: {@value}. */
  public static final int MAX_PARAMETERS = 64;

  /** The longest parameter name, in characters once decoded: {@value}. */
  public static final int MAX_NAME_LENGTH = 64;

  /** The longest parameter value, in characters once decoded: {@value}. */
  public static final int MAX_VALUE_LENGTH = 1024;

  /** The longest raw query or form body, in bytes: {@value}. */
  public static final int MAX_BODY_BYTES = 16 * 1024;

  private static final Set<String> DOCUMENTED =
      Set.of("userid", "password", "ipaddress", "phonenumber", "devicetype", "symbn");

  private final String method;
  private final Map<String, String> documented;
  private final List<Map.Entry<String, String>> parameters;

  private SendUrlRequest(
      String method, Map<String, String> documented, List<Map.Entry<String, String>> parameters) {
    this.method = method;
    this.documented = documented;
    this.parameters = parameters;
  }

  /**
   * Parses a GET's raw query or a POST's form body, taken as UTF-8.
   *
   * @param method {@code GET} or {@code POST}
   * @param rawQuery the raw (still percent-encoded) query, or null for none
   * @param body the body; read only for POST
   * @return the request
   * @throws IllegalArgumentException if the method is neither, a part is too long, a parameter is
   *     malformed or a documented one repeats, or {@code symbn} is missing or not a symbolic name
   */
  public static SendUrlRequest parse(String method, String rawQuery, byte[] body) {
    return parse(method, rawQuery, null, body);
  }

  /**
   * Parses a GET's raw query or a POST's {@code application/x-www-form-urlencoded} body, in the
   * body's declared charset (UTF-8 unless declared). For POST, parameters in the query come before
   * those in the body.
   *
   * @param method {@code GET} or {@code POST}
   * @param rawQuery the raw (still percent-encoded) query, or null for none
   * @param contentType the POST's {@code Content-Type}, or null if it had none
   * @param body the body; read only for POST
   * @return the request
   * @throws IllegalArgumentException as {@link #parse(String, String, byte[])}, and for a POST
   *     whose content type is not a form or names an unknown charset
   */
  public static SendUrlRequest parse(
      String method, String rawQuery, String contentType, byte[] body) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(body, "body");
    if (!method.equals("GET") && !method.equals("POST")) {
      throw new IllegalArgumentException(
          "method must be GET or POST (what a Send URL key sends), was " + Checks.quote(method));
    }
    List<Map.Entry<String, String>> all = new ArrayList<>();
    if (rawQuery != null) {
      checkSize("query", rawQuery.length());
      all.addAll(decode(rawQuery, StandardCharsets.UTF_8, MAX_PARAMETERS));
    }
    if (method.equals("POST")) {
      checkSize("body", body.length);
      Charset charset = ContentTypes.formCharset(contentType);
      String text = new String(body, StandardCharsets.ISO_8859_1);
      all.addAll(decode(text, charset, MAX_PARAMETERS - all.size()));
    }
    return of(method, all);
  }

  private static List<Map.Entry<String, String>> decode(String raw, Charset charset, int max) {
    return FormCodec.decode(raw, charset, max, MAX_NAME_LENGTH, MAX_VALUE_LENGTH);
  }

  private static void checkSize(String what, int bytes) {
    if (bytes > MAX_BODY_BYTES) {
      throw new IllegalArgumentException(
          "the " + what + " must be at most " + MAX_BODY_BYTES + " bytes, was " + bytes);
    }
  }

  private static SendUrlRequest of(String method, List<Map.Entry<String, String>> all) {
    Map<String, String> documented = new HashMap<>();
    List<Map.Entry<String, String>> free = new ArrayList<>();
    for (Map.Entry<String, String> p : all) {
      if (!DOCUMENTED.contains(p.getKey())) {
        free.add(p);
      } else if (documented.putIfAbsent(p.getKey(), p.getValue()) != null) {
        throw new IllegalArgumentException(
            "parameter " + p.getKey() + " appears more than once; a Send URL key sends it once");
      }
    }
    String symbn = documented.get("symbn");
    if (symbn == null) {
      throw new IllegalArgumentException(
          "parameter symbn (the key's symbolic name) is missing; a Send URL key always sends it");
    }
    Checks.symbolicName("symbn", symbn);
    return new SendUrlRequest(method, Map.copyOf(documented), List.copyOf(free));
  }

  /**
   * The HTTP method the key used.
   *
   * @return {@code GET} or {@code POST}
   */
  public String method() {
    return method;
  }

  /**
   * The {@code userid} parameter: the web server user id configured on the key.
   *
   * @return the user id, or empty if not sent
   */
  public Optional<String> userId() {
    return Optional.ofNullable(documented.get("userid"));
  }

  /**
   * Whether a {@code password} parameter was sent (its value is never returned).
   *
   * @return whether it was sent
   */
  public boolean hasPassword() {
    return documented.containsKey("password");
  }

  /**
   * Whether the request carries exactly these credentials as {@code userid} and {@code password}.
   * Takes the same time wherever they differ, and whether or not they were sent.
   *
   * @param expected the credentials the key is set up with
   * @return whether both match
   */
  public boolean credentialsMatch(Credentials expected) {
    Objects.requireNonNull(expected, "expected");
    return credentialsMatch(
        Secrets.digest(expected.username()), Secrets.digest(expected.password()));
  }

  /**
   * As {@link #credentialsMatch(Credentials)}, with the expected values' {@link Secrets#digest}.
   */
  boolean credentialsMatch(byte[] userDigest, byte[] passwordDigest) {
    boolean user = Secrets.matches(documented.getOrDefault("userid", ""), userDigest);
    boolean pass = Secrets.matches(documented.getOrDefault("password", ""), passwordDigest);
    return user & pass & documented.containsKey("userid") & documented.containsKey("password");
  }

  /**
   * The {@code ipaddress} parameter: the phone's own IP address.
   *
   * @return the address as sent, or empty if not sent
   */
  public Optional<String> ipAddress() {
    return Optional.ofNullable(documented.get("ipaddress"));
  }

  /**
   * The {@code phonenumber} parameter: the phone's number (E.164).
   *
   * @return the number as sent, or empty if not sent
   */
  public Optional<String> phoneNumber() {
    return Optional.ofNullable(documented.get("phonenumber"));
  }

  /**
   * The {@code devicetype} parameter, {@code OpenStage} for the phones documented.
   *
   * @return the device type, or empty if not sent
   */
  public Optional<String> deviceType() {
    return Optional.ofNullable(documented.get("devicetype"));
  }

  /**
   * The {@code symbn} parameter: the symbolic name of the key that was pressed or pushed.
   *
   * @return the symbolic name, always present
   */
  public String symbolicName() {
    return documented.get("symbn");
  }

  /**
   * The free-form parameters (everything but the documented ones), decoded, in the order sent.
   *
   * @return an unmodifiable list of name/value entries; names may repeat
   */
  public List<Map.Entry<String, String>> parameters() {
    return parameters;
  }

  /**
   * The first free-form parameter called {@code name}.
   *
   * @param name the parameter name
   * @return its decoded value, or empty if not sent
   */
  public Optional<String> parameter(String name) {
    Objects.requireNonNull(name, "name");
    return parameters.stream()
        .filter(p -> p.getKey().equals(name))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  /**
   * Two requests are equal when method and every parameter are, the password included.
   *
   * @param o the other object
   * @return whether they are equal
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof SendUrlRequest r
        && method.equals(r.method)
        && documented.equals(r.documented)
        && parameters.equals(r.parameters);
  }

  /**
   * A hash code consistent with {@link #equals(Object)} that does not depend on the password.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(method, symbolicName(), parameters);
  }

  /**
   * The request for logs, for example {@code SendUrlRequest[GET symbn=Key1, userid="u",
   * password=***, ipaddress="10.0.0.7", ..., parameters={id="1"}]}: never the password; free-form
   * values whose names look secret are shown as {@code ***}.
   *
   * @return the text
   */
  @Override
  public String toString() {
    StringBuilder s =
        new StringBuilder("SendUrlRequest[")
            .append(method)
            .append(" symbn=")
            .append(symbolicName());
    userId().ifPresent(u -> s.append(", userid=").append(Checks.quote(u)));
    if (hasPassword()) {
      s.append(", password=***");
    }
    ipAddress().ifPresent(v -> s.append(", ipaddress=").append(Checks.quote(v)));
    phoneNumber().ifPresent(v -> s.append(", phonenumber=").append(Checks.quote(v)));
    deviceType().ifPresent(v -> s.append(", devicetype=").append(Checks.quote(v)));
    s.append(", parameters={");
    for (int i = 0; i < parameters.size(); i++) {
      Map.Entry<String, String> p = parameters.get(i);
      s.append(i == 0 ? "" : ", ").append(Checks.escape(p.getKey())).append('=');
      s.append(Redaction.isSecretName(p.getKey()) ? "***" : Checks.quote(p.getValue()));
    }
    return s.append("}]").toString();
  }
}
