package dev.deskphone.testkit.internal;

import java.util.Objects;

/**
 * One header field of a request the fakes read or an answer they write, as on the wire: the name in
 * the case sent, the value without surrounding whitespace. Immutable.
 *
 * @param name the field name
 * @param value the field value
 */
public record HeaderField(String name, String value) {

  /** Checks the parts are there. */
  public HeaderField {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }

  /** Whether this field is called {@code other}, compared without regard to case. */
  public boolean is(String other) {
    return name.equalsIgnoreCase(other);
  }
}
