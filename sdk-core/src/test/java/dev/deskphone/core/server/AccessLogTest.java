package dev.deskphone.core.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccessLogTest {

  @Test
  void aLineShowsThePasswordAsStars() {
    String line =
        AccessLog.line(
            "GET", "/", "userid=MyUsername&password=MyPassword&symbn=Key1", "10.0.0.7", 200, 3);
    assertThat(line)
        .isEqualTo("GET \"/?userid=MyUsername&password=***&symbn=Key1\" from 10.0.0.7: 200 in 3 ms")
        .doesNotContain("MyPassword");
  }

  @Test
  void aLineEscapesControlCharactersAndNamesADroppedRequest() {
    String line = AccessLog.line("GET", "/a\nb", null, "127.0.0.1", 0, 10);
    assertThat(line).isEqualTo("GET \"/a<U+000A>b\" from 127.0.0.1: dropped in 10 ms");
  }
}
