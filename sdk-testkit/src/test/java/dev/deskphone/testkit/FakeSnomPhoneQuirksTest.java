package dev.deskphone.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskphone.snom.SnomModel;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FakeSnomPhoneQuirksTest {

  @Test
  void dialsCanBeAnsweredWithARedirectToTheIndexPage() throws Exception {
    try (FakeSnomPhone fake = FakeSnomPhone.builder().start()) {
      fake.redirectDials(true);

      HttpResponse<String> r = RawHttp.get(fake, "/command.htm?number=1234");

      assertThat(r.statusCode()).isEqualTo(302);
      assertThat(r.headers().firstValue("Location")).hasValue("/index.htm");
      assertThat(fake.dialed()).containsExactly(Dialed.of("1234"));
      assertThat(RawHttp.status(fake, "/command.htm?key=ENTER")).isEqualTo(200);
    }
  }

  @Test
  void theNthRequestIsCarriedOutButLeftWithoutAnAnswer() throws Exception {
    try (FakeSnomPhone fake = FakeSnomPhone.builder().start()) {
      fake.faults().onRequest(2, Fault.closeWithoutAnswer());

      assertThat(RawHttp.status(fake, "/command.htm?key=1")).isEqualTo(200);
      assertThat(RawHttp.socket(fake, "GET /command.htm?number=555 HTTP/1.1")).isEmpty();
      assertThat(RawHttp.status(fake, "/command.htm?key=2")).isEqualTo(200);

      assertThat(fake.dialed()).containsExactly(Dialed.of("555"));
      assertThat(fake.pressedKeys()).extracting(PressedKey::key).containsExactly("1", "2");
      assertThat(fake.requests()).hasSize(3);
    }
  }

  @Test
  void theJdkClientSilentlyResendsAGetLeftWithoutAnAnswer() throws Exception {
    // Why the SDK's transport stops this retry: the fake sees the dial twice.
    try (FakeSnomPhone fake = FakeSnomPhone.builder().start()) {
      fake.faults().onRequest(1, Fault.closeWithoutAnswer());

      int status = RawHttp.status(fake, "/command.htm?number=555");

      assertThat(status).isEqualTo(200);
      assertThat(fake.dialed()).hasSize(2);
    }
  }

  @Test
  void requestsMatchingAPredicateAreLeftWithoutAnAnswer() throws Exception {
    try (FakeSnomPhone fake = FakeSnomPhone.builder().start()) {
      fake.faults().when(r -> r.target().contains("number="), Fault.closeWithoutAnswer());

      String answer = RawHttp.socket(fake, "GET /command.htm?number=1 HTTP/1.1");

      assertThat(answer).isEmpty();
      assertThat(fake.dialed()).hasSize(1);
    }
  }

  @Test
  void disabledRemoteControlForbidsCommandsOnly() throws Exception {
    try (FakeSnomPhone fake = FakeSnomPhone.builder().start()) {
      fake.remoteControl(false);

      assertThat(RawHttp.status(fake, "/command.htm?key=ENTER")).isEqualTo(403);
      assertThat(RawHttp.status(fake, "/line_login.htm?PLAY_RINGER:1=+Ringer")).isEqualTo(200);
      fake.remoteControl(true);
      assertThat(RawHttp.status(fake, "/command.htm?key=ENTER")).isEqualTo(200);

      assertThat(fake.pressedKeys()).hasSize(1);
      assertThat(fake.rejected())
          .singleElement()
          .satisfies(r -> assertThat(r.reason()).contains("disabled"));
    }
  }

  @Test
  void aD8xxAnswersNotFoundOnCommandHtm() throws Exception {
    try (FakeSnomPhone fake = FakeSnomPhone.builder().model(SnomModel.D815).start()) {
      assertThat(RawHttp.status(fake, "/command.htm?key=ENTER")).isEqualTo(404);
      assertThat(RawHttp.status(fake, "/command.htm?number=1")).isEqualTo(404);

      assertThat(fake.pressedKeys()).isEmpty();
      assertThat(fake.dialed()).isEmpty();
      assertThat(fake.rejected()).allSatisfy(r -> assertThat(r.reason()).contains("snom D815"));
    }
  }

  @Test
  void slowAnswersWaitTheirDelay() throws Exception {
    try (FakeSnomPhone fake = FakeSnomPhone.builder().start()) {
      fake.faults().always(Fault.delay(Duration.ofMillis(300)));

      int status = RawHttp.status(fake, "/command.htm?key=ENTER");

      assertThat(status).isEqualTo(200);
      assertThat(fake.pressedKeys()).hasSize(1);
    }
  }

  @Test
  void aPostOnCommandHtmReadsTheQueryNotTheBody() throws Exception {
    try (FakeSnomPhone fake = FakeSnomPhone.builder().start()) {
      HttpRequest post =
          HttpRequest.newBuilder(URI.create(fake.uri() + "command.htm"))
              .POST(HttpRequest.BodyPublishers.ofString("key=ENTER"))
              .build();
      HttpRequest delete =
          HttpRequest.newBuilder(URI.create(fake.uri() + "command.htm?key=ENTER")).DELETE().build();

      int posted = RawHttp.CLIENT.send(post, HttpResponse.BodyHandlers.ofString()).statusCode();
      int deleted = RawHttp.CLIENT.send(delete, HttpResponse.BodyHandlers.ofString()).statusCode();

      assertThat(posted).isEqualTo(200);
      assertThat(deleted).isEqualTo(405);
      assertThat(fake.pressedKeys()).isEmpty();
      assertThat(fake.rejected()).extracting(RejectedRequest::status).containsExactly(200, 405);
      assertThat(fake.requests())
          .first()
          .satisfies(r -> assertThat(r.bodyText()).isEqualTo("key=ENTER"));
    }
  }
}
