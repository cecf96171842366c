package dev.deskphone.unify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SendUrlConnectionTest {

  @Test
  void accessLineShowsThePasswordAsStars() {
    String line =
        SendUrlConnection.accessLine(
            "GET", "/", "userid=MyUsername&password=MyPassword&symbn=Key1", "10.0.0.7", 200, 3);
    assertThat(line)
        .isEqualTo(
            "Send URL GET \"/?userid=MyUsername&password=***&symbn=Key1\" from 10.0.0.7: 200 in 3"
                + " ms")
        .doesNotContain("MyPassword");
  }

  @Test
  void accessLineEscapesControlCharactersAndNamesADroppedRequest() {
    String line = SendUrlConnection.accessLine("GET", "/a\nb", null, "127.0.0.1", 0, 10);
    assertThat(line).isEqualTo("Send URL GET \"/a<U+000A>b\" from 127.0.0.1: dropped in 10 ms");
  }
}
