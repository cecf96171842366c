package dev.deskphone.testkit.internal;

import dev.deskphone.testkit.FakeRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request as a {@link ScriptedHttpServer} read it off the wire.
 *
 * @param method the method
 * @param target the request target exactly as sent (raw path and query)
 * @param headers the header fields in order
 * @param body the body bytes
 * @param connection which connection it came on, 1-based
 * @param indexOnConnection its position on that connection, 1-based
 */
public record RecordedRequest(
    String method,
    String target,
    List<HeaderField> headers,
    byte[] body,
    int connection,
    int indexOnConnection) {

  /** Copies the parts. */
  public RecordedRequest {
    headers = List.copyOf(headers);
    body = body.clone();
  }

  /** The first value of header {@code name} (case-insensitive). */
  public Optional<String> header(String name) {
    return headers.stream().filter(h -> h.is(name)).map(HeaderField::value).findFirst();
  }

  /** This request as the public journal shows it. */
  public FakeRequest toFake(int sequence, Instant receivedAt) {
    return new FakeRequest(
        sequence,
        method,
        target,
        headers.stream().map(h -> Map.entry(h.name(), h.value())).toList(),
        body,
        connection,
        indexOnConnection,
        receivedAt);
  }

  /** The body as UTF-8 text. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** A copy of the body bytes. */
  @Override
  public byte[] body() {
    return body.clone();
  }

  @Override
  public String toString() {
    return method + " " + target + " (connection " + connection + ", #" + indexOnConnection + ")";
  }
}
