package dev.deskphone.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README's code honest: every block a test marks with {@code // README:name} ... {@code
 * // README:end} must stand in README.md exactly, indentation removed.
 */
class ReadmeSnippetsTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void everyMarkedExampleStandsInTheReadmeWordForWord() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    List<String> snippets = snippets();

    assertThat(snippets).as("marked README examples").hasSizeGreaterThanOrEqualTo(2);
    assertThat(snippets)
        .as("examples missing from README.md, or written differently there")
        .filteredOn(snippet -> !readme.contains("```java\n" + snippet + "```\n"))
        .isEmpty();
  }

  private static List<String> snippets() throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(ROOT, 8)) {
      for (Path file :
          files
              .filter(p -> p.toString().endsWith(".java"))
              .filter(p -> p.toString().contains("/src/test/java/"))
              .toList()) {
        found.addAll(snippets(Files.readAllLines(file)));
      }
    }
    return found;
  }

  private static List<String> snippets(List<String> lines) {
    List<String> found = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String start = lines.get(i).strip();
      if (!start.startsWith("// README:") || start.equals("// README:end")) {
        continue;
      }
      int indent = lines.get(i).indexOf('/');
      StringBuilder snippet = new StringBuilder();
      for (i++; i < lines.size() && !lines.get(i).strip().equals("// README:end"); i++) {
        String line = lines.get(i);
        snippet.append(line.length() > indent ? line.substring(indent) : line.strip()).append('\n');
      }
      found.add(snippet.toString());
    }
    return found;
  }
}
