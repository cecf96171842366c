package dev.deskphone.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskphone.core.server.EndpointServer;
import dev.deskphone.snom.FunctionKey;
import dev.deskphone.snom.MinibrowserDirectory;
import dev.deskphone.snom.MinibrowserDocument;
import dev.deskphone.snom.MinibrowserLed;
import dev.deskphone.snom.MinibrowserMenu;
import dev.deskphone.snom.MinibrowserText;
import dev.deskphone.snom.SnomDirectoryEndpoint;
import dev.deskphone.snom.SnomEventEndpoint;
import dev.deskphone.snom.SnomEventType;
import dev.deskphone.snom.SnomFragment;
import dev.deskphone.snom.SnomModel;
import dev.deskphone.snom.SnomPhone;
import dev.deskphone.snom.SnomSettings;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's minibrowser examples, end to end against fake phones that read the documents with
 * their own parser: an incoming call answered with a Text showing the caller, and a menu pushed to
 * the screen, through a paged phonebook, to a dial on the switchboard.
 */
class MinibrowserReadmeExampleTest {
  private static final Duration WAIT = Duration.ofSeconds(5);

  @TempDir Path dir;

  @Test
  void anIncomingCallIsAnsweredWithTheCallerOnTheScreen() throws Exception {
    Path keyFile = dir.resolve("events.key");
    SnomEventEndpoint.createKeyFile(keyFile);
    try (FakeLab lab =
        FakeLab.builder().snom(1).snom(1, b -> b.displayName("Anna Müller")).start()) {
      SnomPhone phone = SnomPhone.builder().uri(lab.snomPhone("101").uri()).build();
      // README:minibrowser-caller
      SnomEventEndpoint events =
          SnomEventEndpoint.builder()
              .keyFile(keyFile)
              .screen(
                  event ->
                      event
                          .type()
                          .filter(type -> type == SnomEventType.INCOMING)
                          .map(
                              type ->
                                  MinibrowserText.builder()
                                      .title("Incoming call")
                                      .text(
                                          event.displayRemote().orElse("Unknown")
                                              + "\n"
                                              + event.remote().orElse(""))
                                      .build()))
              .build();
      EndpointServer server =
          EndpointServer.builder()
              .bind(new InetSocketAddress("127.0.0.1", 0)) // 0.0.0.0:8080 for real phones
              .endpoint("/snom/events", events)
              .start();
      phone.configureEvents(events, server.uri("/snom/events"), EnumSet.of(SnomEventType.INCOMING));
      // README:end

      SnomPhone.builder().uri(lab.snomPhone("102").uri()).build().dial("101");

      FakeScreen screen =
          lab.snomPhone("101")
              .awaitScreen(s -> s.title().equals("Incoming call"), WAIT)
              .orElseThrow();
      assertThat(screen.text()).isEqualTo("Anna Müller\n102");
      server.close();
      events.close();
    }
  }

  @Test
  void aFunctionKeyWhoseUrlAnswersWithADocumentShowsIt() throws Exception {
    MinibrowserDocument door =
        MinibrowserText.builder()
            .title("Door")
            .text("Opened")
            .led(MinibrowserLed.of(1, MinibrowserLed.State.ON, MinibrowserLed.Color.GREEN))
            .build();
    try (FakeSnomPhone fake = FakeSnomPhone.builder().model(SnomModel.SNOM_870).start();
        EndpointServer server =
            EndpointServer.builder()
                .bind(new InetSocketAddress("127.0.0.1", 0))
                .endpoint("/door", request -> door.toResponse())
                .start()) {
      SnomPhone phone = SnomPhone.builder().uri(fake.uri()).build();
      phone.writeSettings(
          SnomSettings.builder().functionKey(FunctionKey.url(0, server.uri("/door"))).build());

      phone.press("P1");

      assertThat(fake.awaitScreen(s -> s.title().equals("Door"), WAIT).get().text())
          .isEqualTo("Opened");
      assertThat(fake.leds()).containsEntry(1, new FakeSnomLed(1, "green", "on"));
    }
  }

  @Test
  void aMenuPushedToTheScreenLeadsThroughAPagedPhonebookToADial() throws Exception {
    List<MinibrowserDirectory.Entry> contacts =
        IntStream.rangeClosed(1, 45)
            .mapToObj(
                i ->
                    new MinibrowserDirectory.Entry(
                        String.format("Person %02d", i), i == 42 ? "102" : "9" + i))
            .toList();
    AtomicReference<SnomDirectoryEndpoint> phonebook = new AtomicReference<>();
    AtomicReference<MinibrowserDocument> menu = new AtomicReference<>();
    try (FakeLab lab = FakeLab.builder().snom(2).start();
        EndpointServer server =
            EndpointServer.builder()
                .bind(new InetSocketAddress("127.0.0.1", 0))
                .endpoint("/phonebook", request -> phonebook.get().handle(request))
                .endpoint("/menu", request -> menu.get().toResponse())
                .start()) {
      phonebook.set(
          SnomDirectoryEndpoint.builder()
              .publicUri(server.uri("/phonebook"))
              .title("People")
              .entries(() -> contacts)
              .build());
      menu.set(
          MinibrowserMenu.builder()
              .title("Main")
              .item("Phonebook", server.uri("/phonebook"))
              .item("Reception", SnomFragment.exit().numberDial("0301234").toUri())
              .build());
      FakeSnomPhone fake = lab.snomPhone("101");

      SnomPhone.builder().uri(fake.uri()).build().show(server.uri("/menu"));

      assertThat(fake.awaitScreen(s -> s.title().equals("Main"), WAIT).get().itemNames())
          .containsExactly("Phonebook", "Reception");
      fake.select(0);
      // 45 contacts, 20 a page: an index of three pages
      FakeScreen index = fake.awaitScreen(s -> s.title().equals("People"), WAIT).orElseThrow();
      assertThat(index.kind()).isEqualTo(FakeScreen.Kind.MENU);
      assertThat(index.itemNames())
          .containsExactly(
              "Person 01 - Person 20", "Person 21 - Person 40", "Person 41 - Person 45");
      fake.select(2);
      FakeScreen page = fake.awaitScreen(s -> s.title().equals("People 3/3"), WAIT).orElseThrow();
      assertThat(page.kind()).isEqualTo(FakeScreen.Kind.DIRECTORY);
      assertThat(page.itemNames())
          .containsExactly("Person 41", "Person 42", "Person 43", "Person 44", "Person 45");
      fake.select(1); // Person 42 is extension 102

      assertThat(lab.snomPhone("102").awaitCall(FakeCall.State.RINGING, WAIT)).isPresent();
      assertThat(fake.dialed()).extracting(Dialed::number).containsExactly("102");
      assertThat(fake.screenFailures()).isEmpty();
    }
  }
}
