package dev.deskphone.core.server;

import dev.deskphone.core.PhoneHeaders;
import dev.deskphone.core.internal.Checks;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP request as a {@link PhoneEndpoint} sees it: method, request target, headers, body and
 * the address it came from. Hosts build it after reading the whole request within their limits.
 * Immutable and thread-safe; {@link #toString()} shows the method and path only, never the query
 * (it may hold secrets).
 */
public final class EndpointRequest {
  private final String method;
  private final String target;
  private final int queryStart;
  private final PhoneHeaders headers;
  private final byte[] body;
  private final InetSocketAddress peer;

  private EndpointRequest(
      String method, String target, PhoneHeaders headers, byte[] body, InetSocketAddress peer) {
    this.method = method;
    this.target = target;
    this.queryStart = target.indexOf('?');
    this.headers = headers;
    this.body = body;
    this.peer = peer;
  }

  /**
   * A request.
   *
   * @param method the method, an HTTP token such as {@code GET}
   * @param target the request target in origin form, as it came: the raw (percent-encoded) path,
   *     then {@code ?} and the raw query if there is one, such as {@code /keys?symbn=Door}
   * @param headers the header fields
   * @param body the body, empty for none (copied)
   * @param peer the address the request came from
   * @return the request
   * @throws IllegalArgumentException if the method is not a token or the target does not start with
   *     {@code /} or holds a space, a control character, {@code #} or a character beyond ASCII
   */
  public static EndpointRequest of(
      String method, String target, PhoneHeaders headers, byte[] body, InetSocketAddress peer) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(peer, "peer");
    if (!Checks.isHttpToken(method)) {
      throw new IllegalArgumentException(
          "method must be an HTTP token such as GET, was " + Checks.quote(method));
    }
    if (!target.startsWith("/")) {
      throw new IllegalArgumentException(
          "target must be in origin form, starting with '/', was " + Checks.quote(target));
    }
    for (int i = 0; i < target.length(); i++) {
      char c = target.charAt(i);
      if (c <= ' ' || c >= 0x7f || c == '#') {
        throw new IllegalArgumentException(
            "target must be printable ASCII without spaces or '#', was "
                + Checks.quote(target)
                + " with "
                + Checks.codePoint(c)
                + " at index "
                + i);
      }
    }
    return new EndpointRequest(method, target, headers, body.clone(), peer);
  }

  /** {@return the method, such as {@code GET}} */
  public String method() {
    return method;
  }

  /** {@return the raw request target: path, then {@code ?} and the query if there is one} */
  public String target() {
    return target;
  }

  /** {@return the raw (percent-encoded) path, such as {@code /keys}} */
  public String path() {
    return queryStart < 0 ? target : target.substring(0, queryStart);
  }

  /** {@return the raw (percent-encoded) query after {@code ?}, if there is one; it may be empty} */
  public Optional<String> rawQuery() {
    return queryStart < 0 ? Optional.empty() : Optional.of(target.substring(queryStart + 1));
  }

  /** {@return the header fields} */
  public PhoneHeaders headers() {
    return headers;
  }

  /**
   * {@return the first value of header {@code name} (case-insensitive), if present}
   *
   * @param name the header field name
   */
  public Optional<String> header(String name) {
    return headers.firstValue(name);
  }

  /** {@return a copy of the body, empty for none} */
  public byte[] body() {
    return body.clone();
  }

  /** {@return the body length in bytes} */
  public int bodyLength() {
    return body.length;
  }

  /** {@return the address and port the request came from} */
  public InetSocketAddress peer() {
    return peer;
  }

  /** The method, path and peer; never the query or the body, which may hold secrets. */
  @Override
  public String toString() {
    return "EndpointRequest["
        + method
        + " "
        + path()
        + " from "
        + peer.getAddress().getHostAddress()
        + "]";
  }
}
