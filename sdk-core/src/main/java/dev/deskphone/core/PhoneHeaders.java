package dev.deskphone.core;

import dev.deskphone.core.internal.Checks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * An immutable, ordered list of HTTP header fields. Names compare case-insensitively and keep the
 * spelling they were given; a name may repeat. Names must be RFC 9110 tokens and values may not
 * contain CR, LF, NUL or other control characters except TAB, so no value can start a new header.
 *
 * <p>Request headers the transport owns ({@code Host}, {@code Content-Length}, {@code Connection},
 * {@code Expect}, {@code Upgrade}, {@code Transfer-Encoding}) cannot be set on a {@link
 * PhoneRequest}.
 */
public final class PhoneHeaders {
  private static final PhoneHeaders EMPTY = new PhoneHeaders(List.of());
  private static final Set<String> TRANSPORT_OWNED =
      Set.of("host", "content-length", "connection", "expect", "upgrade", "transfer-encoding");

  private final List<String> namesAndValues;

  private PhoneHeaders(List<String> namesAndValues) {
    this.namesAndValues = namesAndValues;
  }

  /** {@return headers with no fields} */
  public static PhoneHeaders empty() {
    return EMPTY;
  }

  /** {@return a new, empty builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Headers from name/value pairs, for example {@code of("Content-Type", "text/xml")}.
   *
   * @param namesAndValues a name, its value, the next name, its value, and so on
   * @return the headers
   * @throws IllegalArgumentException for an odd count, a name that is not a token, or a value with
   *     a control character
   */
  public static PhoneHeaders of(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException(
          "headers come in name/value pairs; got " + namesAndValues.length + " strings");
    }
    Builder b = builder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      b.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return b.build();
  }

  /**
   * {@return the first value of the header {@code name} (case-insensitive), if present}
   *
   * @param name the header field name
   */
  public Optional<String> firstValue(String name) {
    Objects.requireNonNull(name, "name");
    for (int i = 0; i < namesAndValues.size(); i += 2) {
      if (namesAndValues.get(i).equalsIgnoreCase(name)) {
        return Optional.of(namesAndValues.get(i + 1));
      }
    }
    return Optional.empty();
  }

  /**
   * {@return every value of the header {@code name} (case-insensitive), in order; empty if absent}
   *
   * @param name the header field name
   */
  public List<String> allValues(String name) {
    Objects.requireNonNull(name, "name");
    List<String> values = new ArrayList<>(2);
    for (int i = 0; i < namesAndValues.size(); i += 2) {
      if (namesAndValues.get(i).equalsIgnoreCase(name)) {
        values.add(namesAndValues.get(i + 1));
      }
    }
    return Collections.unmodifiableList(values);
  }

  /**
   * Calls {@code action} with each name and value, in order.
   *
   * @param action takes a name and its value
   */
  public void forEach(BiConsumer<String, String> action) {
    for (int i = 0; i < namesAndValues.size(); i += 2) {
      action.accept(namesAndValues.get(i), namesAndValues.get(i + 1));
    }
  }

  /** {@return the headers as an unmodifiable map with case-insensitive keys, values in order} */
  public Map<String, List<String>> map() {
    Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    forEach((n, v) -> map.computeIfAbsent(n, k -> new ArrayList<>(1)).add(v));
    map.replaceAll((k, v) -> List.copyOf(v));
    return Collections.unmodifiableMap(map);
  }

  /** {@return the number of header fields} */
  public int size() {
    return namesAndValues.size() / 2;
  }

  /** {@return a builder holding these headers, to add more} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.namesAndValues.addAll(namesAndValues);
    return b;
  }

  Optional<String> ownedHeader() {
    for (int i = 0; i < namesAndValues.size(); i += 2) {
      String name = namesAndValues.get(i);
      if (TRANSPORT_OWNED.contains(name.toLowerCase(Locale.ROOT))) {
        return Optional.of(name);
      }
    }
    return Optional.empty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PhoneHeaders other && map().equals(other.map());
  }

  @Override
  public int hashCode() {
    // equals() compares names ignoring case, so the hash must ignore it too.
    int hash = 0;
    for (Map.Entry<String, List<String>> e : map().entrySet()) {
      hash += e.getKey().toLowerCase(Locale.ROOT).hashCode() ^ e.getValue().hashCode();
    }
    return hash;
  }

  /** Header names only: values may carry credentials (for example {@code Authorization}). */
  @Override
  public String toString() {
    List<String> names = new ArrayList<>(size());
    forEach((n, v) -> names.add(n));
    return "PhoneHeaders" + names;
  }

  /** Collects header fields. Not thread-safe. */
  public static final class Builder {
    private final List<String> namesAndValues = new ArrayList<>();

    private Builder() {}

    /**
     * Adds a header field.
     *
     * @param name the field name, an HTTP token
     * @param value the field value
     * @return this builder
     * @throws IllegalArgumentException if the name is not a token or the value has a control
     *     character other than TAB
     */
    public Builder add(String name, String value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      if (!Checks.isHttpToken(name)) {
        throw new IllegalArgumentException(
            "header name "
                + Checks.quote(name)
                + " is not allowed: use letters, digits and !#$%&'*+-.^_`|~");
      }
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if ((c < 0x20 && c != '\t') || (c >= 0x7f && c <= 0x9f) || c > 0xff) {
          throw new IllegalArgumentException(
              "header "
                  + name
                  + " has the character "
                  + Checks.codePoint(c)
                  + " at index "
                  + i
                  + ": header values may hold TAB and U+0020 to U+00FF except the controls"
                  + " U+007F to U+009F; never CR, LF or NUL");
        }
      }
      namesAndValues.add(name);
      namesAndValues.add(value);
      return this;
    }

    /**
     * Replaces every field named {@code name} (case-insensitive) with one field.
     *
     * @param name the field name, an HTTP token
     * @param value the field value
     * @return this builder
     */
    public Builder set(String name, String value) {
      remove(name);
      return add(name, value);
    }

    /**
     * Removes every field named {@code name} (case-insensitive).
     *
     * @param name the field name
     * @return this builder
     */
    public Builder remove(String name) {
      Objects.requireNonNull(name, "name");
      for (int i = namesAndValues.size() - 2; i >= 0; i -= 2) {
        if (namesAndValues.get(i).equalsIgnoreCase(name)) {
          namesAndValues.remove(i + 1);
          namesAndValues.remove(i);
        }
      }
      return this;
    }

    /** {@return the headers collected so far} */
    public PhoneHeaders build() {
      return namesAndValues.isEmpty() ? EMPTY : new PhoneHeaders(List.copyOf(namesAndValues));
    }
  }
}
