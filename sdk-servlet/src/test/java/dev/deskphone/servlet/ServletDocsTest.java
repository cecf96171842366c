package dev.deskphone.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/servlet.md compiled: its {@code java} blocks are, word for word and indentation
 * removed, the blocks this module's tests mark with {@code // docs:NAME} ... {@code // docs:end}.
 */
class ServletDocsTest {
  private static final Path GUIDE = Path.of("..", "docs", "servlet.md");
  private static final Path TESTS = Path.of("src", "test", "java");
  private static final Pattern MARKED =
      Pattern.compile("(?ms)^([ \\t]*)// docs:(?!end\\n)\\S+\\n(.*?)^[ \\t]*// docs:end\\n");
  private static final Pattern JAVA_BLOCK = Pattern.compile("(?s)```java\\n(.*?)```\\n");

  @Test
  void javaBlocksOfTheGuideAreTheMarkedTestCode() throws IOException {
    List<String> blocks = new ArrayList<>();
    Matcher block = JAVA_BLOCK.matcher(Files.readString(GUIDE));
    while (block.find()) {
      blocks.add(block.group(1));
    }

    List<String> marked = marked();
    assertThat(marked).as("marked blocks: Jetty, Tomcat, Spring Boot").hasSize(3);
    assertThat(blocks).containsExactlyInAnyOrderElementsOf(marked);
  }

  private static List<String> marked() throws IOException {
    List<String> marked = new ArrayList<>();
    try (Stream<Path> files = Files.walk(TESTS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        Matcher m = MARKED.matcher(Files.readString(file));
        while (m.find()) {
          String indent = m.group(1);
          marked.add(
              m.group(2)
                  .lines()
                  .map(line -> line.startsWith(indent) ? line.substring(indent.length()) : line)
                  .collect(Collectors.joining("\n", "", "\n")));
        }
      }
    }
    return marked;
  }
}
