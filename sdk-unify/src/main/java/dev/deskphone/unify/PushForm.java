package dev.deskphone.unify;

import dev.deskphone.core.PushRequest;
import dev.deskphone.core.internal.Checks;
import dev.deskphone.unify.internal.FormCodec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The form a Unify phone takes at {@code /server_push.html/ServerPush}, in the order of Unify's own
 * add-on: {@code MidletName}, {@code ServerProtocol}, {@code ServerAddr}, {@code ServerPort},
 * {@code ProgramName}, {@code RequestType=sendURL}, then {@code ServerContextKey} and {@code
 * ServerContextValue} when a context is set. Stateless.
 */
final class PushForm {
  private PushForm() {}

  /** The form's fields, not yet encoded. */
  static List<Map.Entry<String, String>> fields(PushRequest push) {
    URI server = push.server();
    List<Map.Entry<String, String>> fields = new ArrayList<>(8);
    fields.add(Map.entry("MidletName", push.symbolicName()));
    fields.add(Map.entry("ServerProtocol", server.getScheme()));
    fields.add(Map.entry("ServerAddr", address(server)));
    fields.add(Map.entry("ServerPort", Integer.toString(port(server))));
    fields.add(Map.entry("ProgramName", push.programName()));
    fields.add(Map.entry("RequestType", "sendURL"));
    push.contextKey().ifPresent(k -> fields.add(Map.entry("ServerContextKey", k)));
    push.contextValue().ifPresent(v -> fields.add(Map.entry("ServerContextValue", v)));
    // The URI parser already keeps these characters out of host and port, and the encoder escapes
    // them; checked anyway, as the form is what reaches the wire.
    fields.forEach(f -> Checks.formValue(f.getKey(), f.getValue()));
    return fields;
  }

  /** The form URL-encoded as UTF-8. */
  static byte[] encode(PushRequest push) {
    return FormCodec.encode(fields(push)).getBytes(StandardCharsets.UTF_8);
  }

  /** The server's host as {@code ServerAddr} carries it: a name or an IP, IPv6 without brackets. */
  static String address(URI server) {
    String host = server.getHost();
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  /** The server's port: the URI's, else 443 for https and 80 for http. */
  static int port(URI server) {
    int port = server.getPort();
    if (port != -1) {
      return port;
    }
    return "https".equals(server.getScheme()) ? 443 : 80;
  }
}
