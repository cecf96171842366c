package dev.deskphone.testkit.internal;

import dev.deskphone.unify.SendUrlKey;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The request a Unify phone's Send URL key sends, built by the fake from the key's configuration
 * alone: the parameters in the vendor's order ({@code userid}, {@code password}, the free-form
 * ones, a push's context, {@code ipaddress}, {@code phonenumber}, {@code devicetype=OpenStage},
 * {@code symbn}), encoded by {@link FormEncoder}, in the query of a GET or the body of a POST.
 * Immutable.
 *
 * @param method {@code GET} or {@code POST}
 * @param uri the URI as sent, the query included for a GET
 * @param body the form for a POST; empty for a GET
 */
public record UnifyKeyRequest(String method, URI uri, String body) {

  /** The device type a Unify CP phone reports. */
  public static final String DEVICE_TYPE = "OpenStage";

  /** Checks the parts are there. */
  public UnifyKeyRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(body, "body");
  }

  /**
   * The request {@code key} sends from a phone at {@code ipAddress} with number {@code
   * phoneNumber}.
   *
   * @param context a push's {@code ServerContextKey=ServerContextValue}, or null
   */
  public static UnifyKeyRequest of(
      SendUrlKey key, Map.Entry<String, String> context, String ipAddress, String phoneNumber) {
    List<Map.Entry<String, String>> parameters = new ArrayList<>();
    key.userId().ifPresent(u -> parameters.add(Map.entry("userid", u)));
    key.password().ifPresent(p -> parameters.add(Map.entry("password", p)));
    parameters.addAll(key.parameters());
    if (context != null) {
      parameters.add(context);
    }
    parameters.add(Map.entry("ipaddress", ipAddress));
    parameters.add(Map.entry("phonenumber", phoneNumber));
    parameters.add(Map.entry("devicetype", DEVICE_TYPE));
    parameters.add(Map.entry("symbn", key.symbolicName()));
    String form = FormEncoder.encode(parameters);
    return key.method().equals("GET")
        ? new UnifyKeyRequest("GET", URI.create(key.server() + "?" + form), "")
        : new UnifyKeyRequest("POST", key.server(), form);
  }
}
