package dev.deskphone.testkit;

import static dev.deskphone.testkit.assertj.DeskphoneAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deskphone.core.LedColour;
import dev.deskphone.core.LedState;
import dev.deskphone.snom.SnomModel;
import dev.deskphone.snom.SnomPhone;
import dev.deskphone.testkit.internal.Action;
import dev.deskphone.testkit.internal.ScriptedHttpServer;
import dev.deskphone.unify.SendUrlKey;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FakeLabTest {

  private static long fakeThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(n -> n.startsWith("loopback-http") || n.startsWith("fake-"))
        .count();
  }

  /** Every live thread but the JDK HTTP clients' selectors, which JDK 17 cannot stop. */
  private static long allThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .filter(t -> !t.getName().startsWith("HttpClient-"))
        .count();
  }

  @Test
  void hundredsOfFakesStartAnswerAndCloseBackToTheThreadsAndSocketsBefore() throws Exception {
    long threadsBefore = fakeThreads();
    long allBefore = allThreads();
    List<URI> uris;
    try (ScriptedHttpServer server = ScriptedHttpServer.start(r -> Action.respond(200, ""))) {
      SendUrlKey door = SendUrlKey.builder().symbolicName("Door").server(server.uri("/")).build();
      try (FakeLab lab =
          FakeLab.builder()
              .snom(200, b -> b.model(SnomModel.SNOM_870))
              .unify(50, b -> b.key(door))
              .start()) {
        uris = lab.uris();
        assertThat(uris).hasSize(250).doesNotHaveDuplicates();
        assertThat(lab.size()).isEqualTo(250);
        assertThat(fakeThreads()).isGreaterThanOrEqualTo(threadsBefore + 250);

        for (FakeSnomPhone fake : lab.snomPhones().subList(0, 10)) {
          SnomPhone.builder().uri(fake.uri()).build().dial("+4930123");
        }
        lab.unifyPhones().get(0).pressKey("Door");

        assertThat(lab.snomPhones().get(0)).dialed("+4930123");
        assertThatThrownBy(() -> assertThat(lab).everySnomPhone(p -> p.dialed("+4930123")))
            .hasMessageContaining("but 190 of 200 did not")
            .hasMessageContaining("to have dialed \"+4930123\"");
        assertThat(lab).hasNoRejectedRequests();
      }
    }
    assertThat(fakeThreads()).isEqualTo(threadsBefore);
    assertThat(allThreads()).isLessThanOrEqualTo(allBefore);
    assertThat(uris)
        .allSatisfy(uri -> assertThat(Loopback.refuses(uri)).as(uri + " closed").isTrue());
  }

  @Test
  void oneClockMovesTheWholeLabWithoutSleeping() throws Exception {
    MutableClock clock = MutableClock.at(Instant.parse("2026-12-01T09:00:00Z"));
    try (ScriptedHttpServer server = ScriptedHttpServer.start(r -> Action.respond(200, ""));
        FakeLab lab =
            FakeLab.builder()
                .clock(clock)
                .unify(
                    3,
                    b ->
                        b.key(
                            SendUrlKey.builder()
                                .symbolicName("Door")
                                .server(server.uri("/"))
                                .build()))
                .snom(2, b -> b.digestAuth("admin", "secret").nonceLifetime(Duration.ofMinutes(1)))
                .start()) {
      lab.unifyPhones().forEach(p -> p.pressKey("Door"));
      assertThat(lab).everyUnifyPhone(p -> p.led("Door").isOn().hasColour(LedColour.GREEN));

      clock.advance(FakeUnifyPhone.ACKNOWLEDGE_GREEN);

      assertThat(lab).everyUnifyPhone(p -> p.led("Door").hasState(LedState.OFF));
      assertThat(lab.snomPhones()).allSatisfy(p -> assertThat(p.state().online()).isTrue());
    }
  }

  @Test
  void closingALabReportsEveryStrictFakeThatGotRequestsItDidNotUnderstand() throws Exception {
    FakeLab lab = FakeLab.builder().snom(3).start();
    for (FakeSnomPhone fake : lab.snomPhones().subList(0, 2)) {
      RawHttp.get(fake, "/command.htm?key=NOPE");
    }

    assertThatThrownBy(lab::close)
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("2 of 3 fake phones got requests they did not understand")
        .hasMessageContaining("key=NOPE");
    assertThat(lab.uris()).allSatisfy(uri -> assertThat(Loopback.refuses(uri)).isTrue());
  }

  @Test
  void aLabThatCannotStartClosesWhatItStarted() {
    long threadsBefore = fakeThreads();

    assertThatThrownBy(() -> FakeLab.builder().snom(5).unify(1, b -> {}).start())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("at least one key");
    assertThat(fakeThreads()).isEqualTo(threadsBefore);
  }

  @Test
  void aLabWithoutFakesIsAMissingPartOfTheBuilder() {
    assertThatThrownBy(() -> FakeLab.builder().snom(0).start())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("at least one fake");
  }
}
