package dev.deskphone.snom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * What this module's tests log: slf4j-simple writes every line at DEBUG and above to the file the
 * pom names ({@code org.slf4j.simpleLogger.logFile}), and this reads it back from a mark on, each
 * entry one string: its line, and the stack trace of its throwable if it has one.
 */
final class TestLogs {
  private static final Path FILE;

  static {
    // slf4j-simple truncates the file when it starts: start it before any mark is taken.
    LoggerFactory.getLogger(TestLogs.class).debug("test logs start");
    FILE = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile"));
  }

  private final long mark;

  private TestLogs(long mark) {
    this.mark = mark;
  }

  /** Marks the end of what was logged so far. */
  static TestLogs mark() {
    try {
      return new TestLogs(Files.size(FILE));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The entries logged since the mark. */
  List<String> entries() {
    String text;
    try (SeekableByteChannel in = Files.newByteChannel(FILE)) {
      in.position(mark);
      java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate((int) (in.size() - mark));
      while (buf.hasRemaining() && in.read(buf) >= 0) {
        // read it all
      }
      text = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> entries = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.startsWith("[") || entries.isEmpty()) {
        entries.add(line);
      } else {
        entries.set(entries.size() - 1, entries.get(entries.size() - 1) + "\n" + line);
      }
    }
    return entries;
  }

  /** The entries since the mark logged by {@link SnomEventEndpoint} that contain {@code text}. */
  List<String> endpoint(String text) {
    return entries().stream()
        .filter(l -> l.contains(" " + SnomEventEndpoint.class.getName() + " - "))
        .filter(l -> l.contains(text))
        .toList();
  }
}
