package dev.deskphone.unify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deskphone.core.PhoneRequest;
import dev.deskphone.core.PushRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SendUrlKeyTest {

  private static SendUrlKey.Builder vendorKey() {
    return SendUrlKey.builder()
        .symbolicName("MySymbolicName")
        .method("GET")
        .server(URI.create("https://10.10.0.255:443/"))
        .parameters("id=1&item=2")
        .userId("MyUsername")
        .password("MyPassword");
  }

  @Test
  void getSendsTheVendorsParametersInTheVendorsOrder() {
    PhoneRequest r = vendorKey().build().request("10.0.0.7", "+4930123456");
    assertThat(r.method()).isEqualTo("GET");
    assertThat(r.uri().toString())
        .isEqualTo(
            "https://10.10.0.255:443/?userid=MyUsername&password=MyPassword&id=1&item=2"
                + "&ipaddress=10.0.0.7&phonenumber=%2B4930123456&devicetype=OpenStage"
                + "&symbn=MySymbolicName");
    assertThat(r.bodyLength()).isZero();
  }

  @Test
  void postSendsTheSameParametersAsAFormBody() {
    PhoneRequest r = vendorKey().method("POST").build().request("10.0.0.7", "+4930123456");
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.uri()).isEqualTo(URI.create("https://10.10.0.255:443/"));
    assertThat(r.headers().firstValue("Content-Type"))
        .contains("application/x-www-form-urlencoded");
    assertThat(new String(r.body(), StandardCharsets.UTF_8))
        .isEqualTo(
            "userid=MyUsername&password=MyPassword&id=1&item=2&ipaddress=10.0.0.7"
                + "&phonenumber=%2B4930123456&devicetype=OpenStage&symbn=MySymbolicName");
  }

  @Test
  void valuesThatCouldAddParametersAreEncoded() {
    SendUrlKey key =
        vendorKey().parameters("q=a b+c;d/é").userId("me@x").password("p&w=1%").build();
    String uri = key.request("10.0.0.7", "1").uri().toString();
    assertThat(uri)
        .contains("userid=me%40x&password=p%26w%3D1%25&q=a%20b%2Bc%3Bd%2F%C3%A9&ipaddress");
    SendUrlRequest parsed = SendUrlRequest.parse("GET", URI.create(uri).getRawQuery(), new byte[0]);
    assertThat(parsed.parameter("q")).contains("a b+c;d/é");
    assertThat(parsed.userId()).contains("me@x");
  }

  @Test
  void aKeyWithoutCredentialsSendsNeitherParameter() {
    SendUrlKey key =
        SendUrlKey.builder().symbolicName("K").server(URI.create("http://10.0.0.1")).build();
    assertThat(key.request("10.0.0.7", "100").uri().toString())
        .isEqualTo(
            "http://10.0.0.1:80/?ipaddress=10.0.0.7&phonenumber=100&devicetype=OpenStage&symbn=K");
  }

  @Test
  void serverGetsAnExplicitPortAndAPath() {
    assertThat(vendorKey().server(URI.create("HTTPS://h.example/a/b")).build().server())
        .isEqualTo(URI.create("https://h.example:443/a/b"));
    assertThat(vendorKey().server(URI.create("http://[::1]:8080")).build().server())
        .isEqualTo(URI.create("http://[::1]:8080/"));
  }

  @Test
  void theConfiguredPartsReadBack() {
    SendUrlKey key = vendorKey().server(URI.create("http://pbx.example:8080/led")).build();
    assertThat(key.protocol()).isEqualTo("http");
    assertThat(key.host()).isEqualTo("pbx.example");
    assertThat(key.port()).isEqualTo(8080);
    assertThat(key.path()).isEqualTo("/led");
    assertThat(key.userId()).contains("MyUsername");
    assertThat(key.password()).contains("MyPassword");
    assertThat(key.method()).isEqualTo("GET");
  }

  @Test
  void pushRequestNamesTheKeyAndItsServer() {
    PushRequest push = vendorKey().build().pushRequest();
    assertThat(PushForm.fields(push))
        .contains(
            Map.entry("MidletName", "MySymbolicName"),
            Map.entry("ServerProtocol", "https"),
            Map.entry("ServerAddr", "10.10.0.255"),
            Map.entry("ServerPort", "443"));
  }

  @Test
  void toStringNeverShowsThePassword() {
    assertThat(vendorKey().build().toString())
        .contains("password=***")
        .contains("MyUsername")
        .doesNotContain("MyPassword");
  }

  @ParameterizedTest
  @ValueSource(strings = {"get", "PUT", ""})
  void onlyGetOrPost(String method) {
    assertThatThrownBy(() -> vendorKey().method(method))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("GET or POST");
  }

  @ParameterizedTest
  @ValueSource(strings = {"symbn=x", "password=x", "a=1&userid=2", "=1", "a=1\n", "a=b=c"})
  void parametersMayNotShadowDocumentedOnesOrBreakTheForm(String parameters) {
    assertThatThrownBy(() -> vendorKey().parameters(parameters))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"ftp://h/", "https://u:p@h/", "https://h/?q=1", "https://h/#f", "/relative"})
  void serverMustBeAPlainHttpOrHttpsUri(String server) {
    assertThatThrownBy(() -> vendorKey().server(URI.create(server)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("u:p");
  }

  @Test
  void symbolicNameAndServerAreRequiredAndChecked() {
    assertThatThrownBy(() -> SendUrlKey.builder().server(URI.create("https://h/")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("symbolicName is required");
    assertThatThrownBy(() -> SendUrlKey.builder().symbolicName("K").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("server is required");
    assertThatThrownBy(() -> SendUrlKey.builder().symbolicName("a b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("symbolicName must be");
  }

  @Test
  void aPasswordWithAControlCharacterIsRejectedWithoutShowingIt() {
    assertThatThrownBy(() -> vendorKey().password("sec\nret"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("sec");
  }

  @Test
  void phoneValuesWithControlCharactersAreRejected() {
    assertThatThrownBy(() -> vendorKey().build().request("10.0.0.7\r\n", "1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ipAddress must not contain control characters");
  }
}
