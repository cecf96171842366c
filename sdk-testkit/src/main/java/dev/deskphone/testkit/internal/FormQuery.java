package dev.deskphone.testkit.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A raw query string split the way a phone's web server does: on {@code &} into parameters, each on
 * its first {@code =} into a name and an optional value; names decoded, values kept raw for
 * commands that split them further before decoding. Immutable.
 *
 * @param parameters the parameters in order
 */
public record FormQuery(List<Parameter> parameters) {

  /** Copies the list. */
  public FormQuery {
    parameters = List.copyOf(parameters);
  }

  /**
   * One parameter.
   *
   * @param name the decoded name
   * @param rawValue the value exactly as sent, absent when the parameter had no {@code =}
   */
  public record Parameter(String name, Optional<String> rawValue) {
    /** The decoded value; empty text when there was none. */
    public String value() throws Unintelligible {
      return PercentDecoder.decode(rawValue.orElse(""));
    }
  }

  /** A query with no parameters. */
  public static final FormQuery EMPTY = new FormQuery(List.of());

  /**
   * Splits {@code rawQuery} (without the {@code ?}).
   *
   * @throws Unintelligible on bad encoding (400) or a name given twice (ignored)
   */
  public static FormQuery parse(String rawQuery) throws Unintelligible {
    List<Parameter> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String part : rawQuery.split("&", -1)) {
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      String name = PercentDecoder.decode(eq < 0 ? part : part.substring(0, eq));
      PercentDecoder.decode(eq < 0 ? "" : part.substring(eq + 1)); // rejects bad escapes early
      if (!seen.add(name)) {
        throw Unintelligible.ignored("parameter '" + name + "' given twice");
      }
      out.add(new Parameter(name, eq < 0 ? Optional.empty() : Optional.of(part.substring(eq + 1))));
    }
    return new FormQuery(out);
  }

  /** The names in order. */
  public List<String> names() {
    return parameters.stream().map(Parameter::name).toList();
  }

  /** The parameter called {@code name}. */
  public Optional<Parameter> get(String name) {
    return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
  }
}
