package dev.deskphone.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DigestParamParserTest {

  @Test
  void readsTokensQuotedStringsAndEscapesInAnyCase() {
    assertThat(
            DigestParamParser.parse(
                "Username = \"a\\\"b\" ,qop=auth, NC=00000001,uri=\"/x?a=1,2\""))
        .hasValueSatisfying(
            p ->
                assertThat(p)
                    .containsEntry("username", "a\"b")
                    .containsEntry("qop", "auth")
                    .containsEntry("nc", "00000001")
                    .containsEntry("uri", "/x?a=1,2"));
  }

  @Test
  void refusesDuplicatesUnterminatedQuotesAndJunk() {
    assertThat(DigestParamParser.parse("a=1, a=2")).isEmpty();
    assertThat(DigestParamParser.parse("a=\"open")).isEmpty();
    assertThat(DigestParamParser.parse("justaword")).isEmpty();
    assertThat(DigestParamParser.parse("a=1 b=2")).isEmpty();
  }
}
