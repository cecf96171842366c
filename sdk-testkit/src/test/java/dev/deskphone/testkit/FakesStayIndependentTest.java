package dev.deskphone.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The fakes build and parse the wire themselves (STYLE 13): no class of the testkit names a vendor
 * module's encoders or internals, the SDK's Digest code or the SDK's transport. They may use the
 * vendors' value types and enums (SendUrlKey as a key's configuration, SnomModel, CallList). Read
 * from the compiled classes, whose constant pools name every class and method they use.
 */
class FakesStayIndependentTest {
  private static final List<String> ENCODERS_AND_CLIENTS =
      List.of(
          "dev/deskphone/unify/internal/",
          "dev/deskphone/snom/internal/",
          "dev/deskphone/core/internal/auth/",
          "dev/deskphone/snom/SnomCommand",
          "dev/deskphone/snom/SnomKeySequence",
          "dev/deskphone/snom/SnomPhone",
          "dev/deskphone/snom/SnomSettings",
          "dev/deskphone/snom/FunctionKey",
          "dev/deskphone/unify/UnifyPhone",
          "dev/deskphone/unify/TurnledXml",
          "dev/deskphone/unify/SendUrlRequest",
          "dev/deskphone/core/JdkHttpTransport",
          "dev/deskphone/core/internal/SingleShotPublisher",
          "requestParameters", // SendUrlKey's own encoding of a key press
          "pushRequest");

  @Test
  void noTestkitClassNamesAVendorEncoderTheSdkDigestOrItsTransport() throws Exception {
    Path root = classes();
    try (Stream<Path> files = Files.walk(root)) {
      List<String> offenders =
          files
              .filter(p -> p.toString().endsWith(".class"))
              .flatMap(
                  p ->
                      ENCODERS_AND_CLIENTS.stream()
                          .filter(text(p)::contains)
                          .map(name -> root.relativize(p) + " names " + name))
              .toList();

      assertThat(offenders).isEmpty();
    }
  }

  @Test
  void theFakeUnifyPhoneSendsWithTheJdkClientOfItsOwn() throws Exception {
    Path sender = classes().resolve("dev/deskphone/testkit/internal/FakeHttpClient.class");

    assertThat(text(sender)).contains("java/net/http/HttpClient").doesNotContain("PhoneTransport");
  }

  @Test
  void thePackageIsOpenOnlyToJunitForTheContractSuite() {
    ModuleDescriptor module = FakeSnomPhone.class.getModule().getDescriptor();

    assertThat(module.isOpen()).isFalse();
    assertThat(module.opens())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.source()).isEqualTo("dev.deskphone.testkit");
              assertThat(o.targets()).containsExactly("org.junit.platform.commons");
            });
  }

  private static Path classes() throws URISyntaxException {
    return Path.of(FakeSnomPhone.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  private static String text(Path classFile) {
    try {
      return new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
