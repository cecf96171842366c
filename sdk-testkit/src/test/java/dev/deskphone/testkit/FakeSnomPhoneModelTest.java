package dev.deskphone.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskphone.snom.SnomModel;
import org.junit.jupiter.api.Test;

class FakeSnomPhoneModelTest {

  private static void assertKeys(SnomModel model, String[] accepted, String[] refused)
      throws Exception {
    try (FakeSnomPhone fake = FakeSnomPhone.builder().model(model).start()) {
      for (String key : accepted) {
        RawHttp.get(fake, "/command.htm?key=" + key);
      }
      for (String key : refused) {
        RawHttp.get(fake, "/command.htm?key=" + key);
      }
      assertThat(fake.pressedKeys())
          .extracting(PressedKey::key)
          .as("keys the %s carried out", model)
          .containsExactly(accepted);
      assertThat(fake.rejected()).hasSize(refused.length);
    }
  }

  @Test
  void snom870HasFifteenPKeysAndNoFKeysOrExpansionKeys() throws Exception {
    assertKeys(
        SnomModel.SNOM_870,
        new String[] {"P1", "P15", "ENTER", "F_HOLD", "F_R", "VOLUME_UP", "0", "9"},
        new String[] {"P16", "F1", "EK0", "DISCONNECT", "enter", "P0"});
  }

  @Test
  void snom300HasFourPKeysAndExpansionKeys() throws Exception {
    assertKeys(
        SnomModel.SNOM_300,
        new String[] {"P4", "F4", "EK0", "EK3"},
        new String[] {"P5", "CLEAR", "F5"});
  }

  @Test
  void snom200UsesTheLegacyKeySetAndHasThreeFKeys() throws Exception {
    assertKeys(
        SnomModel.SNOM_200,
        new String[] {"DISCONNECT", "CLEAR", "FUNCTION", "RECALL", "F3", "P5", "*"},
        new String[] {"OFFHOOK", "F4", "P6", "EK0"});
  }

  @Test
  void dSeriesProgrammableKeysAreNotCountedWhereUndocumented() throws Exception {
    assertKeys(SnomModel.D785, new String[] {"P40", "ENTER"}, new String[] {"DISCONNECT"});
  }

  @Test
  void withoutAModelEveryDocumentedKeyPasses() throws Exception {
    try (FakeSnomPhone fake = FakeSnomPhone.builder().start()) {
      RawHttp.get(fake, "/command.htm?key=DISCONNECT;OFFHOOK;F4;EK9;P99");
      RawHttp.get(fake, "/command.htm?key=REBOOT");

      assertThat(fake.pressedKeys()).hasSize(5);
      assertThat(fake.rejected())
          .singleElement()
          .satisfies(r -> assertThat(r.reason()).contains("REBOOT"));
    }
  }

  @Test
  void aRequestWithOneBadKeyPressesNothing() throws Exception {
    try (FakeSnomPhone fake = FakeSnomPhone.builder().model(SnomModel.SNOM_870).start()) {
      RawHttp.get(fake, "/command.htm?key=1;2;BOGUS");

      assertThat(fake.pressedKeys()).isEmpty();
      assertThat(fake.rejected())
          .singleElement()
          .satisfies(r -> assertThat(r.reason()).contains("key event 3"));
    }
  }

  @Test
  void anEncodedSeparatorStaysInsideTheKeyName() throws Exception {
    try (FakeSnomPhone fake = FakeSnomPhone.builder().start()) {
      RawHttp.get(fake, "/command.htm?key=ENTER%3BREBOOT");
      RawHttp.get(fake, "/command.htm?key=1%2C200");

      assertThat(fake.pressedKeys()).isEmpty();
      assertThat(fake.rejected()).hasSize(2);
    }
  }

  @Test
  void anUnencodedAmpersandMakesTwoCommandsAndNothingHappens() throws Exception {
    try (FakeSnomPhone fake = FakeSnomPhone.builder().start()) {
      RawHttp.get(fake, "/command.htm?key=1&number=5");

      assertThat(fake.pressedKeys()).isEmpty();
      assertThat(fake.dialed()).isEmpty();
      assertThat(fake.rejected())
          .singleElement()
          .satisfies(r -> assertThat(r.reason()).contains("not one command"));
    }
  }

  @Test
  void malformedTimesAreIgnored() throws Exception {
    try (FakeSnomPhone fake = FakeSnomPhone.builder().start()) {
      RawHttp.get(fake, "/command.htm?key=1,abc");
      RawHttp.get(fake, "/command.htm?key=1,100,200,300");
      RawHttp.get(fake, "/command.htm?key=1;;2");

      assertThat(fake.pressedKeys()).isEmpty();
      assertThat(fake.rejected()).hasSize(3);
    }
  }

  @Test
  void aRawHashABadEscapeOrBrokenUtf8IsABadRequest() throws Exception {
    try (FakeSnomPhone fake = FakeSnomPhone.builder().start()) {
      String hash = RawHttp.socket(fake, "GET /command.htm?key=# HTTP/1.1");
      String escape = RawHttp.socket(fake, "GET /command.htm?key=%zz HTTP/1.1");
      String utf8 = RawHttp.socket(fake, "GET /command.htm?key=%C3 HTTP/1.1");

      assertThat(hash).startsWith("HTTP/1.1 400 ");
      assertThat(escape).startsWith("HTTP/1.1 400 ");
      assertThat(utf8).startsWith("HTTP/1.1 400 ");
      assertThat(fake.pressedKeys()).isEmpty();
      assertThat(fake.rejected())
          .extracting(RejectedRequest::status)
          .containsExactly(400, 400, 400);
    }
  }

  @Test
  void touchOutsideThe870ScreenIsIgnored() throws Exception {
    try (FakeSnomPhone fake = FakeSnomPhone.builder().model(SnomModel.SNOM_870).start()) {
      RawHttp.get(fake, "/command.htm?touch=480+10");
      RawHttp.get(fake, "/command.htm?touch=10+272");
      RawHttp.get(fake, "/command.htm?touch=10+10+tap");
      RawHttp.get(fake, "/command.htm?touch=10");
      RawHttp.get(fake, "/command.htm?touch=479+271");

      assertThat(fake.touches()).containsExactly(new Touch(479, 271, Touch.Action.PRESS_RELEASE));
      assertThat(fake.rejected()).hasSize(4);
    }
  }

  @Test
  void touchOnAModelWithoutATouchScreenIsIgnored() throws Exception {
    try (FakeSnomPhone fake = FakeSnomPhone.builder().model(SnomModel.SNOM_370).start()) {
      RawHttp.get(fake, "/command.htm?touch=10+10");

      assertThat(fake.touches()).isEmpty();
      assertThat(fake.rejected())
          .singleElement()
          .satisfies(r -> assertThat(r.reason()).contains("no touch screen"));
    }
  }

  @Test
  void lineInfoLayerFixAppliesOnlyToThe820And821() throws Exception {
    try (FakeSnomPhone s820 = FakeSnomPhone.builder().model(SnomModel.SNOM_820).start();
        FakeSnomPhone s870 = FakeSnomPhone.builder().model(SnomModel.SNOM_870).start()) {
      RawHttp.get(s820, "/command.htm?FIX_LIL=true");
      RawHttp.get(s820, "/command.htm?FIX_LIL=false");
      RawHttp.get(s870, "/command.htm?FIX_LIL=true");

      assertThat(s820.state().lineInfoLayerFixes()).isEqualTo(1);
      assertThat(s820.rejected())
          .singleElement()
          .satisfies(r -> assertThat(r.reason()).isNotEmpty());
      assertThat(s870.state().lineInfoLayerFixes()).isZero();
      assertThat(s870.rejected())
          .singleElement()
          .satisfies(r -> assertThat(r.reason()).contains("snom 870"));
    }
  }
}
