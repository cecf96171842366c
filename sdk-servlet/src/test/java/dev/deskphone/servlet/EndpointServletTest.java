package dev.deskphone.servlet;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What {@link EndpointServlet} itself decides: its cap, a null answer, logging, serialization. */
class EndpointServletTest {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void capOutsideZeroTo16MiBOrNoEndpointIsRefused() {
    assertThatThrownBy(() -> new EndpointServlet(new RecordingEndpoint(), -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxBodyBytes must be 0 to 16777216 (16 MiB), was -1");
    assertThatThrownBy(() -> new EndpointServlet(new RecordingEndpoint(), 16 * 1024 * 1024 + 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("was 16777217");
    assertThatThrownBy(() -> new EndpointServlet(null)).hasMessage("endpoint");
  }

  @Test
  void givenCapIsTheLargestBodyRead() throws Exception {
    RecordingEndpoint endpoint = new RecordingEndpoint();
    try (EndpointHost.Hosted hosted = JettyHost.serve(new EndpointServlet(endpoint, 4), "/*")) {
      HttpResponse<String> fits = post(hosted, "1234");
      HttpResponse<String> tooLong = post(hosted, "12345");

      assertThat(fits.statusCode()).isEqualTo(200);
      assertThat(tooLong.statusCode()).isEqualTo(413);
      assertThat(tooLong.body()).isEqualTo("the request body may be at most 4 bytes\n");
      assertThat(endpoint.onlyRequest().body()).isEqualTo("1234".getBytes(UTF_8));
    }
  }

  @Test
  void nullAnswerGets500() throws Exception {
    RecordingEndpoint endpoint = new RecordingEndpoint();
    endpoint.answerWith(request -> null);
    try (EndpointHost.Hosted hosted = JettyHost.serve(new EndpointServlet(endpoint), "/*")) {
      HttpResponse<String> response = post(hosted, "x");

      assertThat(response.statusCode()).isEqualTo(500);
      assertThat(response.body()).isEqualTo("the request could not be served\n");
    }
  }

  @Test
  void failureIsLoggedAtWarnByExceptionClassWithoutItsMessage() throws Exception {
    RecordingEndpoint endpoint = new RecordingEndpoint();
    endpoint.answerWith(
        request -> {
          throw new IllegalStateException("secret-51c0");
        });
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream stderr = System.err;
    try (EndpointHost.Hosted hosted = JettyHost.serve(new EndpointServlet(endpoint), "/*")) {
      // slf4j-simple writes to whatever System.err is at the time of the call.
      System.setErr(new PrintStream(log, true, UTF_8));
      assertThat(post(hosted, "x").statusCode()).isEqualTo(500);
    } finally {
      System.setErr(stderr);
    }

    assertThat(log.toString(UTF_8))
        .contains("WARN dev.deskphone.servlet.EndpointServlet")
        .contains("POST /key from 127.0.0.1")
        .contains("java.lang.IllegalStateException")
        .doesNotContain("secret-51c0");
  }

  @Test
  void isNotSerializable() {
    EndpointServlet servlet = new EndpointServlet(new RecordingEndpoint());

    assertThatThrownBy(
            () -> new ObjectOutputStream(new ByteArrayOutputStream()).writeObject(servlet))
        .isInstanceOf(NotSerializableException.class);
  }

  private static HttpResponse<String> post(EndpointHost.Hosted hosted, String body)
      throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(hosted.uri().resolve("key"))
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        BodyHandlers.ofString());
  }
}
