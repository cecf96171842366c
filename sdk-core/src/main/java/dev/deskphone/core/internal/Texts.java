package dev.deskphone.core.internal;

/** Small text helpers for messages and wire checks. */
public final class Texts {
  private Texts() {}

  /**
   * The value in double quotes for an error message, with every control character shown as {@code
   * U+XXXX} so a message can never carry a raw CR, LF or NUL, and cut after 80 characters.
   */
  public static String quote(String value) {
    StringBuilder sb = new StringBuilder(Math.min(value.length(), 80) + 8).append('"');
    int limit = Math.min(value.length(), 80);
    for (int i = 0; i < limit; i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c)) {
        sb.append(codePoint(c));
      } else {
        sb.append(c);
      }
    }
    sb.append('"');
    if (value.length() > limit) {
      sb.append("... (").append(value.length()).append(" characters)");
    }
    return sb.toString();
  }

  /** The character as {@code U+000A}. */
  public static String codePoint(int c) {
    return String.format("U+%04X", c);
  }

  /** Whether {@code s} is a non-empty RFC 9110 token. */
  public static boolean isToken(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
