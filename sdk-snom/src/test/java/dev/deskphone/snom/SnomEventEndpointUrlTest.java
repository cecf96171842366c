package dev.deskphone.snom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class SnomEventEndpointUrlTest {
  private static final URI BASE = SnomEventEndpointTest.BASE;

  private final SnomEventEndpoint endpoint =
      SnomEventEndpoint.builder().key(EventSecretsTest.KEY).listener(e -> {}).build();

  @AfterEach
  void stop() {
    endpoint.close();
  }

  @Test
  void anIncomingUrlIsTheBaseThenEventPhoneSecretAndTheCallVariables() {
    assertThat(endpoint.actionUrl("10.0.0.5", SnomEventType.INCOMING, BASE))
        .isEqualTo(
            "http://pbx.example:8080/snom/events?e=incoming&p=10.0.0.5&sig=2ogbVXsyn-ZdbUTWx0maAA"
                + "&ip=$phone_ip&mac=$mac&cid=$call-id&l=$local&r=$remote&dr=$display_remote"
                + "&n=$nr_ongoing_calls");
  }

  @Test
  void eventsCarryTheVariablesThatFitThem() {
    assertThat(endpoint.actionUrl("p1", SnomEventType.DISCONNECTED, BASE))
        .endsWith("&n=$nr_ongoing_calls&cr=$cancel_reason");
    assertThat(endpoint.actionUrl("p1", SnomEventType.MISSED, BASE)).contains("&cr=$cancel_reason");
    assertThat(endpoint.actionUrl("p1", SnomEventType.LONGPRESS, BASE))
        .endsWith("&ip=$phone_ip&mac=$mac&k=$longpress_key");
    for (SnomEventType t :
        List.of(SnomEventType.LOG_ON, SnomEventType.LOG_OFF, SnomEventType.REG_FAILED)) {
      assertThat(endpoint.actionUrl("p1", t, BASE))
          .endsWith("&ip=$phone_ip&mac=$mac&u=$active_user");
    }
    assertThat(endpoint.actionUrl("p1", SnomEventType.HOLD, BASE))
        .contains("&cid=$call-id&l=$local&r=$remote&dr=$display_remote&n=$nr_ongoing_calls");
  }

  @ParameterizedTest
  @EnumSource(SnomEventType.class)
  void everyEventsUrlNamesItPhoneAndSecretAndStaysShort(SnomEventType type) {
    String url =
        endpoint.actionUrl(
            "192.168.100.200", type, URI.create("http://192.168.100.1:8080/snom/events"));

    assertThat(url)
        .startsWith(
            "http://192.168.100.1:8080/snom/events?e="
                + type.wireName()
                + "&p=192.168.100.200&sig=")
        .contains("&ip=$phone_ip&mac=$mac");
    assertThat(url.length()).as(url).isLessThanOrEqualTo(210);
  }

  @Test
  void actionUrlsAreSettingsInEventOrderWithTheSameUrls() {
    Map<String, String> settings =
        endpoint.actionUrls(
            "10.0.0.5", EnumSet.of(SnomEventType.DISCONNECTED, SnomEventType.INCOMING), BASE);

    assertThat(settings)
        .containsExactly(
            Map.entry(
                "action_incoming_url",
                endpoint.actionUrl("10.0.0.5", SnomEventType.INCOMING, BASE)),
            Map.entry(
                "action_disconnected_url",
                endpoint.actionUrl("10.0.0.5", SnomEventType.DISCONNECTED, BASE)));
    assertThat(endpoint.actionUrls("10.0.0.5", EnumSet.allOf(SnomEventType.class), BASE))
        .hasSize(25)
        .containsKey("action_hold")
        .containsKey("action_firewall_test");
    assertThat(endpoint.actionUrls("10.0.0.5", EnumSet.noneOf(SnomEventType.class), BASE))
        .isEmpty();
  }

  @Test
  void aBaseWithoutPathGetsSlashAndHttpsWorks() {
    assertThat(endpoint.actionUrl("p", SnomEventType.ONHOOK, URI.create("https://pbx.example")))
        .startsWith("https://pbx.example/?e=onhook&p=p&sig=");
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.0.0.5", "fe80::1", "phone_7.office-2", "A", "000413A1B2C3"})
  void phoneIdsOfLettersDigitsAndDotDashUnderscoreColonAreAllowed(String phone) {
    assertThat(endpoint.actionUrl(phone, SnomEventType.ONHOOK, BASE)).contains("&p=" + phone + "&");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "[fe80::1]", "a b", "a&b=c", "a/b", "Zürich", "fe80::1%eth0", "$mac"})
  void otherPhoneIdsAreRefusedWithWhatIsAllowed(String phone) {
    assertThatThrownBy(() -> endpoint.actionUrl(phone, SnomEventType.ONHOOK, BASE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("phone id must be 1 to 64 ASCII letters, digits and . - _ :");
    assertThatThrownBy(() -> endpoint.actionUrls(phone, EnumSet.of(SnomEventType.ONHOOK), BASE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aPhoneIdOver64CharactersIsRefused() {
    assertThat(endpoint.actionUrl("a".repeat(64), SnomEventType.ONHOOK, BASE)).isNotEmpty();
    assertThatThrownBy(() -> endpoint.actionUrl("a".repeat(65), SnomEventType.ONHOOK, BASE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/snom/events",
        "ftp://pbx/events",
        "http://pbx/events?x=1",
        "http://pbx/events#top",
        "http://pbx/$events",
        "mailto:pbx@example.com",
      })
  void aBaseThatIsNotAPlainHttpUrlIsRefused(String base) {
    assertThatThrownBy(() -> endpoint.actionUrl("p", SnomEventType.ONHOOK, URI.create(base)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the public base must be an absolute http or https URI");
  }

  @Test
  void aBaseWithUserInfoIsRefusedWithoutShowingIt() {
    assertThatThrownBy(
            () ->
                endpoint.actionUrl(
                    "p", SnomEventType.ONHOOK, URI.create("http://admin:Hunter2@pbx/events")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("user-info (not shown)")
        .message()
        .doesNotContain("Hunter2");
  }

  @Test
  void urlsVerifyOnAnotherEndpointWithTheSameKeyOnly() {
    String url = endpoint.actionUrl("10.0.0.5", SnomEventType.ONHOOK, BASE);
    try (SnomEventEndpoint same =
            SnomEventEndpoint.builder().key(EventSecretsTest.KEY).listener(e -> {}).build();
        SnomEventEndpoint other = SnomEventEndpoint.builder().listener(e -> {}).build()) {
      assertThat(same.handle(SnomEventEndpointTest.get(FiringPhone.target(url))).status())
          .isEqualTo(200);
      assertThat(other.handle(SnomEventEndpointTest.get(FiringPhone.target(url))).status())
          .isEqualTo(403);
      assertThat(other.actionUrl("10.0.0.5", SnomEventType.ONHOOK, BASE)).isNotEqualTo(url);
    }
  }
}
