package dev.deskphone.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneResponseTest {
  private static final byte[] CAFE_LATIN_1 = {'c', 'a', 'f', (byte) 0xE9};

  @ParameterizedTest
  @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 99, 1000})
  void statusOutsideThreeDigitsIsRejected(int status) {
    assertThatThrownBy(() -> PhoneResponse.of(status, PhoneHeaders.empty(), new byte[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("status must be a 3-digit HTTP status, was " + status);
  }

  @ParameterizedTest
  @ValueSource(ints = {100, 101, 204, 302, 404, 503, 999})
  void anyThreeDigitStatusIsAValue(int status) {
    assertThat(PhoneResponse.of(status, PhoneHeaders.empty(), new byte[0]).status())
        .isEqualTo(status);
  }

  @Test
  void onlyTwoHundredsAreSuccess() {
    assertThat(success(199)).isFalse();
    assertThat(success(200)).isTrue();
    assertThat(success(204)).isTrue();
    assertThat(success(299)).isTrue();
    assertThat(success(300)).isFalse();
    assertThat(success(401)).isFalse();
    assertThat(success(500)).isFalse();
  }

  @Test
  void bodyTextUsesTheCharsetOfContentType() {
    PhoneResponse latin1 =
        PhoneResponse.of(
            200, PhoneHeaders.of("Content-Type", "text/plain; charset=ISO-8859-1"), CAFE_LATIN_1);
    PhoneResponse quoted =
        PhoneResponse.of(
            200,
            PhoneHeaders.of("content-type", "text/html;CHARSET=\"iso-8859-1\";q=1"),
            CAFE_LATIN_1);

    assertThat(latin1.bodyText()).isEqualTo("caf\u00e9");
    assertThat(quoted.bodyText()).isEqualTo("caf\u00e9");
  }

  @Test
  void bodyTextDefaultsToUtf8() {
    byte[] utf8 = "caf\u00e9 \u260e".getBytes(StandardCharsets.UTF_8);

    assertThat(PhoneResponse.of(200, PhoneHeaders.empty(), utf8).bodyText())
        .isEqualTo("caf\u00e9 \u260e");
    assertThat(PhoneResponse.of(200, PhoneHeaders.of("Content-Type", "text/xml"), utf8).bodyText())
        .isEqualTo("caf\u00e9 \u260e");
  }

  @ParameterizedTest
  @ValueSource(strings = {"text/plain; charset=x-no-such-charset", "text/plain; charset=@@"})
  void unknownOrIllegalCharsetFallsBackToUtf8(String contentType) {
    byte[] utf8 = "caf\u00e9".getBytes(StandardCharsets.UTF_8);

    assertThat(PhoneResponse.of(200, PhoneHeaders.of("Content-Type", contentType), utf8).bodyText())
        .isEqualTo("caf\u00e9");
  }

  @Test
  void malformedBodyIsReplacedNotThrown() {
    PhoneResponse response = PhoneResponse.of(200, PhoneHeaders.empty(), CAFE_LATIN_1);

    assertThat(response.bodyText()).isEqualTo("caf\uFFFD");
  }

  @Test
  void bodyIsCopiedOnTheWayInAndOut() {
    byte[] given = {1, 2, 3};
    PhoneResponse response = PhoneResponse.of(200, PhoneHeaders.empty(), given);

    given[0] = 9;
    response.body()[1] = 9;

    assertThat(response.body()).containsExactly(1, 2, 3);
    assertThat(response.bodyLength()).isEqualTo(3);
  }

  @Test
  void headerLooksUpIgnoringCase() {
    PhoneResponse response =
        PhoneResponse.of(302, PhoneHeaders.of("Location", "/login.htm"), new byte[0]);

    assertThat(response.header("location")).contains("/login.htm");
    assertThat(response.header("Set-Cookie")).isEmpty();
    assertThat(response.headers().size()).isEqualTo(1);
  }

  @Test
  void nullHeadersOrBodyIsRejected() {
    assertThatThrownBy(() -> PhoneResponse.of(200, null, new byte[0]))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("headers");
    assertThatThrownBy(() -> PhoneResponse.of(200, PhoneHeaders.empty(), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("body");
  }

  @Test
  void toStringShowsStatusAndLengthButNoBodyOrHeaders() {
    PhoneResponse response =
        PhoneResponse.of(
            200,
            PhoneHeaders.of("Set-Cookie", "session=s3cr3t"),
            "token=abc".getBytes(StandardCharsets.UTF_8));

    assertThat(response)
        .hasToString("PhoneResponse[200, 9 bytes]")
        .asString()
        .doesNotContain("s3cr3t", "abc");
  }

  @Test
  void equalityFollowsStatusHeadersAndBody() {
    PhoneResponse response =
        PhoneResponse.of(200, PhoneHeaders.of("Content-Type", "text/xml"), new byte[] {1});

    assertThat(response)
        .isEqualTo(
            PhoneResponse.of(200, PhoneHeaders.of("content-type", "text/xml"), new byte[] {1}))
        .hasSameHashCodeAs(
            PhoneResponse.of(200, PhoneHeaders.of("content-type", "text/xml"), new byte[] {1}))
        .isNotEqualTo(PhoneResponse.of(201, response.headers(), new byte[] {1}))
        .isNotEqualTo(PhoneResponse.of(200, PhoneHeaders.empty(), new byte[] {1}))
        .isNotEqualTo(PhoneResponse.of(200, response.headers(), new byte[] {2}))
        .isNotEqualTo("PhoneResponse[200, 1 bytes]");
  }

  private static boolean success(int status) {
    return PhoneResponse.of(status, PhoneHeaders.empty(), new byte[0]).isSuccess();
  }
}
