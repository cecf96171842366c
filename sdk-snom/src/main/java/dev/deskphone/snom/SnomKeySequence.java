package dev.deskphone.snom;

import dev.deskphone.core.KeyEvent;
import dev.deskphone.core.internal.Checks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A sequence of snom key events in the vendor's grammar, {@code KEYEVENT[;KEYEVENT]...} with {@code
 * KEYEVENT = Key[,Time[,Pause]]}: Time is how long the key is held and Pause how long to wait
 * before the next key, both in whole milliseconds.
 *
 * <pre>{@code
 * SnomKeySequence s = SnomKeySequence.parse("OFFHOOK;1,200,100;#");
 * s.events();   // OFFHOOK, then 1 held 200 ms and 100 ms before #, then #
 * s.toString(); // "OFFHOOK;1,200,100;#" again
 * }</pre>
 *
 * <p>Parsing and {@link #toString() rendering} are inverse: rendering writes each time in plain
 * decimal, and parsing accepts only that form (no spaces, signs or leading zeros), so {@code
 * parse(s).toString().equals(s)} for every valid {@code s}. A pause needs a press time: the grammar
 * has no way to write one alone. Immutable and thread-safe.
 */
public final class SnomKeySequence {

  /** The most key events one sequence may hold: {@value}. */
  public static final int MAX_EVENTS = 256;

  private final List<KeyEvent> events;

  private SnomKeySequence(List<KeyEvent> events) {
    this.events = events;
  }

  /**
   * A sequence of these events.
   *
   * @param events 1 to {@value #MAX_EVENTS} events of {@link SnomKey}s
   * @return the sequence
   * @throws IllegalArgumentException if there are none or too many, if an event's key is not a
   *     {@link SnomKey}, or if an event has a pause but no press time
   */
  public static SnomKeySequence of(List<KeyEvent> events) {
    Objects.requireNonNull(events, "events");
    if (events.isEmpty() || events.size() > MAX_EVENTS) {
      throw new IllegalArgumentException(
          "a key sequence needs 1 to " + MAX_EVENTS + " key events, was " + events.size());
    }
    List<KeyEvent> copy = List.copyOf(events);
    for (int i = 0; i < copy.size(); i++) {
      KeyEvent e = copy.get(i);
      if (!(e.key() instanceof SnomKey)) {
        throw new IllegalArgumentException(
            "key event " + (i + 1) + " (" + e + ") is not a snom key: use SnomKey.of(name)");
      }
      if (e.pause().isPresent() && e.pressTime().isEmpty()) {
        throw new IllegalArgumentException(
            "key event "
                + (i + 1)
                + " ("
                + e
                + ") has a pause but no press time; snom's grammar is Key[,Time[,Pause]], so give"
                + " it a press time too");
      }
    }
    return new SnomKeySequence(copy);
  }

  /**
   * Parses {@code KEYEVENT[;KEYEVENT]...}.
   *
   * @param text for example {@code "OFFHOOK;1,200,100;#"}
   * @return the sequence
   * @throws IllegalArgumentException naming the position (0-based character index) of the first
   *     error and what was expected there
   */
  public static SnomKeySequence parse(String text) {
    Objects.requireNonNull(text, "text");
    if (text.isEmpty()) {
      throw error(text, 0, "a key name is missing");
    }
    List<KeyEvent> events = new ArrayList<>();
    int start = 0;
    while (true) {
      int end = text.indexOf(';', start);
      if (end < 0) {
        end = text.length();
      }
      events.add(parseEvent(text, start, end));
      if (events.size() > MAX_EVENTS) {
        throw error(text, start, "more than " + MAX_EVENTS + " key events");
      }
      if (end == text.length()) {
        return new SnomKeySequence(List.copyOf(events));
      }
      start = end + 1;
    }
  }

  private static KeyEvent parseEvent(String text, int start, int end) {
    int comma = indexOf(text, ',', start, end);
    int keyEnd = comma < 0 ? end : comma;
    if (keyEnd == start) {
      throw error(text, start, "a key name is missing");
    }
    String name = text.substring(start, keyEnd);
    SnomKey key;
    try {
      key = SnomKey.of(name);
    } catch (IllegalArgumentException e) {
      throw error(text, start, e.getMessage());
    }
    KeyEvent event = KeyEvent.of(key);
    if (comma < 0) {
      return event;
    }
    int second = indexOf(text, ',', comma + 1, end);
    event = event.withPressTime(time(text, comma + 1, second < 0 ? end : second, "press time"));
    if (second < 0) {
      return event;
    }
    int third = indexOf(text, ',', second + 1, end);
    if (third >= 0) {
      throw error(text, third, "a key event has at most Key,Time,Pause");
    }
    return event.withPause(time(text, second + 1, end, "pause"));
  }

  private static Duration time(String text, int start, int end, String what) {
    if (start == end) {
      throw error(text, start, "a " + what + " in milliseconds is missing");
    }
    long max = KeyEvent.MAX_TIME.toMillis();
    long value = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw error(text, i, what + " must be decimal digits");
      }
      if (i == start && c == '0' && end - start > 1) {
        throw error(text, i, what + " must not have leading zeros");
      }
      value = value * 10 + (c - '0');
      if (value > max) {
        throw error(text, start, what + " must be from 0 to " + max + " ms");
      }
    }
    return Duration.ofMillis(value);
  }

  private static int indexOf(String text, char c, int from, int end) {
    int i = text.indexOf(c, from);
    return i >= 0 && i < end ? i : -1;
  }

  private static IllegalArgumentException error(String text, int position, String what) {
    return new IllegalArgumentException(
        "invalid key sequence " + Checks.quote(text) + " at position " + position + ": " + what);
  }

  /**
   * The events, in order.
   *
   * @return an unmodifiable list of at least one event
   */
  public List<KeyEvent> events() {
    return events;
  }

  /** The sequence in the vendor's grammar, as it goes on the wire before percent-encoding. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    for (KeyEvent e : events) {
      if (s.length() > 0) {
        s.append(';');
      }
      s.append(e.wireName());
      e.pressTime().ifPresent(t -> s.append(',').append(t.toMillis()));
      e.pause().ifPresent(p -> s.append(',').append(p.toMillis()));
    }
    return s.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SnomKeySequence s && events.equals(s.events);
  }

  @Override
  public int hashCode() {
    return events.hashCode();
  }
}
