package dev.deskphone.cli;

import dev.deskphone.snom.SnomModel;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code --phones} file: one phone per line as {@code URL[,MODEL]}; blank lines and lines
 * starting with {@code #} are skipped.
 */
final class PhoneList {
  /** The most phones one file may list. */
  static final int MAX_PHONES = 100_000;

  private PhoneList() {}

  /** One phone of the list. */
  record Entry(URI uri, Optional<SnomModel> model) {}

  /**
   * Reads the file.
   *
   * @throws IllegalArgumentException naming the line of the first error
   */
  static List<Entry> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read the phone list " + file + ": " + e.getClass().getSimpleName());
    }
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split(",", -1);
      if (cells.length > 2) {
        throw error(file, i, "expected URL[,MODEL], found " + cells.length + " columns");
      }
      try {
        URI uri = new URI(cells[0].strip());
        Optional<SnomModel> model =
            cells.length == 2 && !cells[1].isBlank()
                ? Optional.of(Models.parse(cells[1].strip()))
                : Optional.empty();
        entries.add(new Entry(uri, model));
      } catch (URISyntaxException | IllegalArgumentException e) {
        throw error(file, i, e.getMessage());
      }
      if (entries.size() > MAX_PHONES) {
        throw error(file, i, "more than " + MAX_PHONES + " phones");
      }
    }
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("the phone list " + file + " lists no phone");
    }
    return entries;
  }

  private static IllegalArgumentException error(Path file, int index, String what) {
    return new IllegalArgumentException(file + " line " + (index + 1) + ": " + what);
  }
}
