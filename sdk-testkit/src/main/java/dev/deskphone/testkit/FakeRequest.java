package dev.deskphone.testkit;

import dev.deskphone.core.internal.Redaction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One request exactly as a fake phone's web server read it off the wire, before it decoded
 * anything: a command to a {@link FakeSnomPhone}, a push to a {@link FakeUnifyPhone}. Immutable.
 *
 * @param sequence its place among all requests the fake read, 1-based
 * @param method the method, for example {@code "GET"}
 * @param target the request target exactly as sent: raw path and raw query
 * @param headers the header fields in the order sent
 * @param body the body bytes (empty for a GET)
 * @param connection which connection it came on, 1-based
 * @param indexOnConnection its place on that connection, 1-based
 * @param receivedAt when it was read, on the fake's clock
 */
public record FakeRequest(
    int sequence,
    String method,
    String target,
    List<Map.Entry<String, String>> headers,
    byte[] body,
    int connection,
    int indexOnConnection,
    Instant receivedAt) {

  /**
   * Copies the parts.
   *
   * @param sequence its place among all requests the fake read, 1-based
   * @param method the method, for example {@code "GET"}
   * @param target the request target exactly as sent: raw path and raw query
   * @param headers the header fields in the order sent
   * @param body the body bytes (empty for a GET)
   * @param connection which connection it came on, 1-based
   * @param indexOnConnection its place on that connection, 1-based
   * @param receivedAt when it was read, on the fake's clock
   */
  public FakeRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(target, "target");
    headers = headers.stream().map(h -> Map.entry(h.getKey(), h.getValue())).toList();
    body = body.clone();
    Objects.requireNonNull(receivedAt, "receivedAt");
  }

  /**
   * {@return the first value of header {@code name} (case-insensitive)}
   *
   * @param name the header's name
   */
  public Optional<String> header(String name) {
    return headerValues(name).stream().findFirst();
  }

  /**
   * {@return every value of header {@code name} (case-insensitive), in order}
   *
   * @param name the header's name
   */
  public List<String> headerValues(String name) {
    return headers.stream()
        .filter(h -> h.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .toList();
  }

  /** {@return the raw path, without the query} */
  public String path() {
    int q = target.indexOf('?');
    return q < 0 ? target : target.substring(0, q);
  }

  /** {@return the raw query after {@code ?}, if there was one} */
  public Optional<String> rawQuery() {
    int q = target.indexOf('?');
    return q < 0 ? Optional.empty() : Optional.of(target.substring(q + 1));
  }

  /** {@return a copy of the body bytes} */
  @Override
  public byte[] body() {
    return body.clone();
  }

  /** {@return the body as UTF-8 text} */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FakeRequest r
        && r.sequence == sequence
        && r.method.equals(method)
        && r.target.equals(target)
        && r.headers.equals(headers)
        && Arrays.equals(r.body, body)
        && r.connection == connection
        && r.indexOnConnection == indexOnConnection
        && r.receivedAt.equals(receivedAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(sequence, method, target, connection, indexOnConnection);
  }

  /**
   * Method, target (a secret-looking query value such as an action URL's {@code sig}, also inside a
   * URL written as a setting, shown as {@code ***}) and where it came; never header values, which
   * may hold credentials.
   */
  @Override
  public String toString() {
    int q = target.indexOf('?');
    String shown =
        q < 0 ? target : target.substring(0, q + 1) + Redaction.query(target.substring(q + 1));
    return "#" + sequence + " " + method + " " + shown + " (connection " + connection + ")";
  }
}
