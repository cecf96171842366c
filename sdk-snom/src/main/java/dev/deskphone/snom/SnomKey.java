package dev.deskphone.snom;

import dev.deskphone.core.Key;
import dev.deskphone.core.internal.Checks;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A key of a snom desk phone, by the exact name its firmware knows (the vendor page's capitals):
 * the named keys as constants, the keypad ({@code 0}-{@code 9}, {@code *}, {@code #}), the free
 * programmable keys {@code P1}..{@code Pn} and the expansion-module keys {@code EK0}..{@code EKn}.
 *
 * <pre>{@code
 * SnomKey.ENTER; SnomKey.of("P12"); SnomKey.of("#"); SnomKey.programmable(3); SnomKey.digit('5');
 * }</pre>
 *
 * <p>Which keys a given phone has is {@link SnomModel#supports(SnomKey)}'s business; {@link
 * #of(String)} accepts any name the vendor page documents, with {@code P} numbers from 1 to {@value
 * #MAX_PROGRAMMABLE} and {@code EK} numbers from 0 to {@value #MAX_EXPANSION}. A key name never
 * contains {@code ;} or {@code ,}, so a key can never add a second key event. Immutable and
 * thread-safe; equal keys are equal by wire name.
 */
public final class SnomKey implements Key {

  /** The highest {@code P} key number accepted without a model: {@value}. */
  public static final int MAX_PROGRAMMABLE = 999;

  /** The highest {@code EK} key number accepted without a model: {@value}. */
  public static final int MAX_EXPANSION = 999;

  /** What kind of key it is, which decides the models that have it. */
  public enum Kind {
    /** A named key of the snom 3xx, 7xx and 8xx (and the D series), such as ENTER or OFFHOOK. */
    NAMED,
    /** A key only the snom 1xx/2xx have: DISCONNECT, CLEAR, FUNCTION, RECALL. */
    LEGACY,
    /** A context-sensitive soft key F1 to F4. */
    SOFT,
    /** The keypad: 0 to 9, * and #. */
    KEYPAD,
    /** A free programmable function key P1..Pn. */
    PROGRAMMABLE,
    /** A key of an expansion module, EK0..EKn. */
    EXPANSION
  }

  private static final Map<String, SnomKey> NAMED_KEYS = new LinkedHashMap<>();

  /** "Cancel": ends a call, for example. */
  public static final SnomKey CANCEL = named("CANCEL", Kind.NAMED);

  /** "Enter". */
  public static final SnomKey ENTER = named("ENTER", Kind.NAMED);

  /** Lifts the handset. */
  public static final SnomKey OFFHOOK = named("OFFHOOK", Kind.NAMED);

  /** Hangs up the handset. */
  public static final SnomKey ONHOOK = named("ONHOOK", Kind.NAMED);

  /** Navigation right. */
  public static final SnomKey RIGHT = named("RIGHT", Kind.NAMED);

  /** Navigation left. */
  public static final SnomKey LEFT = named("LEFT", Kind.NAMED);

  /** Navigation up. */
  public static final SnomKey UP = named("UP", Kind.NAMED);

  /** Navigation down. */
  public static final SnomKey DOWN = named("DOWN", Kind.NAMED);

  /** Louder, in the active audio mode. */
  public static final SnomKey VOLUME_UP = named("VOLUME_UP", Kind.NAMED);

  /** Quieter, in the active audio mode. */
  public static final SnomKey VOLUME_DOWN = named("VOLUME_DOWN", Kind.NAMED);

  /** MENU (no longer used from firmware 7). */
  public static final SnomKey MENU = named("MENU", Kind.NAMED);

  /** Redial. */
  public static final SnomKey REDIAL = named("REDIAL", Kind.NAMED);

  /** Do not disturb. */
  public static final SnomKey DND = named("DND", Kind.NAMED);

  /** Record. */
  public static final SnomKey REC = named("REC", Kind.NAMED);

  /** Loudspeaker. */
  public static final SnomKey SPEAKER = named("SPEAKER", Kind.NAMED);

  /** Headset. */
  public static final SnomKey HEADSET = named("HEADSET", Kind.NAMED);

  /** Transfer. */
  public static final SnomKey TRANSFER = named("TRANSFER", Kind.NAMED);

  /** Hold, on firmware 8.7.3.7 and later; see {@link #F_R}. */
  public static final SnomKey F_HOLD = named("F_HOLD", Kind.NAMED);

  /** Hold, by its name before firmware 8.7.3.7; later firmware calls it {@link #F_HOLD}. */
  public static final SnomKey F_R = named("F_R", Kind.NAMED);

  /** Soft key F1 (none on the snom 870). */
  public static final SnomKey F1 = named("F1", Kind.SOFT);

  /** Soft key F2 (none on the snom 870). */
  public static final SnomKey F2 = named("F2", Kind.SOFT);

  /** Soft key F3 (none on the snom 870). */
  public static final SnomKey F3 = named("F3", Kind.SOFT);

  /** Soft key F4 (none on the snom 870, 190 and 200). */
  public static final SnomKey F4 = named("F4", Kind.SOFT);

  /** Disconnects a call (snom 1xx/2xx only). */
  public static final SnomKey DISCONNECT = named("DISCONNECT", Kind.LEGACY);

  /** "Clear" (snom 1xx/2xx only). */
  public static final SnomKey CLEAR = named("CLEAR", Kind.LEGACY);

  /** "F", the menu key of the snom 190/200 (snom 1xx/2xx only). */
  public static final SnomKey FUNCTION = named("FUNCTION", Kind.LEGACY);

  /** The hold button of the snom 190/200/220 (snom 1xx/2xx only). */
  public static final SnomKey RECALL = named("RECALL", Kind.LEGACY);

  /** Keypad star. */
  public static final SnomKey STAR = named("*", Kind.KEYPAD);

  /** Keypad hash (sent as {@code %23}). */
  public static final SnomKey HASH = named("#", Kind.KEYPAD);

  static {
    for (char c = '0'; c <= '9'; c++) {
      named(String.valueOf(c), Kind.KEYPAD);
    }
  }

  private static final String VALID =
      String.join(", ", NAMED_KEYS.keySet()).replace("0, 1, 2, 3, 4, 5, 6, 7, 8, 9", "0-9")
          + ", P1-P"
          + MAX_PROGRAMMABLE
          + ", EK0-EK"
          + MAX_EXPANSION;

  private final String wireName;
  private final Kind kind;
  private final int number;

  private SnomKey(String wireName, Kind kind, int number) {
    this.wireName = wireName;
    this.kind = kind;
    this.number = number;
  }

  private static SnomKey named(String name, Kind kind) {
    SnomKey key = new SnomKey(name, kind, -1);
    NAMED_KEYS.put(name, key);
    return key;
  }

  /**
   * The key with this exact wire name.
   *
   * @param name a documented name in capitals, for example {@code ENTER}, {@code 5}, {@code #},
   *     {@code P12} or {@code EK0}
   * @return the key
   * @throws IllegalArgumentException for any other name, listing the valid ones
   */
  public static SnomKey of(String name) {
    Objects.requireNonNull(name, "name");
    SnomKey named = NAMED_KEYS.get(name);
    if (named != null) {
      return named;
    }
    if (name.startsWith("P") && isNumber(name, 1)) {
      int n = Integer.parseInt(name.substring(1));
      if (n >= 1 && n <= MAX_PROGRAMMABLE) {
        return programmable(n);
      }
    } else if (name.startsWith("EK") && isNumber(name, 2)) {
      int n = Integer.parseInt(name.substring(2));
      if (n <= MAX_EXPANSION) {
        return expansion(n);
      }
    }
    throw new IllegalArgumentException(
        "unknown snom key " + Checks.quote(name) + "; valid keys (exact capitals): " + VALID);
  }

  /**
   * The free programmable key {@code P<n>}.
   *
   * @param n from 1 to {@value #MAX_PROGRAMMABLE}
   * @return the key
   * @throws IllegalArgumentException if {@code n} is out of range
   */
  public static SnomKey programmable(int n) {
    if (n < 1 || n > MAX_PROGRAMMABLE) {
      throw new IllegalArgumentException(
          "programmable key number must be from 1 to " + MAX_PROGRAMMABLE + ", was " + n);
    }
    return new SnomKey("P" + n, Kind.PROGRAMMABLE, n);
  }

  /**
   * The expansion-module key {@code EK<n>}.
   *
   * @param n from 0 to {@value #MAX_EXPANSION}
   * @return the key
   * @throws IllegalArgumentException if {@code n} is out of range
   */
  public static SnomKey expansion(int n) {
    if (n < 0 || n > MAX_EXPANSION) {
      throw new IllegalArgumentException(
          "expansion key number must be from 0 to " + MAX_EXPANSION + ", was " + n);
    }
    return new SnomKey("EK" + n, Kind.EXPANSION, n);
  }

  /**
   * A keypad key.
   *
   * @param c {@code 0} to {@code 9}, {@code *} or {@code #}
   * @return the key
   * @throws IllegalArgumentException for any other character
   */
  public static SnomKey keypad(char c) {
    SnomKey key = NAMED_KEYS.get(String.valueOf(c));
    if (key == null || key.kind != Kind.KEYPAD) {
      throw new IllegalArgumentException(
          "keypad key must be 0-9, * or #, was " + Checks.quote(String.valueOf(c)));
    }
    return key;
  }

  /**
   * Every named and keypad key, in the vendor page's order (P and EK keys not included).
   *
   * @return an unmodifiable map, name to key
   */
  public static Map<String, SnomKey> namedKeys() {
    return Collections.unmodifiableMap(NAMED_KEYS);
  }

  /** The exact name the phone's firmware knows, for example {@code F_HOLD} or {@code P12}. */
  @Override
  public String wireName() {
    return wireName;
  }

  /**
   * What kind of key this is.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * The number of a {@code P} or {@code EK} key; -1 for every other key.
   *
   * @return the number, or -1
   */
  public int number() {
    return number;
  }

  private static boolean isNumber(String name, int from) {
    int digits = name.length() - from;
    if (digits < 1 || digits > 3 || (digits > 1 && name.charAt(from) == '0')) {
      return false;
    }
    for (int i = from; i < name.length(); i++) {
      if (name.charAt(i) < '0' || name.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SnomKey k && wireName.equals(k.wireName);
  }

  @Override
  public int hashCode() {
    return wireName.hashCode();
  }

  /** The wire name. */
  @Override
  public String toString() {
    return wireName;
  }
}
