package dev.deskphone.snom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deskphone.core.KeyEvent;
import dev.deskphone.core.PhoneHeaders;
import dev.deskphone.core.PhoneOutcomeUnknownException;
import dev.deskphone.core.PhoneRedirectException;
import dev.deskphone.core.PhoneRequest;
import dev.deskphone.core.PhoneResponse;
import dev.deskphone.core.PhoneResponseException;
import dev.deskphone.core.PhoneTransport;
import dev.deskphone.core.PhoneUnsupportedException;
import dev.deskphone.core.TlsPolicy;
import dev.deskphone.core.TouchCommand;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** SnomPhone's own logic on an in-memory transport; the wire tests run against FakeSnomPhone. */
class SnomPhoneTest {
  private static final URI PHONE = URI.create("http://phone.test");

  private final List<PhoneRequest> sent = new CopyOnWriteArrayList<>();

  private PhoneTransport answering(Function<PhoneRequest, PhoneResponse> answer) {
    return request -> {
      sent.add(request);
      return CompletableFuture.completedFuture(answer.apply(request));
    };
  }

  private PhoneTransport status(int status, String... headers) {
    PhoneHeaders.Builder h = PhoneHeaders.builder();
    for (int i = 0; i < headers.length; i += 2) {
      h.add(headers[i], headers[i + 1]);
    }
    PhoneHeaders built = h.build();
    return answering(r -> PhoneResponse.of(status, built, new byte[0]));
  }

  private SnomPhone phone(PhoneTransport transport, SnomModel model) {
    SnomPhone.Builder b = SnomPhone.builder().uri(PHONE).transport(transport);
    if (model != null) {
      b.model(model);
    }
    return b.build();
  }

  @Test
  void theIdIsTheHostWithThePortTheUriNamesUnlessSet() {
    assertThat(SnomPhone.builder().uri(URI.create("http://10.0.0.5")).build().id())
        .isEqualTo("10.0.0.5");
    assertThat(SnomPhone.builder().uri(URI.create("https://127.0.0.1:40123/")).build().id())
        .isEqualTo("127.0.0.1:40123");
    assertThat(SnomPhone.builder().uri(URI.create("http://[::1]:8080")).build().id())
        .isEqualTo("::1:8080");
    assertThat(SnomPhone.builder().uri(PHONE).id("desk-7").build().id()).isEqualTo("desk-7");
    assertThatThrownBy(() -> SnomPhone.builder().id("desk 7"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("phone id");
  }

  @Test
  void configureEventsStoresTheEndpointsUrlsForThisPhoneInOneWrite() {
    SnomPhone phone = SnomPhone.builder().uri(PHONE).id("desk-7").transport(status(200)).build();
    try (SnomEventEndpoint events =
        SnomEventEndpoint.builder().key(new byte[32]).listener(e -> {}).build()) {
      URI base = URI.create("http://pbx.example:8080/snom/events");

      phone.configureEvents(
          events, base, EnumSet.of(SnomEventType.INCOMING, SnomEventType.DISCONNECTED));

      assertThat(sent).singleElement();
      String target = sent.get(0).target();
      assertThat(target)
          .startsWith("/dummy.htm?settings=save&action_incoming_url=")
          .contains("&action_disconnected_url=")
          .endsWith("&store_settings=save");
      String written =
          target.substring(
              target.indexOf("action_incoming_url=") + 20, target.indexOf("&action_disconnected"));
      assertThat(URLDecoder.decode(written, StandardCharsets.UTF_8))
          .isEqualTo(events.actionUrl("desk-7", SnomEventType.INCOMING, base));
      assertThatThrownBy(() -> phone.configureEvents(events, base, Set.of()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("types is empty");
    }
  }

  @Test
  void sendsOneGetToTheCommandTargetNamedByItsOperation() {
    SnomPhone phone =
        SnomPhone.builder()
            .uri(PHONE)
            .transport(status(200))
            .timeout(Duration.ofSeconds(3))
            .build();

    phone.dial("+4930123456");

    assertThat(sent)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.method()).isEqualTo("GET");
              assertThat(r.uri()).hasToString("http://phone.test/command.htm?number=%2B4930123456");
              assertThat(r.operation()).isEqualTo("snom dial");
              assertThat(r.timeout()).contains(Duration.ofSeconds(3));
            });
  }

  @Test
  void dialAnswersRedirectToIndexIsSuccess() {
    phone(status(302, "Location", "index.htm"), null).dial("1234");
    phone(status(302, "Location", "/index.htm"), null).dial("1234");
    phone(status(302, "Location", "http://phone.test/index.htm"), null).dial("1234");

    assertThat(sent).hasSize(3);
  }

  @Test
  void anyOtherRedirectFailsNamingWhereItPointed() {
    assertThatThrownBy(() -> phone(status(302, "Location", "/index.htm"), null).reboot())
        .isInstanceOf(PhoneRedirectException.class)
        .hasMessageContaining("snom reboot on http://phone.test:80")
        .hasMessageContaining("redirect to \"/index.htm\", not followed");
    assertThatThrownBy(() -> phone(status(301, "Location", "/login.htm"), null).dial("1"))
        .isInstanceOfSatisfying(
            PhoneRedirectException.class, e -> assertThat(e.location()).contains("/login.htm"));
    assertThatThrownBy(
            () -> phone(status(302, "Location", "http://evil/index.htm"), null).dial("1"))
        .isInstanceOf(PhoneRedirectException.class);
    assertThatThrownBy(() -> phone(status(307), null).dial("1"))
        .hasMessageContaining("redirect without a Location");
    assertThat(sent).hasSize(4);
  }

  @Test
  void notFoundOnCommandHtmMeansNoRemoteControl() {
    assertThatThrownBy(() -> phone(status(404), null).press("ENTER"))
        .isInstanceOf(PhoneUnsupportedException.class)
        .hasMessageContaining("has no HTTP remote control");
    assertThatThrownBy(() -> phone(status(404), null).clearCallList(CallList.MISSED))
        .isExactlyInstanceOf(PhoneResponseException.class)
        .hasMessageContaining("HTTP 404");
    assertThatThrownBy(() -> phone(status(500), null).reboot())
        .isInstanceOfSatisfying(
            PhoneResponseException.class, e -> assertThat(e.status()).isEqualTo(500));
  }

  @Test
  void transportFailuresSurfaceAsTheirOwnType() {
    PhoneOutcomeUnknownException closed =
        new PhoneOutcomeUnknownException("http://phone.test:80", "snom reboot", "closed", null);
    PhoneTransport failing = r -> CompletableFuture.failedFuture(closed);

    assertThatThrownBy(() -> phone(failing, null).reboot()).isSameAs(closed);
    assertThat(phone(failing, null).sendAsync(SnomCommand.reboot()))
        .failsWithin(Duration.ofSeconds(5))
        .withThrowableOfType(ExecutionException.class)
        .withCause(closed);
  }

  @Test
  void keysTheModelLacksFailBeforeAnyByteIsSent() {
    SnomPhone snom300 = phone(status(200), SnomModel.SNOM_300);

    assertThatThrownBy(() -> snom300.press("P5"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("key P5 is not on this phone: the snom 300 has P1-P4");
    assertThatThrownBy(() -> snom300.press(KeyEvent.of(SnomKey.RECALL)))
        .hasMessageContaining("no snom 1xx/2xx key RECALL");
    assertThatThrownBy(() -> snom300.touch(TouchCommand.tap(1, 1)))
        .isInstanceOf(PhoneUnsupportedException.class)
        .hasMessageContaining("the snom 300 has no touch screen");
    assertThatThrownBy(snom300::fixLineInfoLayer)
        .isInstanceOf(PhoneUnsupportedException.class)
        .hasMessageContaining("only the snom 820 and 821");
    assertThat(sent).isEmpty();

    snom300.press("P4;EK1;F4");
    assertThat(sent).hasSize(1);
  }

  @Test
  void touchesOffThe870ScreenFailBeforeAnyByteIsSent() {
    SnomPhone snom870 = phone(status(200), SnomModel.SNOM_870);

    assertThatThrownBy(() -> snom870.touch(TouchCommand.tap(480, 0)))
        .hasMessage(
            "touch at (480, 0) is off the snom 870's screen: x must be 0 to 479, y 0 to 271");
    assertThatThrownBy(() -> snom870.touch(TouchCommand.tap(0, 0), TouchCommand.tap(0, 272)))
        .hasMessageContaining("(0, 272)");
    assertThat(sent).isEmpty();

    snom870.touch(TouchCommand.tap(479, 271));
    phone(status(200), null).touch(TouchCommand.tap(5000, 5000));
    assertThat(sent).hasSize(2);
  }

  @Test
  void phonesWithoutRemoteControlFailEveryCommandBeforeSending() {
    SnomPhone d812 = phone(status(200), SnomModel.D812);

    assertThatThrownBy(d812::reboot)
        .isInstanceOf(PhoneUnsupportedException.class)
        .hasMessageContaining("the snom D812 has no HTTP remote control");
    assertThatThrownBy(() -> d812.dial("1")).isInstanceOf(PhoneUnsupportedException.class);
    assertThat(sent).isEmpty();
  }

  @Test
  void writeSettingsSendsEachRequestInOrderAsAGet() {
    SnomPhone phone = phone(status(200), SnomModel.SNOM_870);
    SnomSettings settings = manyLongSettings(true);

    phone.writeSettings(settings);

    assertThat(sent)
        .extracting(r -> r.uri().getRawPath() + "?" + r.uri().getRawQuery())
        .containsExactlyElementsOf(settings.commands().stream().map(SnomCommand::target).toList());
    assertThat(sent).extracting(PhoneRequest::method).containsOnly("GET");
    assertThat(sent)
        .extracting(PhoneRequest::operation)
        .containsExactly(
            "snom write settings (request 1 of 2)", "snom write settings (request 2 of 2)");
  }

  @Test
  void writeSettingsStopsAtTheFirstFailureAndResendsNothing() {
    PhoneOutcomeUnknownException closed =
        new PhoneOutcomeUnknownException(
            "http://phone.test:80", "snom write settings (request 1 of 2)", "closed", null);
    PhoneTransport failing =
        r -> {
          sent.add(r);
          return CompletableFuture.failedFuture(closed);
        };

    assertThatThrownBy(() -> phone(failing, null).writeSettings(manyLongSettings(false)))
        .isSameAs(closed);
    assertThat(sent).hasSize(1);
  }

  @Test
  void writeSettingsNamesTheRequestThatThePhoneRefused() {
    List<Integer> statuses = new ArrayList<>(List.of(200, 500));
    PhoneTransport second =
        answering(
            r -> PhoneResponse.of(statuses.remove(0), PhoneHeaders.builder().build(), new byte[0]));

    assertThatThrownBy(() -> phone(second, null).writeSettings(manyLongSettings(false)))
        .isInstanceOfSatisfying(
            PhoneResponseException.class, e -> assertThat(e.status()).isEqualTo(500))
        .hasMessageContaining("snom write settings (request 2 of 2)");
    assertThat(sent).hasSize(2);
  }

  @Test
  void settingsAreSentToAD8xxAndA404ThereMeansUnsupported() {
    SnomPhone d862 = phone(status(404), SnomModel.D862);
    SnomSettings one = SnomSettings.builder().set("language", "Deutsch").build();

    assertThatThrownBy(() -> d862.writeSettings(one))
        .isInstanceOf(PhoneUnsupportedException.class)
        .hasMessageContaining("answered 404 to dummy.htm?settings=save")
        .hasMessageContaining("snom write settings");
    assertThat(sent).hasSize(1);
    phone(status(200), SnomModel.D862).writeSettings(one);
    assertThat(sent).hasSize(2);
  }

  private static SnomSettings manyLongSettings(boolean persistent) {
    return SnomSettings.builder()
        .set("fkey_label0", "a".repeat(900))
        .set("fkey_label1", "b".repeat(900))
        .set("fkey_label2", "c".repeat(900))
        .persistent(persistent)
        .build();
  }

  @Test
  void builderRefusesUrisThatAreNotAWebServerRoot() {
    assertThatThrownBy(() -> SnomPhone.builder().uri(URI.create("http://phone/command.htm")))
        .hasMessageContaining("must be the web server's root");
    assertThatThrownBy(() -> SnomPhone.builder().uri(URI.create("http://phone/?a=1")))
        .hasMessageContaining("must be the web server's root");
    assertThatThrownBy(() -> SnomPhone.builder().uri(URI.create("http://admin:hunter2@phone/")))
        .hasMessageContaining("user-info")
        .hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> SnomPhone.builder().uri(URI.create("ftp://phone")))
        .hasMessageContaining("http or https");
    assertThatThrownBy(() -> SnomPhone.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("uri(");
  }

  @Test
  void theTlsPolicyTravelsWithEveryRequestOverAnyTransport() {
    List<PhoneRequest> sent = new ArrayList<>();
    TlsPolicy pin = TlsPolicy.pinned("sha256/" + "ab".repeat(32));
    SnomPhone phone =
        SnomPhone.builder()
            .uri(URI.create("https://phone.test"))
            .tls(pin)
            .transport(
                r -> {
                  sent.add(r);
                  return CompletableFuture.completedFuture(
                      PhoneResponse.of(200, PhoneHeaders.empty(), new byte[0]));
                })
            .build();

    phone.reboot();
    phone.sendAsync(SnomCommand.dial("1")).join();

    assertThat(sent).extracting(PhoneRequest::tls).containsExactly(pin, pin);
  }

  @Test
  void toStringNeverShowsThePassword() {
    SnomPhone phone =
        SnomPhone.builder()
            .uri(URI.create("https://10.0.0.5"))
            .credentials("admin", "hunter2")
            .model(SnomModel.SNOM_870)
            .build();

    assertThat(phone.toString()).contains("https://10.0.0.5:443", "snom 870", "admin");
    assertThat(phone.toString()).doesNotContain("hunter2");
    assertThat(phone.model()).contains(SnomModel.SNOM_870);
  }
}
