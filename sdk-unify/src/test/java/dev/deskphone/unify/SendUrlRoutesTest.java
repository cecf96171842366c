package dev.deskphone.unify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SendUrlRoutesTest {
  private static SendUrlRequest request(String symbolicName) {
    return SendUrlRequest.parse("GET", "symbn=" + symbolicName, new byte[0]);
  }

  @Test
  void aKeyWithoutARouteGoesToTheFallback() throws Exception {
    SendUrlRoutes routes =
        SendUrlRoutes.builder()
            .acknowledge("Coffee")
            .otherwise(request -> SendUrlReply.acknowledge())
            .build();
    assertThat(routes.respond(request("Other"))).isEqualTo(SendUrlReply.acknowledge());
    assertThat(SendUrlRoutes.builder().build().respond(request("Other")))
        .isEqualTo(SendUrlReply.unknownKey());
  }

  @Test
  void aSymbolicNameIsRoutedOnceAndMustBeValid() {
    SendUrlRoutes.Builder b = SendUrlRoutes.builder().acknowledge("Coffee");
    assertThatThrownBy(() -> b.acknowledge("Coffee"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("symbolic name Coffee is already routed");
    assertThatThrownBy(() -> b.acknowledge("two words"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("symbolicName must be");
    assertThat(b.build().toString()).isEqualTo("SendUrlRoutes[Coffee]");
  }
}
