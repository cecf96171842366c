package dev.deskphone.core.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deskphone.core.Credentials;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BasicAuthorizationTest {

  @Test
  void encodesTheRfc7617Example() {
    assertThat(BasicAuthorization.header("Aladdin", "open sesame"))
        .isEqualTo("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
  }

  @Test
  void encodesUtf8AsInRfc7617Section21() {
    Credentials test = Credentials.of("test", "123\u00a3");
    assertThat(BasicAuthorization.header(test.username(), test.password(), StandardCharsets.UTF_8))
        .isEqualTo("Basic dGVzdDoxMjPCow==");
    assertThat(
            BasicAuthorization.header(
                test.username(), test.password(), StandardCharsets.ISO_8859_1))
        .isEqualTo("Basic dGVzdDoxMjOj");
  }

  @Test
  void usesUtf8WithOrWithoutTheCharsetParam() {
    assertThat(BasicAuthorization.charset(Challenge.of("Basic", Map.of("realm", "r"))))
        .isEqualTo(StandardCharsets.UTF_8);
    assertThat(
            BasicAuthorization.charset(
                Challenge.of("Basic", Map.of("realm", "r", "charset", "UTF-8"))))
        .isEqualTo(StandardCharsets.UTF_8);
  }

  @Test
  void allowsColonsInThePassword() {
    assertThat(BasicAuthorization.header("u", "a:b")).isEqualTo("Basic dTphOmI=");
  }

  @Test
  void rejectsAColonInTheUsernameWithoutShowingThePassword() {
    assertThatThrownBy(() -> BasicAuthorization.header("a:b", "s3cr3t"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not contain ':'")
        .hasMessageContaining("RFC 7617")
        .hasMessageNotContaining("s3cr3t");
  }

  @Test
  void rejectsCredentialsTheCharsetCannotEncodeWithoutShowingThem() {
    assertThatThrownBy(
            () -> BasicAuthorization.header("user", "pässwörd", StandardCharsets.US_ASCII))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot be encoded in US-ASCII")
        .hasMessageNotContaining("pässwörd")
        .hasNoCause();
  }
}
