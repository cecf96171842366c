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
 * Keeps the docs' code honest: every block a test marks with {@code // README:name} ... {@code //
 * README:end} must stand in README.md or docs/testkit.md exactly, indentation removed; and every
 * {@code java} block of docs/testkit.md must be such a marked block.
 */
class ReadmeSnippetsTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void everyMarkedExampleStandsInTheReadmeOrTheGuideWordForWord() throws IOException {
    String docs =
        Files.readString(ROOT.resolve("README.md"))
            + Files.readString(ROOT.resolve("docs/testkit.md"));
    List<String> snippets = snippets();

    assertThat(snippets).as("marked README examples").hasSizeGreaterThanOrEqualTo(2);
    assertThat(snippets)
        .as("examples missing from README.md and docs/testkit.md, or written differently there")
        .filteredOn(snippet -> !docs.contains("```java\n" + snippet + "```\n"))
        .isEmpty();
  }

  @Test
  void everyJavaBlockOfTheTestkitGuideIsAMarkedExample() throws IOException {
    List<String> blocks = javaBlocks(Files.readString(ROOT.resolve("docs/testkit.md")));
    List<String> snippets = snippets();

    assertThat(blocks).as("java blocks of docs/testkit.md").hasSizeGreaterThanOrEqualTo(5);
    assertThat(blocks)
        .as("java blocks of docs/testkit.md that no test marks with // README:name")
        .filteredOn(block -> !snippets.contains(block))
        .isEmpty();
  }

  private static List<String> javaBlocks(String markdown) {
    List<String> found = new ArrayList<>();
    for (int at = markdown.indexOf("```java\n"); at >= 0; at = markdown.indexOf("```java\n", at)) {
      int start = at + "```java\n".length();
      int end = markdown.indexOf("```\n", start);
      found.add(markdown.substring(start, end));
      at = end;
    }
    return found;
  }

  private static List<String> snippets() throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(ROOT, 12)) {
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
