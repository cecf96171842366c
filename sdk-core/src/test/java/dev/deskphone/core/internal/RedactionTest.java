package dev.deskphone.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedactionTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "password",
        "passwd",
        "pwd",
        "token",
        "secret",
        "pass",
        "auth",
        "pin",
        "sig",
        "signature"
      })
  void secretLookingParameterValueBecomesStarsInATarget(String name) {
    URI uri = URI.create("http://10.0.0.5/command.htm?user=admin&" + name + "=hunter2&key=F1");

    assertThat(Redaction.target(uri)).isEqualTo("/command.htm?user=admin&" + name + "=***&key=F1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"PASSWORD", "Pwd", "ToKeN", "SECRET", "admin_password", "clientSecret"})
  void namesCompareIgnoringCaseAndContainingPasswordOrSecretCount(String name) {
    assertThat(Redaction.query(name + "=hunter2")).isEqualTo(name + "=***");
    assertThat(Redaction.isSecretName(name)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"user_pass1", "http_pass", "USER_PASS12", "user_pin", "ldap_pwd"})
  void aSecretWordBetweenUnderscoresWithAnIndexCounts(String name) {
    assertThat(Redaction.query("fkey0=speed%20100&" + name + "=hunter2"))
        .isEqualTo("fkey0=speed%20100&" + name + "=***");
  }

  @ParameterizedTest
  @ValueSource(strings = {"user_passive1", "fkey_label0", "pinned", "action_incoming_url", "x_"})
  void otherWordsWithUnderscoresDoNotCount(String name) {
    assertThat(Redaction.isSecretName(name)).isFalse();
  }

  @Test
  void formBodyKeepsOtherParametersAndTheirOrder() {
    String body = "b=2&Password=p%40ss&a=1&token=abc&z=&pwd=x=y";

    assertThat(Redaction.query(body)).isEqualTo("b=2&Password=***&a=1&token=***&z=&pwd=***");
  }

  @Test
  void parametersWithoutEqualsSignAreKeptAsTheyAre() {
    assertThat(Redaction.query("reboot&password&pwd=&x=1"))
        .isEqualTo("reboot&password&pwd=***&x=1");
  }

  @Test
  void emptyPairsAndNonSecretNamesAreUntouched() {
    assertThat(Redaction.query("&a=1&&passport=X123&")).isEqualTo("&a=1&&passport=X123&");
    assertThat(Redaction.isSecretName("user")).isFalse();
    assertThat(Redaction.isSecretName("key")).isFalse();
    assertThat(Redaction.isSecretName("signal")).isFalse();
  }

  @Test
  void targetKeepsTheRawPathAndPercentEncoding() {
    URI uri = URI.create("http://10.0.0.5/a%20b/c.htm?name=caf%C3%A9&pwd=%26secret");

    assertThat(Redaction.target(uri)).isEqualTo("/a%20b/c.htm?name=caf%C3%A9&pwd=***");
    assertThat(Redaction.target(URI.create("http://10.0.0.5"))).isEqualTo("/");
    assertThat(Redaction.target(URI.create("http://10.0.0.5/x"))).isEqualTo("/x");
    assertThat(Redaction.target(URI.create("http://10.0.0.5?token=t"))).isEqualTo("/?token=***");
  }

  @Test
  void secretsInsideAnEncodedUrlValueAreStarsToo() {
    String setting =
        "settings=save&action_incoming_url=http%3A%2F%2Fpbx%3A8080%2Fe%3Fe%3Dincoming"
            + "%26p%3D10.0.0.5%26sig%3D2ogbVXsyn-ZdbUTWx0maAA%26r%3D%24remote&store_settings=save";

    assertThat(Redaction.query(setting))
        .isEqualTo(
            "settings=save&action_incoming_url=http%3A%2F%2Fpbx%3A8080%2Fe%3Fe%3Dincoming"
                + "%26p%3D10.0.0.5%26sig%3D***%26r%3D%24remote&store_settings=save");
    assertThat(Redaction.query("u=%3fToken%3dabc")).isEqualTo("u=%3fToken%3d***");
    assertThat(Redaction.query("u=x%3Dy%26pin%3D1234")).isEqualTo("u=x%3Dy%26pin%3D***");
    assertThat(Redaction.query("u=a%3Db%26c%3Dd")).isEqualTo("u=a%3Db%26c%3Dd");
  }
}
