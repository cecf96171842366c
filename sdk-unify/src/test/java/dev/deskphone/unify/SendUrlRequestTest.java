package dev.deskphone.unify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deskphone.core.Credentials;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SendUrlRequestTest {

  private static final String VENDOR_QUERY =
      "userid=MyUsername&password=MyPassword&id=1&item=2&ipaddress=10.0.0.7"
          + "&phonenumber=%2B4930123456&devicetype=OpenStage&symbn=MySymbolicName";
  private static final byte[] NO_BODY = new byte[0];

  @Test
  void parsesTheVendorsGetQuery() {
    SendUrlRequest r = SendUrlRequest.parse("GET", VENDOR_QUERY, NO_BODY);
    assertThat(r.method()).isEqualTo("GET");
    assertThat(r.userId()).contains("MyUsername");
    assertThat(r.hasPassword()).isTrue();
    assertThat(r.ipAddress()).contains("10.0.0.7");
    assertThat(r.phoneNumber()).contains("+4930123456");
    assertThat(r.deviceType()).contains("OpenStage");
    assertThat(r.symbolicName()).isEqualTo("MySymbolicName");
    assertThat(r.parameters()).containsExactly(Map.entry("id", "1"), Map.entry("item", "2"));
    assertThat(r.parameter("item")).contains("2");
  }

  @Test
  void parsesTheSameParametersFromAPostBody() {
    byte[] body = VENDOR_QUERY.getBytes(StandardCharsets.UTF_8);
    SendUrlRequest post =
        SendUrlRequest.parse("POST", null, "application/x-www-form-urlencoded", body);
    SendUrlRequest get = SendUrlRequest.parse("GET", VENDOR_QUERY, NO_BODY);
    assertThat(post.method()).isEqualTo("POST");
    assertThat(post.parameters()).isEqualTo(get.parameters());
    assertThat(post.credentialsMatch(Credentials.of("MyUsername", "MyPassword"))).isTrue();
  }

  @Test
  void decodesUtf8PercentEncodingAndPlusAsSpace() {
    SendUrlRequest r =
        SendUrlRequest.parse("GET", "symbn=K&note=Gr%C3%BC%C3%9Fe+aus%20Berlin", NO_BODY);
    assertThat(r.parameter("note")).contains("Grüße aus Berlin");
  }

  @Test
  void readsAPostBodyInItsDeclaredCharset() {
    byte[] body = "symbn=K&note=Gr%FC%DFe".getBytes(StandardCharsets.US_ASCII);
    SendUrlRequest r =
        SendUrlRequest.parse(
            "POST", null, "application/x-www-form-urlencoded; charset=ISO-8859-1", body);
    assertThat(r.parameter("note")).contains("Grüße");
  }

  @Test
  void credentialsMatchOnlyWhenBothAreSentAndEqual() {
    Credentials expected = Credentials.of("MyUsername", "MyPassword");
    assertThat(SendUrlRequest.parse("GET", VENDOR_QUERY, NO_BODY).credentialsMatch(expected))
        .isTrue();
    assertThat(
            SendUrlRequest.parse("GET", "userid=MyUsername&password=wrong&symbn=K", NO_BODY)
                .credentialsMatch(expected))
        .isFalse();
    assertThat(
            SendUrlRequest.parse("GET", "userid=other&password=MyPassword&symbn=K", NO_BODY)
                .credentialsMatch(expected))
        .isFalse();
    assertThat(SendUrlRequest.parse("GET", "symbn=K", NO_BODY).credentialsMatch(expected))
        .isFalse();
    assertThat(
            SendUrlRequest.parse("GET", "userid=u&password=&symbn=K", NO_BODY)
                .credentialsMatch(Credentials.of("u", "")))
        .isTrue();
  }

  @Test
  void toStringNeverShowsThePasswordNorSecretLookingParameters() {
    SendUrlRequest r = SendUrlRequest.parse("GET", VENDOR_QUERY + "&token=abc123", NO_BODY);
    assertThat(r.toString())
        .doesNotContain("MyPassword")
        .doesNotContain("abc123")
        .contains("password=***")
        .contains("token=***")
        .contains("symbn=MySymbolicName");
  }

  @Test
  void freeFormParametersMayRepeatAndKeepTheirOrder() {
    SendUrlRequest r = SendUrlRequest.parse("GET", "a=1&symbn=K&a=2&&b", NO_BODY);
    assertThat(r.parameters())
        .containsExactly(Map.entry("a", "1"), Map.entry("a", "2"), Map.entry("b", ""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"symbn", "userid", "password", "ipaddress", "phonenumber", "devicetype"})
  void aRepeatedDocumentedParameterIsAnError(String name) {
    String query = "symbn=K&" + name + "=x&" + name + "=y";
    assertThatThrownBy(() -> SendUrlRequest.parse("GET", query, NO_BODY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("parameter " + name + " appears more than once");
  }

  @Test
  void aPasswordRepeatedAcrossQueryAndBodyIsAnErrorToo() {
    byte[] body = "password=b&symbn=K".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> SendUrlRequest.parse("POST", "password=a", null, body))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("password appears more than once")
        .hasMessageNotContaining("=a")
        .hasMessageNotContaining("=b");
  }

  @ParameterizedTest
  @ValueSource(strings = {"symbn=K&x=%", "symbn=K&x=%4", "symbn=K&x=%G1", "symbn=%ZZ"})
  void malformedPercentEncodingIsAnError(String query) {
    assertThatThrownBy(() -> SendUrlRequest.parse("GET", query, NO_BODY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("malformed percent-encoding");
  }

  @Test
  void malformedPercentEncodingInThePasswordDoesNotShowIt() {
    assertThatThrownBy(() -> SendUrlRequest.parse("GET", "symbn=K&password=s3cr%t", NO_BODY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not shown")
        .hasMessageNotContaining("s3cr");
  }

  @Test
  void percentEncodedBytesThatAreNotUtf8AreAnError() {
    assertThatThrownBy(() -> SendUrlRequest.parse("GET", "symbn=K&x=%FF%FE", NO_BODY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not valid UTF-8");
  }

  @Test
  void tooManyParametersIsAnError() {
    String query = "symbn=K" + "&p=1".repeat(SendUrlRequest.MAX_PARAMETERS);
    assertThatThrownBy(() -> SendUrlRequest.parse("GET", query, NO_BODY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most " + SendUrlRequest.MAX_PARAMETERS);
  }

  @Test
  void tooLongANameOrValueOrBodyIsAnError() {
    String longName = "n".repeat(SendUrlRequest.MAX_NAME_LENGTH + 1);
    assertThatThrownBy(() -> SendUrlRequest.parse("GET", "symbn=K&" + longName + "=1", NO_BODY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("parameter name must be at most");
    String longValue = "v".repeat(SendUrlRequest.MAX_VALUE_LENGTH + 1);
    assertThatThrownBy(() -> SendUrlRequest.parse("GET", "symbn=K&x=" + longValue, NO_BODY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be at most " + SendUrlRequest.MAX_VALUE_LENGTH);
    byte[] body = new byte[SendUrlRequest.MAX_BODY_BYTES + 1];
    assertThatThrownBy(() -> SendUrlRequest.parse("POST", null, body))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most " + SendUrlRequest.MAX_BODY_BYTES + " bytes");
  }

  @Test
  void aTooLongPasswordIsAnErrorThatDoesNotShowItsLength() {
    String query = "symbn=K&password=" + "p".repeat(SendUrlRequest.MAX_VALUE_LENGTH + 7);
    assertThatThrownBy(() -> SendUrlRequest.parse("GET", query, NO_BODY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "parameter \"password\" must be at most 1024 characters (its length is not shown)");
  }

  @Test
  void aMissingOrInvalidSymbolicNameIsAnError() {
    assertThatThrownBy(() -> SendUrlRequest.parse("GET", "userid=u", NO_BODY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("symbn");
    assertThatThrownBy(() -> SendUrlRequest.parse("GET", "symbn=a%20b", NO_BODY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("symbn must be");
  }

  @ParameterizedTest
  @ValueSource(strings = {"PUT", "get", "HEAD", "DELETE"})
  void onlyGetAndPostAreSendUrlMethods(String method) {
    assertThatThrownBy(() -> SendUrlRequest.parse(method, "symbn=K", NO_BODY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("method must be GET or POST");
  }

  @Test
  void aPostThatIsNotAFormIsAnError() {
    byte[] body = "symbn=K".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> SendUrlRequest.parse("POST", null, "application/json", body))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("application/x-www-form-urlencoded");
    assertThatThrownBy(
            () ->
                SendUrlRequest.parse(
                    "POST", null, "application/x-www-form-urlencoded; charset=nope", body))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("charset is not known");
  }

  @Test
  void equalRequestsAreEqual() {
    assertThat(SendUrlRequest.parse("GET", VENDOR_QUERY, NO_BODY))
        .isEqualTo(SendUrlRequest.parse("GET", VENDOR_QUERY, NO_BODY))
        .hasSameHashCodeAs(SendUrlRequest.parse("GET", VENDOR_QUERY, NO_BODY))
        .isNotEqualTo(
            SendUrlRequest.parse("GET", VENDOR_QUERY.replace("MyPassword", "x"), NO_BODY));
  }
}
