package dev.deskphone.snom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deskphone.core.PhoneHeaders;
import dev.deskphone.core.server.EndpointRequest;
import dev.deskphone.core.server.EndpointResponse;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The phonebook endpoint's pages and searches, called directly. */
class SnomDirectoryEndpointTest {
  private static final URI PUBLIC = URI.create("http://pbx.example:8080/phonebook");

  private final List<MinibrowserDirectory.Entry> contacts = new ArrayList<>();
  private final SnomDirectoryEndpoint endpoint =
      SnomDirectoryEndpoint.builder()
          .publicUri(PUBLIC)
          .title("People")
          .pageSize(10)
          .entries(() -> contacts)
          .build();

  private static EndpointResponse get(SnomDirectoryEndpoint e, String target) {
    return e.handle(
        EndpointRequest.of(
            "GET",
            target,
            PhoneHeaders.empty(),
            new byte[0],
            new InetSocketAddress("10.0.0.5", 1)));
  }

  private static MinibrowserDocument read(EndpointResponse r) {
    assertThat(r.status()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
    return MinibrowserDocument.read(r.body());
  }

  private void contacts(int n) {
    IntStream.rangeClosed(1, n)
        .forEach(
            i ->
                contacts.add(
                    new MinibrowserDirectory.Entry(String.format("Anna %02d", i), "4930" + i)));
  }

  @Test
  void aShortListIsOneDirectory() {
    contacts(3);

    MinibrowserDocument doc = read(get(endpoint, "/phonebook"));

    assertThat(doc).isInstanceOf(MinibrowserDirectory.class);
    assertThat(doc.title()).hasValue("People");
    assertThat(((MinibrowserDirectory) doc).entries()).containsExactlyElementsOf(contacts);
  }

  @Test
  void aLongListIsAnIndexOfPagesThePhoneAsksForOneByOne() {
    contacts(25);

    MinibrowserMenu index = (MinibrowserMenu) read(get(endpoint, "/phonebook"));
    MinibrowserDirectory third = (MinibrowserDirectory) read(get(endpoint, "/phonebook?page=3"));

    assertThat(index.items())
        .extracting(MinibrowserMenu.Item::name, i -> i.url().toString())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Anna 01 - Anna 10", PUBLIC + "?page=1"),
            org.assertj.core.groups.Tuple.tuple("Anna 11 - Anna 20", PUBLIC + "?page=2"),
            org.assertj.core.groups.Tuple.tuple("Anna 21 - Anna 25", PUBLIC + "?page=3"));
    assertThat(third.title()).hasValue("People 3/3");
    assertThat(third.entries()).containsExactlyElementsOf(contacts.subList(20, 25));
  }

  @Test
  void aSearchKeepsNamesContainingTheTextAndNumbersStartingWithIt() {
    contacts(25);
    contacts.add(new MinibrowserDirectory.Entry("Jürgen & Co", "0301234"));

    MinibrowserDirectory byName =
        (MinibrowserDirectory) read(get(endpoint, "/phonebook?q=J%C3%BCRGEN"));
    MinibrowserDirectory byNumber =
        (MinibrowserDirectory) read(get(endpoint, "/phonebook?q=49302"));
    MinibrowserMenu many = (MinibrowserMenu) read(get(endpoint, "/phonebook?q=anna"));

    assertThat(byName.entries())
        .extracting(MinibrowserDirectory.Entry::name)
        .containsExactly("Jürgen & Co");
    assertThat(byNumber.entries())
        .extracting(MinibrowserDirectory.Entry::telephone)
        .containsExactly("49302", "493020", "493021", "493022", "493023", "493024", "493025");
    assertThat(many.items().get(1).url().toString()).isEqualTo(PUBLIC + "?page=2&q=anna");
  }

  @Test
  void badQueriesAndMethodsGetTheirStatus() {
    contacts(25);

    assertThat(get(endpoint, "/phonebook?page=4").status()).isEqualTo(404);
    assertThat(get(endpoint, "/phonebook?page=x").status()).isEqualTo(404);
    assertThat(get(endpoint, "/phonebook?q=%zz").status()).isEqualTo(400);
    assertThat(get(endpoint, "/phonebook?q=" + "a".repeat(65)).status()).isEqualTo(400);
    assertThat(
            endpoint
                .handle(
                    EndpointRequest.of(
                        "POST",
                        "/phonebook",
                        PhoneHeaders.empty(),
                        new byte[0],
                        new InetSocketAddress("10.0.0.5", 1)))
                .status())
        .isEqualTo(405);
  }

  @Test
  void theBuilderRefusesWhatThePhoneCouldNotUse() {
    assertThatThrownBy(() -> SnomDirectoryEndpoint.builder().pageSize(0))
        .hasMessageContaining("pageSize must be 1 to 100, was 0");
    assertThatThrownBy(
            () -> SnomDirectoryEndpoint.builder().publicUri(URI.create("http://u:pw@h/phonebook")))
        .hasMessageContaining("user-info")
        .hasMessageNotContaining("pw");
    assertThatThrownBy(() -> SnomDirectoryEndpoint.builder().entries(List::of).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("publicUri is missing");
  }
}
