package dev.deskphone.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CredentialsTest {

  private static final String SENTINEL = "S3ntinel-P4ssword";

  @Test
  void ofKeepsUsernameAndPassword() {
    Credentials c = Credentials.of("admin", SENTINEL);
    assertThat(c.username()).isEqualTo("admin");
    assertThat(c.password()).isEqualTo(SENTINEL);
  }

  @Test
  void emptyPasswordIsAccepted() {
    assertThat(Credentials.of("admin", "").password()).isEmpty();
  }

  @Test
  void passwordMayHoldAnyOtherCharacter() {
    String password = "p:@&= \t\"'ä€" + new String(Character.toChars(0x1F600));
    assertThat(Credentials.of("u", password).password()).isEqualTo(password);
  }

  @Test
  void emptyUsernameIsRejected() {
    assertThatThrownBy(() -> Credentials.of("", SENTINEL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("username must not be empty")
        .hasMessageNotContaining(SENTINEL);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ad\rmin", "ad\nmin", "ad\u0000min"})
  void usernameWithCrLfOrNulIsRejectedShowingItEscaped(String username) {
    assertThatThrownBy(() -> Credentials.of(username, SENTINEL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("username must not contain CR, LF or NUL, was \"ad<U+00")
        .hasMessageEndingWith(">min\"")
        .hasMessageNotContainingAny("\r", "\n", "\u0000", SENTINEL);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\r", "\n", "\u0000"})
  void passwordWithCrLfOrNulIsRejectedWithoutShowingIt(String bad) {
    String password = SENTINEL + bad + SENTINEL;
    Throwable thrown = catchThrowable(() -> Credentials.of("admin", password));
    assertThat(thrown)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("password must not contain CR, LF or NUL (the password is not shown)");
    assertThat(thrown.getMessage()).doesNotContain(SENTINEL).doesNotContain("S3ntinel");
  }

  @Test
  void nullsAreRejectedWithoutShowingThePassword() {
    assertThatThrownBy(() -> Credentials.of(null, SENTINEL))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("username");
    assertThatThrownBy(() -> Credentials.of("admin", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("password");
  }

  @Test
  void toStringNeverShowsThePasswordNorItsLength() {
    assertThat(Credentials.of("admin", SENTINEL))
        .hasToString("Credentials[username=admin, password=***]");
    assertThat(Credentials.of("admin", "x").toString())
        .isEqualTo(Credentials.of("admin", "a much longer password").toString());
    assertThat(Credentials.of("admin", "").toString())
        .isEqualTo("Credentials[username=admin, password=***]");
  }

  @Test
  void toStringEscapesControlCharactersInTheUsername() {
    assertThat(Credentials.of("a\tb\u001B", SENTINEL))
        .hasToString("Credentials[username=a<U+0009>b<U+001B>, password=***]");
  }

  @Test
  void equalCredentialsAreEqualWithEqualHashCodes() {
    Credentials a = Credentials.of("admin", SENTINEL);
    Credentials b = Credentials.of("admin", new String(SENTINEL.toCharArray()));
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isEqualTo(a);
  }

  @Test
  void differentPasswordsAreNotEqual() {
    Credentials a = Credentials.of("admin", SENTINEL);
    assertThat(a)
        .isNotEqualTo(Credentials.of("admin", SENTINEL + "x"))
        .isNotEqualTo(Credentials.of("admin", "s3ntinel-P4ssword"))
        .isNotEqualTo(Credentials.of("admin", ""));
    assertThat(Credentials.of("admin", "")).isEqualTo(Credentials.of("admin", ""));
  }

  @Test
  void differentUsernamesAreNotEqual() {
    assertThat(Credentials.of("admin", SENTINEL))
        .isNotEqualTo(Credentials.of("Admin", SENTINEL))
        .isNotEqualTo(null)
        .isNotEqualTo("admin");
  }

  @Test
  void hashCodeDependsOnTheUsernameOnly() {
    assertThat(Credentials.of("admin", SENTINEL).hashCode())
        .isEqualTo(Credentials.of("admin", "other").hashCode())
        .isEqualTo("admin".hashCode());
  }
}
