package dev.deskphone.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * JUnit and AssertJ are optional: only the classes of their own packages may name them, so that the
 * fakes load without either on the class path.
 */
class OptionalDependenciesTest {

  private static List<Path> classesNaming(String library) throws IOException, URISyntaxException {
    Path root =
        Path.of(FakeSnomPhone.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(p -> p.toString().endsWith(".class"))
          .filter(p -> !p.getFileName().toString().equals("module-info.class"))
          .filter(p -> names(p, library))
          .map(root::relativize)
          .toList();
    }
  }

  private static boolean names(Path classFile, String library) {
    try {
      return new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1)
          .contains(library);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String confinedTo(String pkg) {
    return "dev/deskphone/testkit/(" + pkg + "/.*|PhoneTransportContract(\\$.*)?\\.class)";
  }

  @Test
  void onlyTheJunitPackageNamesJunit() throws Exception {
    assertThat(classesNaming("org/junit"))
        .isNotEmpty()
        .allSatisfy(p -> assertThat(p.toString()).matches(confinedTo("junit")));
  }

  @Test
  void onlyTheAssertjPackageNamesAssertj() throws Exception {
    assertThat(classesNaming("org/assertj"))
        .isNotEmpty()
        .allSatisfy(p -> assertThat(p.toString()).matches(confinedTo("assertj")));
  }

  @Test
  void noPublicSignatureNamesOkhttp() throws Exception {
    assertThat(classesNaming("okhttp3"))
        .allSatisfy(p -> assertThat(p.toString()).startsWith("dev/deskphone/testkit/internal/"));
  }
}
