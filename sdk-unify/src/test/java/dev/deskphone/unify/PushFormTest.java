package dev.deskphone.unify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.deskphone.core.PushRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PushFormTest {
  private static final URI SERVER = URI.create("https://10.10.0.255:443/");

  private static PushRequest.Builder minimal() {
    return PushRequest.builder().symbolicName("MySymbolicName").server(SERVER);
  }

  @Test
  void aMinimalPushHasTheDocumentedFieldsInOrder() {
    assertThat(PushForm.fields(minimal().build()))
        .containsExactly(
            entry("MidletName", "MySymbolicName"),
            entry("ServerProtocol", "https"),
            entry("ServerAddr", "10.10.0.255"),
            entry("ServerPort", "443"),
            entry("ProgramName", "MySymbolicName"),
            entry("RequestType", "sendURL"));
  }

  @Test
  void theContextComesAfterRequestTypeAndIsEncodedAsUtf8() {
    PushRequest push = minimal().programName("Prog-1").context("orderId", "42 ä/€").build();
    assertThat(PushForm.fields(push))
        .containsExactly(
            entry("MidletName", "MySymbolicName"),
            entry("ServerProtocol", "https"),
            entry("ServerAddr", "10.10.0.255"),
            entry("ServerPort", "443"),
            entry("ProgramName", "Prog-1"),
            entry("RequestType", "sendURL"),
            entry("ServerContextKey", "orderId"),
            entry("ServerContextValue", "42 ä/€"));
    assertThat(new String(PushForm.encode(push), StandardCharsets.US_ASCII))
        .isEqualTo(
            "MidletName=MySymbolicName&ServerProtocol=https&ServerAddr=10.10.0.255"
                + "&ServerPort=443&ProgramName=Prog-1&RequestType=sendURL"
                + "&ServerContextKey=orderId&ServerContextValue=42%20%C3%A4%2F%E2%82%AC");
  }

  @ParameterizedTest
  @CsvSource({
    "https://10.10.0.255:443/, https, 10.10.0.255, 443",
    "https://phone.example, https, phone.example, 443",
    "http://phone.example/, http, phone.example, 80",
    "http://10.0.0.1:8085/, http, 10.0.0.1, 8085",
    "HTTPS://Server.Example:8443/path/ignored, https, Server.Example, 8443",
    "HtTp://[::1]/, http, ::1, 80",
    "https://[2001:db8::7]:1/, https, 2001:db8::7, 1",
    "http://h:65535, http, h, 65535"
  })
  void theServerGivesProtocolAddressAndPort(String uri, String protocol, String address, int port) {
    PushRequest push = minimal().server(URI.create(uri)).build();
    assertThat(PushForm.fields(push))
        .contains(
            entry("ServerProtocol", protocol),
            entry("ServerAddr", address),
            entry("ServerPort", Integer.toString(port)));
  }

  @Test
  void namesOfSixtyFourCharactersGoAsTheyAre() {
    String name = "n".repeat(64);
    PushRequest push = minimal().symbolicName(name).programName(name).build();
    assertThat(PushForm.fields(push))
        .contains(entry("MidletName", name), entry("ProgramName", name));
  }
}
