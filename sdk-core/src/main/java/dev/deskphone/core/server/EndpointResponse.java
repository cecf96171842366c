package dev.deskphone.core.server;

import dev.deskphone.core.PhoneHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What a {@link PhoneEndpoint} answers: a status, header fields and a body. The host adds {@code
 * Content-Length} and decides about the connection, so the headers that frame a message or manage a
 * connection cannot be set here. Immutable and thread-safe.
 */
public final class EndpointResponse {
  private static final Set<String> HOST_OWNED =
      Set.of(
          "content-length",
          "transfer-encoding",
          "connection",
          "keep-alive",
          "upgrade",
          "te",
          "trailer",
          "proxy-connection");
  private static final PhoneHeaders TEXT =
      PhoneHeaders.of("Content-Type", "text/plain; charset=UTF-8", "Cache-Control", "no-store");

  private final int status;
  private final PhoneHeaders headers;
  private final byte[] body;

  private EndpointResponse(int status, PhoneHeaders headers, byte[] body) {
    this.status = status;
    this.headers = headers;
    this.body = body;
  }

  /**
   * A response.
   *
   * @param status the status, 200 to 599 (a host sends {@code 100 Continue} itself)
   * @param headers the header fields, without {@code Content-Length}, {@code Transfer-Encoding},
   *     {@code Connection}, {@code Keep-Alive}, {@code Upgrade}, {@code TE}, {@code Trailer}
   * @param body the body, empty for none and always empty for {@code 204} and {@code 304} (copied)
   * @return the response
   * @throws IllegalArgumentException for another status, one of those headers, or a body on a
   *     {@code 204} or {@code 304}
   */
  public static EndpointResponse of(int status, PhoneHeaders headers, byte[] body) {
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
    if (status < 200 || status > 599) {
      throw new IllegalArgumentException("status must be 200 to 599, was " + status);
    }
    if ((status == 204 || status == 304) && body.length > 0) {
      throw new IllegalArgumentException(
          "a " + status + " response has no body, was given " + body.length + " bytes");
    }
    headers.forEach(
        (name, value) -> {
          if (HOST_OWNED.contains(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException(
                "header "
                    + name
                    + " belongs to the host, which frames the message and manages the"
                    + " connection; leave it out");
          }
        });
    return new EndpointResponse(status, headers, body.clone());
  }

  /**
   * A short plain-text answer: {@code text/plain; charset=UTF-8}, not to be cached, the message and
   * a line end as the body.
   *
   * @param status the status, 200 to 599
   * @param message the text, shown to whoever sent the request: never a secret or a stack trace
   * @return the response
   */
  public static EndpointResponse text(int status, String message) {
    Objects.requireNonNull(message, "message");
    return of(status, TEXT, (message + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** {@return the status} */
  public int status() {
    return status;
  }

  /** {@return the header fields} */
  public PhoneHeaders headers() {
    return headers;
  }

  /** {@return a copy of the body} */
  public byte[] body() {
    return body.clone();
  }

  /** {@return the body length in bytes} */
  public int bodyLength() {
    return body.length;
  }

  /** The status and body length. */
  @Override
  public String toString() {
    return "EndpointResponse[" + status + ", " + body.length + " bytes]";
  }
}
