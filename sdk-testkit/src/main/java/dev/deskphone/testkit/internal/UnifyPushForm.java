package dev.deskphone.testkit.internal;

import dev.deskphone.unify.SendUrlKey;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A push form as the fake phone reads it, with the JDK's {@link URLDecoder} (independent of
 * sdk-unify's encoder), and the check of its fields against a key. Immutable.
 */
public final class UnifyPushForm {
  private final Map<String, String> fields;

  private UnifyPushForm(Map<String, String> fields) {
    this.fields = fields;
  }

  /**
   * Parses {@code a=1&b=2}.
   *
   * @throws IllegalArgumentException for malformed percent-encoding or a repeated field
   */
  public static UnifyPushForm parse(String body) {
    Map<String, String> fields = new HashMap<>();
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name =
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      if (fields.put(name, value) != null) {
        throw new IllegalArgumentException("field " + name + " appears twice");
      }
    }
    return new UnifyPushForm(Map.copyOf(fields));
  }

  /** The field's decoded value, or null. */
  public String field(String name) {
    return fields.get(name);
  }

  /** The first field that does not match {@code key}'s configuration, if any. */
  public Optional<String> mismatch(SendUrlKey key) {
    URI server = key.server();
    String host = server.getHost();
    if (host.startsWith("[")) {
      host = host.substring(1, host.length() - 1);
    }
    Map<String, String> expected = new HashMap<>();
    expected.put("MidletName", key.symbolicName());
    expected.put("ProgramName", key.symbolicName());
    expected.put("ServerProtocol", server.getScheme());
    expected.put("ServerAddr", host);
    expected.put("ServerPort", Integer.toString(server.getPort()));
    expected.put("RequestType", "sendURL");
    for (String name :
        new String[] {
          "MidletName", "ServerProtocol", "ServerAddr", "ServerPort", "ProgramName", "RequestType"
        }) {
      if (!expected.get(name).equals(fields.get(name))) {
        return Optional.of(name);
      }
    }
    if ((fields.get("ServerContextKey") == null) != (fields.get("ServerContextValue") == null)) {
      return Optional.of("ServerContextKey/ServerContextValue");
    }
    return Optional.empty();
  }
}
