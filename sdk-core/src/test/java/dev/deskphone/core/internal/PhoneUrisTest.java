package dev.deskphone.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class PhoneUrisTest {
  @Test
  void phoneOfFillsTheDefaultPortAndNeverShowsUserInfo() {
    assertThat(PhoneUris.phoneOf(URI.create("https://admin:Sentinel-9f@h:1/")))
        .isEqualTo("https://h:1");
    assertThat(PhoneUris.phoneOf(URI.create("HTTP://10.0.0.5"))).isEqualTo("http://10.0.0.5:80");
    assertThat(PhoneUris.phoneOf(URI.create("https://10.0.0.5/")))
        .isEqualTo("https://10.0.0.5:443");
  }

  @Test
  void rootTakesOnlyTheWebServersRoot() {
    assertThat(PhoneUris.root(URI.create("http://10.0.0.5"), "x")).hasToString("http://10.0.0.5");
    assertThat(PhoneUris.root(URI.create("https://phone:8443/"), "x"))
        .hasToString("https://phone:8443/");
    assertThatThrownBy(() -> PhoneUris.root(URI.create("http://10.0.0.5/index.htm"), "http://x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the phone URI must be the web server's root, such as http://x, was"
                + " \"http://10.0.0.5:80/index.htm\"");
    assertThatThrownBy(() -> PhoneUris.root(URI.create("http://10.0.0.5/?a=1"), "http://x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith(" with a query");
    assertThatThrownBy(() -> PhoneUris.root(URI.create("http://u:Sentinel-9f@10.0.0.5/"), "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("Sentinel-9f");
  }
}
