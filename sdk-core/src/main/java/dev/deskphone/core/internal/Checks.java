package dev.deskphone.core.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Validation helpers shared by the SDK modules. Not a public API: this package is exported only to
 * the SDK's own modules.
 *
 * <p>Every check throws {@link IllegalArgumentException} with a message that names the field, what
 * is allowed and the bad value, quoted by {@link #quote(String)} so that control characters never
 * reach a log raw. Checks never run on secrets: a password must be checked without showing it.
 *
 * <p>All methods are stateless and thread-safe.
 */
public final class Checks {
  private static final String HTTP_TOKEN_EXTRA = "!#$%&'*+-.^_`|~";

  /** The longest symbolic name, in characters: {@value}. */
  public static final int MAX_SYMBOLIC_NAME_LENGTH = 64;

  /** The longest key wire name, in characters: {@value}. */
  public static final int MAX_KEY_NAME_LENGTH = 32;

  /** How many code points {@link #quote(String)} shows before it cuts a value short: {@value}. */
  public static final int MAX_SHOWN_LENGTH = 100;

  private static final String SYMBOLIC_NAME_RULE =
      "1 to " + MAX_SYMBOLIC_NAME_LENGTH + " characters of ASCII letters, digits, '_', '-' and '.'";

  private static final String KEY_NAME_RULE =
      "1 to " + MAX_KEY_NAME_LENGTH + " characters of ASCII letters, digits, '_', '-', '*' and '#'";

  private static final String XML_RULE =
      "only characters XML 1.0 allows (U+0009, U+000A, U+000D, U+0020 to U+D7FF,"
          + " U+E000 to U+FFFD, U+10000 to U+10FFFF; no unpaired surrogates)";

  private static final Pattern ENDPOINT_PATH =
      Pattern.compile("/[A-Za-z0-9/._~-]{0,255}(?:(?<=/)\\*)?");

  private Checks() {}

  /**
   * Checks a symbolic name, the token that identifies a Unify Send URL key.
   *
   * @param value the name
   * @return {@code value}
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException unless it is 1 to 64 ASCII letters, digits, {@code _}, {@code
   *     -} and {@code .}
   */
  public static String symbolicName(String value) {
    return symbolicName("symbolicName", value);
  }

  /**
   * Checks a value that follows the symbolic-name token rule, naming it {@code field} in errors.
   *
   * @param field what the value is, for the message, for example {@code "programName"}
   * @param value the value
   * @return {@code value}
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException unless it is 1 to 64 ASCII letters, digits, {@code _}, {@code
   *     -} and {@code .}
   */
  public static String symbolicName(String field, String value) {
    Objects.requireNonNull(value, field);
    if (!isToken(value, MAX_SYMBOLIC_NAME_LENGTH, "_-.")) {
      throw invalid(field, SYMBOLIC_NAME_RULE, value);
    }
    return value;
  }

  /**
   * Checks the wire name of a key, so that it can never carry a separator such as {@code ;}, {@code
   * ,}, {@code &}, {@code =}, {@code %}, a space or a control character.
   *
   * @param value the wire name
   * @return {@code value}
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException unless it is 1 to 32 ASCII letters, digits, {@code _}, {@code
   *     -}, {@code *} and {@code #}
   */
  public static String keyName(String value) {
    Objects.requireNonNull(value, "wireName");
    if (!isToken(value, MAX_KEY_NAME_LENGTH, "_-*#")) {
      throw invalid("key wireName", KEY_NAME_RULE, value);
    }
    return value;
  }

  /**
   * Checks that XML 1.0 can carry every character of a text: U+0009, U+000A, U+000D, U+0020 to
   * U+D7FF, U+E000 to U+FFFD and U+10000 to U+10FFFF. An unpaired surrogate is invalid.
   *
   * @param field what the value is, for the message
   * @param value the text
   * @return {@code value}
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException naming the first bad character as {@code U+XXXX} and its index
   *     in code points
   */
  public static String xmlText(String field, String value) {
    Objects.requireNonNull(value, field);
    int index = 0;
    for (int i = 0; i < value.length(); index++) {
      int c = value.codePointAt(i);
      if (!isXmlChar(c)) {
        throw new IllegalArgumentException(
            field
                + " must contain "
                + XML_RULE
                + ", was "
                + quote(value)
                + " with "
                + codePoint(c)
                + " at index "
                + index);
      }
      i += Character.charCount(c);
    }
    return value;
  }

  /**
   * Checks a value that goes into a form field or query parameter: it must not contain CR, LF,
   * {@code &}, {@code =} or any other ISO control character, so that it can never end a line or
   * start another field even if an encoder were skipped.
   *
   * @param field the field, for the message
   * @param value the value
   * @return {@code value}
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if it contains a forbidden character
   */
  public static String formValue(String field, String value) {
    Objects.requireNonNull(value, field);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '&' || c == '=' || Character.isISOControl(c)) {
        throw invalid(field, "free of CR, LF, '&', '=' and other control characters", value);
      }
    }
    return value;
  }

  /**
   * Shows a value in a message: in double quotes, each character that could disturb a log line (ISO
   * control characters, line and paragraph separators, format characters such as bidi overrides,
   * unpaired surrogates) written as {@code <U+XXXX>}, and cut short after {@value
   * #MAX_SHOWN_LENGTH} code points with the full length added.
   *
   * @param value the value, or null
   * @return the value as it may appear in a message, or {@code null} unquoted
   */
  public static String quote(String value) {
    if (value == null) {
      return "null";
    }
    int length = value.codePointCount(0, value.length());
    if (length <= MAX_SHOWN_LENGTH) {
      return '"' + escape(value) + '"';
    }
    String head = value.substring(0, value.offsetByCodePoints(0, MAX_SHOWN_LENGTH));
    return '"' + escape(head) + "...\" (" + length + " characters)";
  }

  /**
   * Writes each character of a value that could disturb a log line as {@code <U+XXXX>}, as {@link
   * #quote(String)} does, without quotes and without cutting it short.
   *
   * @param value the value
   * @return the escaped value
   */
  public static String escape(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); ) {
      int c = value.codePointAt(i);
      if (isUnsafeToShow(c)) {
        out.append('<').append(codePoint(c)).append('>');
      } else {
        out.appendCodePoint(c);
      }
      i += Character.charCount(c);
    }
    return out.toString();
  }

  /**
   * Names a code point the Unicode way.
   *
   * @param codePoint the code point
   * @return {@code U+} and at least four upper-case hex digits, for example {@code U+000A}
   */
  public static String codePoint(int codePoint) {
    return String.format("U+%04X", codePoint);
  }

  /**
   * Whether a value is a non-empty RFC 9110 token (an HTTP method or header name).
   *
   * @param value the value
   * @return true if every character is a token character
   */
  public static boolean isHttpToken(String value) {
    return isToken(value, Integer.MAX_VALUE, HTTP_TOKEN_EXTRA);
  }

  /**
   * Whether a character may stand in an RFC 9110 token.
   *
   * @param c the character
   * @return true for a letter, digit or one of {@code !#$%&'*+-.^_`|~}
   */
  public static boolean isHttpTokenChar(char c) {
    return isTokenChar(c, HTTP_TOKEN_EXTRA);
  }

  /**
   * Checks a path an endpoint is served at.
   *
   * @param path the path
   * @return the path
   * @throws IllegalArgumentException unless it is {@code /} followed by at most 255 ASCII letters,
   *     digits and {@code / - . _ ~}, optionally ending in {@code /*}
   */
  public static String endpointPath(String path) {
    Objects.requireNonNull(path, "path");
    if (!ENDPOINT_PATH.matcher(path).matches()) {
      throw new IllegalArgumentException(
          "path must start with '/' and hold at most 256 ASCII letters, digits and / - . _ ~,"
              + " optionally ending in /* (the path and all below it), was "
              + quote(path));
    }
    return path;
  }

  /**
   * Checks a duration is positive.
   *
   * @param value the duration
   * @param field its name in the message
   * @return the duration
   * @throws IllegalArgumentException if zero or negative
   */
  public static Duration positive(Duration value, String field) {
    Objects.requireNonNull(value, field);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(field + " must be positive, was " + value);
    }
    return value;
  }

  private static IllegalArgumentException invalid(String field, String rule, String value) {
    return new IllegalArgumentException(field + " must be " + rule + ", was " + quote(value));
  }

  private static boolean isToken(String value, int maxLength, String extra) {
    if (value.isEmpty() || value.length() > maxLength) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      if (!isTokenChar(value.charAt(i), extra)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isTokenChar(char c, String extra) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || extra.indexOf(c) >= 0;
  }

  private static boolean isXmlChar(int c) {
    return c == 0x9
        || c == 0xA
        || c == 0xD
        || (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD)
        || (c >= 0x10000 && c <= 0x10FFFF);
  }

  private static boolean isUnsafeToShow(int c) {
    switch (Character.getType(c)) {
      case Character.CONTROL:
      case Character.FORMAT:
      case Character.LINE_SEPARATOR:
      case Character.PARAGRAPH_SEPARATOR:
      case Character.SURROGATE:
      case Character.UNASSIGNED:
        return true;
      default:
        return false;
    }
  }
}
