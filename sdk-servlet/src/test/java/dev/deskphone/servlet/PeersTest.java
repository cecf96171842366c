package dev.deskphone.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PeersTest {

  @Test
  void ipAddressesAreTakenAsTheyAre() {
    InetSocketAddress v4 = Peers.of("192.0.2.7", 5060);
    InetSocketAddress v6 = Peers.of("0:0:0:0:0:0:0:1", 443);

    assertThat(v4.getAddress().getHostAddress()).isEqualTo("192.0.2.7");
    assertThat(v4.getPort()).isEqualTo(5060);
    assertThat(v6.getAddress().isLoopbackAddress()).isTrue();
    assertThat(v6.getPort()).isEqualTo(443);
  }

  @Test
  void portThatIsNoPortBecomesZero() {
    assertThat(Peers.of("192.0.2.7", -1)).isEqualTo(Peers.of("192.0.2.7", 0));
  }

  // "localhost" would resolve to a loopback address if it were looked up.
  @ParameterizedTest
  @ValueSource(
      strings = {"", "localhost", "beef", "phone.example", "1.2.3.4.5", "256.1.1.1", "a:b"})
  void anythingButAnIpAddressIsUnknownAndNeverLookedUp(String address) {
    assertThat(Peers.of(address, 5060)).isSameAs(Peers.UNKNOWN);
  }

  @Test
  void unknownIsTheWildcardAddressPortZero() {
    assertThat(Peers.UNKNOWN.getAddress().getHostAddress()).isEqualTo("0.0.0.0");
    assertThat(Peers.UNKNOWN.getPort()).isZero();
    assertThat(Peers.of(null, 1)).isSameAs(Peers.UNKNOWN);
  }
}
