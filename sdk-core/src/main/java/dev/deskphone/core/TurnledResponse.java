package dev.deskphone.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The reply to a Unify Send URL request: one or more {@link Turnled} instructions, in order, at
 * most one per symbolic name.
 *
 * <pre>{@code
 * TurnledResponse reply = TurnledResponse.of(led, otherLed);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class TurnledResponse {

  private final List<Turnled> turnleds;

  private TurnledResponse(List<Turnled> turnleds) {
    this.turnleds = turnleds;
  }

  /**
   * A reply with these Turnleds, in this order.
   *
   * @param first the first Turnled
   * @param more any further Turnleds
   * @return the reply
   * @throws NullPointerException if any argument or element is null
   * @throws IllegalArgumentException if two Turnleds have the same symbolic name
   */
  public static TurnledResponse of(Turnled first, Turnled... more) {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(more, "more");
    List<Turnled> all = new ArrayList<>(1 + more.length);
    all.add(first);
    all.addAll(Arrays.asList(more));
    return of(all);
  }

  /**
   * A reply with these Turnleds, in this order. The list is copied.
   *
   * @param turnleds at least one Turnled, each symbolic name at most once
   * @return the reply
   * @throws NullPointerException if the list or any element is null
   * @throws IllegalArgumentException if the list is empty or two Turnleds have the same symbolic
   *     name
   */
  public static TurnledResponse of(List<Turnled> turnleds) {
    Objects.requireNonNull(turnleds, "turnleds");
    List<Turnled> given = new ArrayList<>(turnleds);
    for (int i = 0; i < given.size(); i++) {
      Objects.requireNonNull(given.get(i), "turnleds[" + i + "]");
    }
    List<Turnled> copy = List.copyOf(given);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("turnleds must hold at least one Turnled, was empty");
    }
    Set<String> seen = new HashSet<>();
    for (Turnled t : copy) {
      if (!seen.add(t.symbolicName())) {
        throw new IllegalArgumentException(
            "turnleds must have unique symbolic names, but "
                + t.symbolicName()
                + " appears more than once");
      }
    }
    return new TurnledResponse(copy);
  }

  /**
   * The Turnleds, in the order given.
   *
   * @return an unmodifiable list of at least one Turnled
   */
  public List<Turnled> turnleds() {
    return turnleds;
  }

  /**
   * Two replies are equal when they hold equal Turnleds in the same order.
   *
   * @param o the other object
   * @return whether they are equal
   */
  @Override
  public boolean equals(Object o) {
    return this == o
        || (o instanceof TurnledResponse && turnleds.equals(((TurnledResponse) o).turnleds));
  }

  /**
   * A hash code consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return turnleds.hashCode();
  }

  /**
   * The reply for logs: {@code TurnledResponse} and its Turnleds.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return "TurnledResponse" + turnleds;
  }
}
