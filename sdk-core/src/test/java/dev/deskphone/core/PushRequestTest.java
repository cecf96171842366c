package dev.deskphone.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PushRequestTest {

  private static final URI SERVER = URI.create("https://10.10.0.255:443/");

  private static PushRequest.Builder minimal() {
    return PushRequest.builder().symbolicName("MySymbolicName").server(SERVER);
  }

  @Test
  void contextIsKeptAsGiven() {
    PushRequest push = minimal().programName("Prog-1").context("orderId", "42 ä/€").build();
    assertThat(push.contextKey()).contains("orderId");
    assertThat(push.contextValue()).contains("42 ä/€");
  }

  @Test
  void accessorsReturnWhatWasSet() {
    PushRequest push = minimal().programName("Prog").build();
    assertThat(push.symbolicName()).isEqualTo("MySymbolicName");
    assertThat(push.programName()).isEqualTo("Prog");
    assertThat(push.server()).isEqualTo(SERVER);
    assertThat(push.contextKey()).isEmpty();
    assertThat(push.contextValue()).isEmpty();
  }

  @Test
  void programNameDefaultsToTheSymbolicName() {
    assertThat(minimal().build().programName()).isEqualTo("MySymbolicName");
  }

  @Test
  void serverSchemeIsStoredLowerCase() {
    PushRequest push = minimal().server(URI.create("HTTPS://Server.Example:8443/p")).build();
    assertThat(push.server()).isEqualTo(URI.create("https://Server.Example:8443/p"));
  }

  @Test
  void serverWithUserInfoIsRejectedWithoutShowingIt() {
    assertThatThrownBy(
            () -> minimal().server(URI.create("https://admin:Sentinel-Pw1@10.0.0.1:443/")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the server URI must not carry user-info (credentials)")
        .hasMessageNotContaining("Sentinel-Pw1")
        .hasMessageNotContaining("admin");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://admin:Sentinel-Pw1@my_host/",
        "https:admin:Sentinel-Pw1@host",
        "ftp://admin:Sentinel-Pw1@host/"
      })
  void userInfoIsNeverShownEvenInUnusualUris(String uri) {
    assertThatThrownBy(() -> minimal().server(URI.create(uri)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the server URI must not carry user-info (credentials)")
        .hasMessageNotContaining("Sentinel-Pw1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://host/", "ws://host/", "file:///etc/passwd", "mailto:x"})
  void serverWithAnotherSchemeIsRejected(String uri) {
    assertThatThrownBy(() -> minimal().server(URI.create(uri)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("server must be an absolute http or https URI, was \"" + uri + "\"");
  }

  @Test
  void relativeServerIsRejected() {
    assertThatThrownBy(() -> minimal().server(URI.create("//host/x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("server must be an absolute http or https URI, was \"//host/x\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http:///x", "https:opaque", "https://my_host/", "http://h:99999999999/"})
  void serverWithoutAHostIsRejected(String uri) {
    assertThatThrownBy(() -> minimal().server(URI.create(uri)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("server must name a host, such as https://10.0.0.1:443/, was \"" + uri + "\"");
  }

  @Test
  void serverWithAQueryIsRejectedWithoutShowingIt() {
    assertThatThrownBy(
            () -> minimal().server(URI.create("https://h/send?userid=u&password=Sentinel-Pw1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "server must not have a query or fragment (the push form has no place for them), was"
                + " \"https://h/send\" (query and fragment not shown)")
        .hasMessageNotContaining("Sentinel-Pw1");
  }

  @Test
  void serverWithAFragmentIsRejectedWithoutShowingIt() {
    assertThatThrownBy(() -> minimal().server(URI.create("https://h/#Sentinel-Frag?x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("was \"https://h/\" (query and fragment not shown)")
        .hasMessageNotContaining("Sentinel");
  }

  @ParameterizedTest
  @CsvSource({"http://h:0/, 0", "http://h:65536/, 65536", "https://h:99999/, 99999"})
  void serverPortOutsideOneTo65535IsRejected(String uri, int port) {
    assertThatThrownBy(() -> minimal().server(URI.create(uri)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("server port must be 1 to 65535, was " + port);
  }

  @Test
  void missingSymbolicNameIsRejected() {
    assertThatThrownBy(() -> PushRequest.builder().server(SERVER).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("symbolicName is required");
  }

  @Test
  void missingServerIsRejected() {
    assertThatThrownBy(() -> PushRequest.builder().symbolicName("k").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("server is required");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "a b",
        "a&RequestType=x",
        "a=b",
        "a\r\nb",
        "nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn"
      })
  void symbolicNameThatIsNotATokenIsRejected(String name) {
    assertThatThrownBy(() -> PushRequest.builder().symbolicName(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "symbolicName must be 1 to 64 characters of ASCII letters, digits, '_', '-' and '.'")
        .hasMessageNotContaining("\r");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "a b",
        "x&y",
        "x=y",
        "ppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppp"
      })
  void programNameThatIsNotATokenIsRejected(String name) {
    assertThatThrownBy(() -> PushRequest.builder().programName(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("programName must be 1 to 64 characters");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\rb", "a\nb", "a&b", "a=b", "a\u0000b", "a\tb", "a\u009Bb"})
  void contextKeyWithASeparatorOrControlIsRejectedNamingTheField(String key) {
    assertThatThrownBy(() -> minimal().context(key, "v"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "contextKey must be free of CR, LF, '&', '=' and other control characters, was \"a")
        .hasMessageNotContainingAny("\r", "\n", "\u0000", "\t", "\u009B");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\rb", "a\nb", "a&b", "a=b", "a\u0000b", "a\u001Bb"})
  void contextValueWithASeparatorOrControlIsRejectedNamingTheField(String value) {
    assertThatThrownBy(() -> minimal().context("k", value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "contextValue must be free of CR, LF, '&', '=' and other control characters, was \"a");
  }

  @Test
  void contextKeyLengthBoundsAreOneAndSixtyFour() {
    assertThat(minimal().context("k".repeat(64), "v").build().contextKey())
        .contains("k".repeat(64));
    assertThatThrownBy(() -> minimal().context("k".repeat(65), "v"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("contextKey must be 1 to 64 characters, was 65: \"" + "k".repeat(65) + "\"");
    assertThatThrownBy(() -> minimal().context("", "v"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("contextKey must be 1 to 64 characters, was 0: \"\"");
  }

  @Test
  void contextValueLengthBoundsAreOneAndTwoHundredFiftySix() {
    assertThat(minimal().context("k", "v".repeat(256)).build().contextValue())
        .contains("v".repeat(256));
    assertThatThrownBy(() -> minimal().context("k", "v".repeat(257)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("contextValue must be 1 to 256 characters, was 257: \"vvv")
        .hasMessageEndingWith("...\" (257 characters)");
    assertThatThrownBy(() -> minimal().context("k", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("contextValue must be 1 to 256 characters, was 0: \"\"");
  }

  @Test
  void contextLengthsCountCodePoints() {
    String emoji = new String(Character.toChars(0x1F600));
    assertThat(minimal().context(emoji.repeat(64), emoji.repeat(256)).build().contextKey())
        .contains(emoji.repeat(64));
  }

  @Test
  void rejectedContextLeavesTheEarlierOneInPlace() {
    PushRequest.Builder b = minimal().context("k", "v");
    assertThatThrownBy(() -> b.context("k2", "a&b")).isInstanceOf(IllegalArgumentException.class);
    PushRequest push = b.build();
    assertThat(push.contextKey()).contains("k");
    assertThat(push.contextValue()).contains("v");
  }

  @Test
  void nullsAreRejectedNamingTheParameter() {
    PushRequest.Builder b = PushRequest.builder();
    assertThatThrownBy(() -> b.symbolicName(null)).hasMessage("symbolicName");
    assertThatThrownBy(() -> b.programName(null)).hasMessage("programName");
    assertThatThrownBy(() -> b.server(null)).hasMessage("server");
    assertThatThrownBy(() -> b.context(null, "v")).hasMessage("contextKey");
    assertThatThrownBy(() -> b.context("k", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("contextValue");
  }

  @Test
  void equalRequestsAreEqualWithEqualHashCodes() {
    PushRequest a = minimal().context("k", "v").build();
    PushRequest b =
        PushRequest.builder()
            .server(URI.create("HTTPS://10.10.0.255:443/"))
            .symbolicName("MySymbolicName")
            .programName("MySymbolicName")
            .context("k", "v")
            .build();
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isEqualTo(a);
  }

  @Test
  void requestsDifferingInAnyPartAreNotEqual() {
    PushRequest a = minimal().context("k", "v").build();
    assertThat(a)
        .isNotEqualTo(minimal().symbolicName("Other").context("k", "v").build())
        .isNotEqualTo(minimal().programName("Other").context("k", "v").build())
        .isNotEqualTo(
            minimal().server(URI.create("https://10.10.0.254/")).context("k", "v").build())
        .isNotEqualTo(minimal().context("k2", "v").build())
        .isNotEqualTo(minimal().context("k", "v2").build())
        .isNotEqualTo(minimal().build())
        .isNotEqualTo(null)
        .isNotEqualTo("MySymbolicName");
  }

  @Test
  void toStringShowsTheParts() {
    assertThat(minimal().build())
        .hasToString(
            "PushRequest[symbolicName=MySymbolicName, programName=MySymbolicName,"
                + " server=https://10.10.0.255:443/]");
    assertThat(minimal().context("k", "a b").build().toString())
        .endsWith(", contextKey=\"k\", contextValue=\"a b\"]");
  }
}
