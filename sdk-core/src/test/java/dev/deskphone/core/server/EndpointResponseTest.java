package dev.deskphone.core.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deskphone.core.PhoneHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointResponseTest {
  private static final byte[] NO_BODY = new byte[0];

  @Test
  void textIsAnUncachedUtf8PlainTextLine() {
    EndpointResponse r = EndpointResponse.text(403, "forbidden: Grüße");
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.headers())
        .isEqualTo(
            PhoneHeaders.of(
                "Content-Type", "text/plain; charset=UTF-8", "Cache-Control", "no-store"));
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("forbidden: Grüße\n");
    assertThat(r.bodyLength())
        .isEqualTo("forbidden: Grüße\n".getBytes(StandardCharsets.UTF_8).length);
    assertThat(r.toString()).isEqualTo("EndpointResponse[403, " + r.bodyLength() + " bytes]");
  }

  @Test
  void theBodyIsCopiedInAndOut() {
    byte[] body = {1, 2, 3};
    EndpointResponse r = EndpointResponse.of(200, PhoneHeaders.empty(), body);
    body[0] = 9;
    r.body()[1] = 9;
    assertThat(r.body()).containsExactly(1, 2, 3);
  }

  @ParameterizedTest
  @ValueSource(ints = {100, 101, 199, 600, 0, -1})
  void aStatusOutside200To599IsRefused(int status) {
    assertThatThrownBy(() -> EndpointResponse.of(status, PhoneHeaders.empty(), NO_BODY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("status must be 200 to 599, was " + status);
  }

  @ParameterizedTest
  @ValueSource(ints = {200, 204, 304, 404, 599})
  void aStatusFrom200To599IsTaken(int status) {
    assertThat(EndpointResponse.of(status, PhoneHeaders.empty(), NO_BODY).status())
        .isEqualTo(status);
  }

  @ParameterizedTest
  @ValueSource(ints = {204, 304})
  void a204Or304WithABodyIsRefused(int status) {
    assertThatThrownBy(() -> EndpointResponse.of(status, PhoneHeaders.empty(), new byte[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a " + status + " response has no body, was given 1 bytes");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Content-Length",
        "transfer-encoding",
        "Connection",
        "Keep-Alive",
        "Upgrade",
        "TE",
        "Trailer",
        "Proxy-Connection"
      })
  void aHeaderTheHostOwnsIsRefused(String name) {
    assertThatThrownBy(() -> EndpointResponse.of(200, PhoneHeaders.of(name, "x"), NO_BODY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("header " + name + " belongs to the host");
  }

  @Test
  void otherHeadersAreKeptInOrder() {
    PhoneHeaders headers =
        PhoneHeaders.of("Content-Type", "text/xml", "X-B", "2", "x-a", "1", "X-B", "3");
    List<String> fields = new ArrayList<>();
    EndpointResponse.of(405, headers, NO_BODY)
        .headers()
        .forEach((name, value) -> fields.add(name + ": " + value));
    assertThat(fields).containsExactly("Content-Type: text/xml", "X-B: 2", "x-a: 1", "X-B: 3");
  }

  @Test
  void nullsAreRefusedByName() {
    assertThatThrownBy(() -> EndpointResponse.of(200, null, NO_BODY)).hasMessage("headers");
    assertThatThrownBy(() -> EndpointResponse.of(200, PhoneHeaders.empty(), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("body");
    assertThatThrownBy(() -> EndpointResponse.text(200, null)).hasMessage("message");
  }
}
