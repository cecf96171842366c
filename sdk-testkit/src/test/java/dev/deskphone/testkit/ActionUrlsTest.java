package dev.deskphone.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deskphone.core.server.EndpointResponse;
import dev.deskphone.core.server.EndpointServer;
import dev.deskphone.snom.SnomEventType;
import dev.deskphone.snom.SnomPhone;
import dev.deskphone.snom.SnomSettings;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** How a fake replaces the variables of its action URLs, and the event faults. */
class ActionUrlsTest {
  private static final Duration WAIT = Duration.ofSeconds(5);

  @Test
  void runtimeVariablesSettingsAndUnknownNamesAreReplacedAsAPhoneDoes() {
    String url =
        ActionUrls.expand(
            "http://h/e?r=$remote&d=$display_remote&c=$call-id&x=$cancel_reason&m=$mac"
                + "&u=$user_name1&p=$http_pass&q=$no_such_thing&s=$sip_header(X-Foo)&$$",
            Map.of("remote", "102", "display_remote", "Anna Müller & Co", "call-id", "1@h"),
            Map.of("user_name1", "10 1", "http_pass", "secret"),
            Map.of("mac", "000413ABCDEF"));

    assertThat(url)
        .isEqualTo(
            "http://h/e?r=102&d=Anna%20M%C3%BCller%20%26%20Co&c=1%40h&x=&m=000413ABCDEF"
                + "&u=10%201&p=&q=$no_such_thing&s=&$$");
  }

  @Test
  void aReplacementHoldingDollarsAndBackslashesIsCopiedAsItIs() {
    assertThat(ActionUrls.expand("$remote", Map.of("remote", "$1\\2"), Map.of(), Map.of()))
        .isEqualTo("%241%5C2");
  }

  @Test
  void droppedDelayedAndDuplicatedEventsAsScripted() throws Exception {
    List<String> received = new CopyOnWriteArrayList<>();
    try (EndpointServer server =
            EndpointServer.builder()
                .bind(new InetSocketAddress("127.0.0.1", 0))
                .endpoint(
                    "/ev",
                    r -> {
                      received.add(r.rawQuery().orElse(""));
                      return EndpointResponse.text(200, "ok");
                    })
                .start();
        FakeSnomPhone fake = FakeSnomPhone.builder().start()) {
      SnomPhone phone = SnomPhone.builder().uri(fake.uri()).build();
      phone.writeSettings(
          SnomSettings.builder()
              .set("action_offhook_url", server.uri("/ev") + "?e=offhook")
              .set("action_onhook_url", server.uri("/ev") + "?e=onhook")
              .set("action_dnd_on_url", server.uri("/ev") + "?e=dnd-on")
              .build());
      fake.eventFaults()
          .dropNext(SnomEventType.OFFHOOK)
          .delayNext(SnomEventType.ONHOOK, Duration.ofMillis(300))
          .duplicateNext(SnomEventType.DND_ON);

      phone.press("OFFHOOK;ONHOOK;DND");

      assertThat(fake.awaitFired(SnomEventType.ONHOOK, WAIT)).isPresent();
      assertThat(fake.awaitFired(SnomEventType.DND_ON, 2, WAIT)).isPresent();
      assertThat(received).containsExactly("e=dnd-on", "e=dnd-on", "e=onhook");
      assertThat(fake.firedEvents())
          .extracting(FiredEvent::sequence, FiredEvent::event, FiredEvent::outcome)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(
                  1L, SnomEventType.OFFHOOK, FiredEvent.Outcome.DROPPED),
              org.assertj.core.groups.Tuple.tuple(
                  3L, SnomEventType.DND_ON, FiredEvent.Outcome.ANSWERED),
              org.assertj.core.groups.Tuple.tuple(
                  3L, SnomEventType.DND_ON, FiredEvent.Outcome.ANSWERED),
              org.assertj.core.groups.Tuple.tuple(
                  2L, SnomEventType.ONHOOK, FiredEvent.Outcome.ANSWERED));
      assertThat(fake.eventFaults().toString()).isEqualTo("EventFaults[]");
    }
  }

  @Test
  void anUnreachableOrUnusableUrlIsRecordedAsFailedWithTheReason() throws Exception {
    try (FakeSnomPhone fake = FakeSnomPhone.builder().start()) {
      SnomPhone phone = SnomPhone.builder().uri(fake.uri()).build();
      phone.writeSettings(
          SnomSettings.builder()
              .set("action_offhook_url", "http://127.0.0.1:9/ev?sig=topsecret")
              .set("action_onhook_url", "ftp://127.0.0.1/x")
              .build());

      phone.press("OFFHOOK;ONHOOK");

      FiredEvent offhook = fake.awaitFired(SnomEventType.OFFHOOK, WAIT).orElseThrow();
      FiredEvent onhook = fake.awaitFired(SnomEventType.ONHOOK, WAIT).orElseThrow();
      assertThat(offhook.outcome()).isEqualTo(FiredEvent.Outcome.FAILED);
      assertThat(offhook.status()).isEmpty();
      assertThat(offhook.failure()).isPresent();
      assertThat(offhook.toString()).contains("sig=***").doesNotContain("topsecret");
      assertThat(onhook.failure()).hasValueSatisfying(f -> assertThat(f).contains("http(s)"));
    }
  }

  @Test
  void faultsAreCheckedAndTheirTimesPositive() {
    EventFaults faults = new EventFaults();
    assertThatThrownBy(() -> faults.delayNext(SnomEventType.HOLD, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PT0S");
    assertThatThrownBy(() -> faults.dropNext(null)).isInstanceOf(NullPointerException.class);
    faults.dropNext(SnomEventType.HOLD).clear();
    assertThat(faults.next(SnomEventType.HOLD).kind()).isEqualTo(EventFaults.Kind.NORMAL);
  }
}
