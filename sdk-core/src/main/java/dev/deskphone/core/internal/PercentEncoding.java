package dev.deskphone.core.internal;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding of query values: every byte of the UTF-8 form is written as {@code %XX} unless
 * it is an RFC 3986 unreserved character or one the caller lets through. Whatever a value holds,
 * the result never contains {@code &}, {@code =}, {@code #}, {@code +}, a space or a control
 * character, so a value can never add a parameter or end the query. Shared by the snom commands and
 * the Unify forms.
 */
public final class PercentEncoding {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PercentEncoding() {}

  /**
   * Encodes {@code value}, leaving unreserved characters and those in {@code raw} as they are.
   *
   * @param value the value
   * @param raw characters to leave unencoded; must not contain {@code & = # %} or a space, nor
   *     {@code +} where a form decoder may read the value (it would take it for a space)
   * @return the encoded value
   */
  public static String encode(String value, String raw) {
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if (isUnreserved(c) || (c < 0x80 && raw.indexOf(c) >= 0)) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    return out.toString();
  }

  /** Encodes {@code value} keeping only unreserved characters: form fields and strict values. */
  public static String encode(String value) {
    return encode(value, "");
  }

  /** Whether {@code c} is an RFC 3986 unreserved character: {@code A-Z a-z 0-9 - . _ ~}. */
  public static boolean isUnreserved(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }
}
