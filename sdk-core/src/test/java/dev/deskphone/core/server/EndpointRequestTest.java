package dev.deskphone.core.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deskphone.core.PhoneHeaders;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointRequestTest {
  private static final InetSocketAddress PEER = new InetSocketAddress("10.0.0.7", 5060);
  private static final byte[] NO_BODY = new byte[0];

  private static EndpointRequest get(String target) {
    return EndpointRequest.of("GET", target, PhoneHeaders.empty(), NO_BODY, PEER);
  }

  @Test
  void splitsTheTargetIntoRawPathAndRawQuery() {
    EndpointRequest r = get("/keys?userid=a%20b&symbn=K+1");
    assertThat(r.target()).isEqualTo("/keys?userid=a%20b&symbn=K+1");
    assertThat(r.path()).isEqualTo("/keys");
    assertThat(r.rawQuery()).contains("userid=a%20b&symbn=K+1");
  }

  @Test
  void tellsAnEmptyQueryFromNone() {
    assertThat(get("/keys?").rawQuery()).contains("");
    assertThat(get("/keys?").path()).isEqualTo("/keys");
    assertThat(get("/keys").rawQuery()).isEmpty();
  }

  @Test
  void readsHeadersCaseInsensitivelyAndCopiesTheBody() {
    byte[] body = "a=1".getBytes(StandardCharsets.UTF_8);
    EndpointRequest r =
        EndpointRequest.of(
            "POST",
            "/",
            PhoneHeaders.of("content-type", "application/x-www-form-urlencoded"),
            body,
            PEER);
    body[0] = 'X';
    assertThat(r.header("Content-Type")).contains("application/x-www-form-urlencoded");
    assertThat(r.header("Accept")).isEmpty();
    assertThat(r.headers().size()).isEqualTo(1);
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("a=1");
    r.body()[0] = 'Y';
    assertThat(r.body()[0]).isEqualTo((byte) 'a');
    assertThat(r.bodyLength()).isEqualTo(3);
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.peer()).isEqualTo(PEER);
  }

  @Test
  void toStringShowsMethodPathAndPeerButNeverTheQuery() {
    assertThat(get("/keys?password=S3cret").toString())
        .isEqualTo("EndpointRequest[GET /keys from 10.0.0.7]")
        .doesNotContain("S3cret");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "G ET", "GET\r", "GÉT", "(GET)"})
  void aMethodThatIsNotATokenIsRefused(String method) {
    assertThatThrownBy(() -> EndpointRequest.of(method, "/", PhoneHeaders.empty(), NO_BODY, PEER))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("method must be an HTTP token");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "keys", "*", "http://h/", "?a"})
  void aTargetNotInOriginFormIsRefused(String target) {
    assertThatThrownBy(() -> get(target))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("target must be in origin form");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/a b", "/a#b", "/a\tb", "/a\u007fb", "/a\u00e4", "/a\nb"})
  void aTargetWithASpaceControlFragmentOrNonAsciiIsRefused(String target) {
    assertThatThrownBy(() -> get(target))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("target must be printable ASCII without spaces or '#'")
        .hasMessageContaining("at index 2");
  }

  @Test
  void nullsAreRefusedByName() {
    assertThatThrownBy(() -> EndpointRequest.of(null, "/", PhoneHeaders.empty(), NO_BODY, PEER))
        .hasMessage("method");
    assertThatThrownBy(() -> EndpointRequest.of("GET", null, PhoneHeaders.empty(), NO_BODY, PEER))
        .hasMessage("target");
    assertThatThrownBy(() -> EndpointRequest.of("GET", "/", null, NO_BODY, PEER))
        .hasMessage("headers");
    assertThatThrownBy(() -> EndpointRequest.of("GET", "/", PhoneHeaders.empty(), null, PEER))
        .hasMessage("body");
    assertThatThrownBy(() -> EndpointRequest.of("GET", "/", PhoneHeaders.empty(), NO_BODY, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("peer");
  }
}
