package dev.deskphone.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deskphone.core.PhoneHeaders;
import dev.deskphone.core.server.EndpointResponse;
import dev.deskphone.core.server.EndpointServer;
import dev.deskphone.snom.SnomPhone;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code SnomPhone.show}: the push through {@code minibrowser.htm?url=} against a fake that answers
 * it as real phones are reported to (no length, the kept-alive connection held open), with Digest.
 */
class SnomPhoneShowTest {
  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final byte[] TEXT =
      "<SnomIPPhoneText><Title>Door</Title><Text>Anna is at the door</Text></SnomIPPhoneText>"
          .getBytes(StandardCharsets.UTF_8);

  private EndpointServer documents;
  private FakeSnomPhone fake;

  @BeforeEach
  void start() {
    documents =
        EndpointServer.builder()
            .bind(new InetSocketAddress("127.0.0.1", 0))
            .endpoint("/door.xml", r -> EndpointResponse.of(200, PhoneHeaders.empty(), TEXT))
            .start();
    fake = FakeSnomPhone.builder().digestAuth("admin", "pässwort").start();
    fake.holdMinibrowserConnections(true);
  }

  @AfterEach
  void stop() {
    fake.close();
    documents.close();
  }

  @Test
  void showReturnsAtTheAnswersHeadAndThePhoneShowsTheDocument() throws Exception {
    SnomPhone phone =
        SnomPhone.builder()
            .uri(fake.uri())
            .credentials("admin", "pässwort")
            .timeout(Duration.ofSeconds(3))
            .build();

    phone.show(documents.uri("/door.xml"));

    assertThat(fake.awaitScreen(s -> s.title().equals("Door"), WAIT).get().text())
        .isEqualTo("Anna is at the door");
    assertThat(fake.requests())
        .last()
        .satisfies(
            r ->
                assertThat(r.target())
                    .isEqualTo(
                        "/minibrowser.htm?url="
                            + URLEncoder.encode(
                                    documents.uri("/door.xml").toString(), StandardCharsets.UTF_8)
                                .replace("+", "%20")));
  }

  @Test
  void aClientReadingTheBodyToItsEndWaitsOnTheHeldConnection() throws Exception {
    FakeSnomPhone open = FakeSnomPhone.builder().start();
    open.holdMinibrowserConnections(true);
    try (open) {
      HttpRequest push =
          HttpRequest.newBuilder(
                  URI.create(
                      open.uri()
                          + "minibrowser.htm?url="
                          + URLEncoder.encode(
                              documents.uri("/door.xml").toString(), StandardCharsets.UTF_8)))
              .build();
      CompletableFuture<HttpResponse<String>> read =
          HttpClient.newHttpClient().sendAsync(push, HttpResponse.BodyHandlers.ofString());

      // the JDK client's own timeout ends at the head; the body read to its end never ends
      assertThatThrownBy(() -> read.get(1, TimeUnit.SECONDS)).isInstanceOf(TimeoutException.class);
      read.cancel(true);
      assertThat(open.awaitScreen(s -> s.title().equals("Door"), WAIT)).isPresent();
    }
  }

  @Test
  void aDocumentUrlThePhoneCannotFetchIsRefusedBeforeAnythingIsSent() {
    SnomPhone phone = SnomPhone.builder().uri(fake.uri()).credentials("admin", "pässwort").build();

    assertThatThrownBy(() -> phone.show(URI.create("ftp://127.0.0.1/door.xml")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("document must be an absolute http or https URL")
        .hasMessageContaining("ftp://127.0.0.1/door.xml");
    assertThatThrownBy(() -> phone.show(URI.create("http://bob:secret@127.0.0.1/door.xml")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("user-info")
        .hasMessageNotContaining("secret");
    assertThat(fake.requests()).isEmpty();
  }
}
