package dev.deskphone.snom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class MinibrowserInputTest {

  private static final URI FORWARD = URI.create("https://apps.example/forward?to=__X__");

  private static MinibrowserInput.Builder valid() {
    return MinibrowserInput.builder().url(FORWARD).token("__X__").displayName("Forward to");
  }

  @Test
  void writesTheVendorsElementsInTheirOrder() {
    MinibrowserInput input =
        valid()
            .title("Forwarding")
            .prompt("Number?")
            .defaultValue("+49 30 <1>")
            .fieldType(MinibrowserInput.FieldType.TELEPHONE)
            .build();

    assertThat(input.toXml())
        .isEqualTo(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<SnomIPPhoneInput>\n"
                + "<Title>Forwarding</Title>\n"
                + "<Prompt>Number?</Prompt>\n"
                + "<URL>https://apps.example/forward?to=__X__</URL>\n"
                + "<InputItem><DisplayName>Forward to</DisplayName><InputToken>__X__</InputToken>"
                + "<DefaultValue>+49 30 &lt;1&gt;</DefaultValue><InputFlags>t</InputFlags>"
                + "</InputItem>\n"
                + "</SnomIPPhoneInput>\n");
  }

  @ParameterizedTest
  @EnumSource(MinibrowserInput.FieldType.class)
  void readsBackEqualForEveryFieldType(MinibrowserInput.FieldType type) {
    MinibrowserInput input = valid().fieldType(type).defaultValue("ä").build();

    MinibrowserInput back = (MinibrowserInput) MinibrowserDocument.read(input.toBytes());

    assertThat(back).isEqualTo(input);
    assertThat(back.fieldType()).isEqualTo(type);
    assertThat(back.url()).isEqualTo(FORWARD);
    assertThat(back.token()).isEqualTo("__X__");
    assertThat(back.displayName()).isEqualTo("Forward to");
    assertThat(back.defaultValue()).contains("ä");
  }

  @Test
  void readsTheVendorsExampleWithUrlInMixedCaseAndTextAsTheDefaultFieldType() {
    String vendor =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
            + "<SnomIPPhoneInput>\n"
            + "<Url>http://example.com/example.php?myvar=__X__</Url>\n"
            + "<InputItem>\n"
            + "    <DisplayName>Title</DisplayName>\n"
            + "    <InputToken>__X__</InputToken>\n"
            + "    <DefaultValue>Input</DefaultValue>\n"
            + "</InputItem>\n"
            + "</SnomIPPhoneInput>\n";

    MinibrowserInput input =
        (MinibrowserInput) MinibrowserDocument.read(vendor.getBytes(StandardCharsets.UTF_8));

    assertThat(input.url()).isEqualTo(URI.create("http://example.com/example.php?myvar=__X__"));
    assertThat(input.fieldType()).isEqualTo(MinibrowserInput.FieldType.TEXT);
    assertThat(input.defaultValue()).contains("Input");
  }

  @Test
  void theUrlMustContainTheToken() {
    assertThatThrownBy(() -> valid().token("__Y__").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the url must contain the token \"__Y__\", which the phone replaces with the text"
                + " entered; url was \"https://apps.example/forward?to=__X__\"");
  }

  @Test
  void namesWhatIsMissing() {
    assertThatThrownBy(() -> MinibrowserInput.builder().displayName("D").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("SnomIPPhoneInput needs a url, a token and a displayName; missing: url token");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "__X__&a=1", "a b", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "$(set:x)", "<X>"})
  void aTokenOutsideTheTokenRuleIsRefused(String token) {
    assertThatThrownBy(() -> MinibrowserInput.builder().token(token))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("input token must be 1 to 32 ASCII letters, digits and '_'");
  }

  @Test
  void refusesAnUnknownInputFlag() {
    String xml =
        "<SnomIPPhoneInput><URL>http://h/?v=T</URL><InputItem><DisplayName>D</DisplayName>"
            + "<InputToken>T</InputToken><InputFlags>x</InputFlags></InputItem></SnomIPPhoneInput>";
    assertThatThrownBy(() -> MinibrowserDocument.read(xml.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "not a minibrowser document: InputFlags must be one of a, t, n, e, u, l, p, pn, was"
                + " \"x\"");
  }

  @Test
  void toStringNeverShowsTheDefaultValue() {
    MinibrowserInput input =
        valid().defaultValue("s3cret").fieldType(MinibrowserInput.FieldType.PASSWORD).build();
    assertThat(input.toString())
        .isEqualTo(
            "MinibrowserInput[displayName=\"Forward to\", PASSWORD,"
                + " url=\"https://apps.example/forward?to=__X__\"]")
        .doesNotContain("s3cret");
  }
}
