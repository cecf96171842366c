package dev.deskphone.snom;

import dev.deskphone.core.internal.Checks;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * A function key as a snom phone's settings hold it: the key's index, counted from 0 as the phone
 * counts it, its type and value, and optionally its label and short label. {@link
 * SnomSettings.Builder#functionKey} writes it as the settings {@code fkeyN=TYPE VALUE}, {@code
 * fkey_labelN=LABEL} and {@code fkey_short_labelN=SHORT} (the form peers write; the short label
 * where the phone has one).
 *
 * <pre>{@code
 * FunctionKey.speed(0, "100").withLabel("Reception");           // fkey0=speed 100
 * FunctionKey.destination(1, "sip:101@pbx.example");            // fkey1=dest <sip:101@pbx.example>
 * FunctionKey.url(2, URI.create("http://10.0.0.2/door"));       // fkey2=url http://10.0.0.2/door
 * FunctionKey.of(3, "blf", "<sip:102@pbx.example>");            // fkey3=blf <sip:102@pbx.example>
 * }</pre>
 *
 * <p>The exact list of types and the form of their values are not documented for every model and
 * firmware: the key is written exactly as given, nothing is translated, and no type is refused
 * beyond the token rule below. What a phone does with a type or an index it does not have is its
 * own (it may ignore the setting while answering {@code 200}); see {@link SnomPhone#writeSettings}.
 * Immutable and thread-safe.
 */
public final class FunctionKey {
  private static final int MAX_INDEX = 999;
  private static final Pattern TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,31}");

  private final int index;
  private final String type;
  private final String value;
  private final String label; // null: not written
  private final String shortLabel; // null: not written

  private FunctionKey(int index, String type, String value, String label, String shortLabel) {
    this.index = index;
    this.type = type;
    this.value = value;
    this.label = label;
    this.shortLabel = shortLabel;
  }

  /**
   * A key of any type: {@code fkeyN=TYPE VALUE}, or {@code fkeyN=TYPE} when the value is empty.
   *
   * @param index the key, from 0 to 999, as the phone counts its keys
   * @param type 1 to 32 ASCII letters, digits and {@code _}, starting with a letter, such as {@code
   *     blf}, {@code line}, {@code keyevent}; written as given
   * @param value any text without control characters, written as given
   * @return the key
   * @throws IllegalArgumentException for an index, type or value that is not allowed
   */
  public static FunctionKey of(int index, String type, String value) {
    if (index < 0 || index > MAX_INDEX) {
      throw new IllegalArgumentException(
          "function key index must be 0 to " + MAX_INDEX + " (fkey0 is the first), was " + index);
    }
    Objects.requireNonNull(type, "type");
    if (!TYPE.matcher(type).matches()) {
      throw new IllegalArgumentException(
          "function key type must be 1 to 32 ASCII letters, digits and '_', starting with a"
              + " letter (as speed, dest, url, blf), was "
              + Checks.quote(type));
    }
    SnomSettings.checkText("value of function key " + index, value);
    return new FunctionKey(index, type, value, null, null);
  }

  /**
   * A speed dial: {@code fkeyN=speed NUMBER}.
   *
   * @param index the key, from 0 to 999, as the phone counts its keys
   * @param number 1 to 64 digits, {@code *} and {@code #}, with an optional leading {@code +}; for
   *     another target, such as a name, use {@link #of}
   * @return the key
   * @throws IllegalArgumentException for an index out of range or another number
   */
  public static FunctionKey speed(int index, String number) {
    Objects.requireNonNull(number, "number");
    if (!SnomCommand.isDialString(number, true)) {
      throw new IllegalArgumentException(
          "speed dial number must be 1 to 64 digits, '*' and '#', with an optional leading '+',"
              + " was "
              + Checks.quote(number));
    }
    return of(index, "speed", number);
  }

  /**
   * A destination: {@code fkeyN=dest <SIP-URI>}.
   *
   * @param index the key, from 0 to 999, as the phone counts its keys
   * @param sipUri a {@code sip:} or {@code sips:} URI of up to {@value SnomCommand#MAX_URI_LENGTH}
   *     printable ASCII characters, without the angle brackets, such as {@code sip:101@pbx.example}
   * @return the key
   * @throws IllegalArgumentException for an index out of range or another URI
   */
  public static FunctionKey destination(int index, String sipUri) {
    String uri = SnomCommand.sipUri("sipUri", sipUri);
    if (uri.indexOf('<') >= 0 || uri.indexOf('>') >= 0) {
      throw new IllegalArgumentException(
          "sipUri must come without angle brackets (they are added), was " + Checks.quote(uri));
    }
    return of(index, "dest", "<" + uri + ">");
  }

  /**
   * A key that makes the phone fetch a URL: {@code fkeyN=url URL}.
   *
   * @param index the key, from 0 to 999, as the phone counts its keys
   * @param url an absolute {@code http} or {@code https} URL with a host, no user-info and no
   *     fragment, of up to {@value SnomCommand#MAX_URI_LENGTH} characters; written in its ASCII
   *     form
   * @return the key
   * @throws IllegalArgumentException for an index out of range or another URL
   */
  public static FunctionKey url(int index, URI url) {
    return of(index, "url", SnomCommand.httpUrl("url", url));
  }

  /**
   * This key with a label ({@code fkey_labelN}); the empty text writes an empty label.
   *
   * @param label the label
   * @return a copy of this key with the label
   * @throws IllegalArgumentException if it holds a control character
   */
  public FunctionKey withLabel(String label) {
    SnomSettings.checkText("label of function key " + index, label);
    return new FunctionKey(index, type, value, label, shortLabel);
  }

  /**
   * This key with a short label ({@code fkey_short_labelN}, shown by phones with narrow key
   * labels); the empty text writes an empty one.
   *
   * @param shortLabel the short label
   * @return a copy of this key with the short label
   * @throws IllegalArgumentException if it holds a control character
   */
  public FunctionKey withShortLabel(String shortLabel) {
    SnomSettings.checkText("short label of function key " + index, shortLabel);
    return new FunctionKey(index, type, value, label, shortLabel);
  }

  /** {@return the key's index, counted from 0 ({@code fkey0})} */
  public int index() {
    return index;
  }

  /** {@return the type, for example {@code speed}} */
  public String type() {
    return type;
  }

  /**
   * {@return the value after the type, for example {@code 100} or {@code <sip:101@pbx.example>}}
   */
  public String value() {
    return value;
  }

  /** {@return the label, if one is written} */
  public Optional<String> label() {
    return Optional.ofNullable(label);
  }

  /** {@return the short label, if one is written} */
  public Optional<String> shortLabel() {
    return Optional.ofNullable(shortLabel);
  }

  /** Its settings, name to value, in the order they are written. */
  Map<String, String> settings() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("fkey" + index, value.isEmpty() ? type : type + " " + value);
    if (label != null) {
      settings.put("fkey_label" + index, label);
    }
    if (shortLabel != null) {
      settings.put("fkey_short_label" + index, shortLabel);
    }
    return settings;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FunctionKey k
        && k.index == index
        && k.type.equals(type)
        && k.value.equals(value)
        && Objects.equals(k.label, label)
        && Objects.equals(k.shortLabel, shortLabel);
  }

  @Override
  public int hashCode() {
    return Objects.hash(index, type, value, label, shortLabel);
  }

  /** The settings it writes, for example {@code FunctionKey[fkey0="speed 100", ...]}. */
  @Override
  public String toString() {
    StringJoiner out = new StringJoiner(", ", "FunctionKey[", "]");
    settings().forEach((name, text) -> out.add(name + "=" + Checks.quote(text)));
    return out.toString();
  }
}
