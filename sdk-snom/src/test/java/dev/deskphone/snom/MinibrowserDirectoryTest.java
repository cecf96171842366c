package dev.deskphone.snom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MinibrowserDirectoryTest {

  @Test
  void writesNameAndTelephonePerEntry() {
    MinibrowserDirectory directory =
        MinibrowserDirectory.builder()
            .title("Team")
            .prompt("Dial")
            .entry("Reception", "100")
            .entry("Anna & Ben", "+4930123#")
            .build();

    assertThat(directory.toXml())
        .isEqualTo(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<SnomIPPhoneDirectory>\n"
                + "<Title>Team</Title>\n"
                + "<Prompt>Dial</Prompt>\n"
                + "<DirectoryEntry><Name>Reception</Name><Telephone>100</Telephone>"
                + "</DirectoryEntry>\n"
                + "<DirectoryEntry><Name>Anna &amp; Ben</Name><Telephone>+4930123#</Telephone>"
                + "</DirectoryEntry>\n"
                + "</SnomIPPhoneDirectory>\n");
  }

  @Test
  void readsBackEqual() {
    MinibrowserDirectory directory =
        MinibrowserDirectory.builder()
            .entry("Zoë", "*21")
            .entry("Pool", "sip:pool@pbx.example")
            .led(MinibrowserLed.of(7, MinibrowserLed.State.ON, MinibrowserLed.Color.ORANGE))
            .build();

    MinibrowserDirectory back =
        (MinibrowserDirectory) MinibrowserDocument.read(directory.toBytes());

    assertThat(back).isEqualTo(directory);
    assertThat(back.entries())
        .containsExactly(
            new MinibrowserDirectory.Entry("Zoë", "*21"),
            new MinibrowserDirectory.Entry("Pool", "sip:pool@pbx.example"));
    assertThat(back.title()).isEmpty();
    assertThat(back.prompt()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "12 34", "123abc", "++1", "sip:", "sip:a b", "tel:+491", "sip:$(set:x)"})
  void aTelephoneThatIsNeitherADialStringNorASipUriIsRefused(String telephone) {
    assertThatThrownBy(() -> MinibrowserDirectory.builder().entry("A", telephone))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("telephone");
  }

  @Test
  void anEntryIsRequired() {
    assertThatThrownBy(() -> MinibrowserDirectory.builder().title("T").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a SnomIPPhoneDirectory needs at least one entry");
  }

  @Test
  void toStringCountsTheEntries() {
    assertThat(MinibrowserDirectory.builder().entry("a", "1").entry("b", "2").build().toString())
        .isEqualTo("MinibrowserDirectory[2 entries]");
  }
}
