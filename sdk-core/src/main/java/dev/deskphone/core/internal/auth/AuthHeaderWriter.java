package dev.deskphone.core.internal.auth;

import java.nio.charset.StandardCharsets;

/** Writes one {@code Authorization} header value, param by param. Not thread-safe. */
final class AuthHeaderWriter {
  private static final char[] HEX_UPPER = "0123456789ABCDEF".toCharArray();

  private final StringBuilder out;
  private boolean first = true;

  AuthHeaderWriter(String scheme) {
    out = new StringBuilder(256).append(scheme).append(' ');
  }

  private AuthHeaderWriter(StringBuilder out) {
    this.out = out;
    this.first = false;
  }

  /** Goes on after {@code written}, a header value this class built with at least one param. */
  static AuthHeaderWriter resuming(String written) {
    return new AuthHeaderWriter(new StringBuilder(written.length() + 192).append(written));
  }

  /** Appends {@code name="value"}, escaping {@code "} and {@code \} as quoted-pairs. */
  AuthHeaderWriter quoted(String name, String value) {
    name(name).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\');
      }
      out.append(c);
    }
    out.append('"');
    return this;
  }

  /** Appends {@code name=value} as it is: the caller vouches that {@code value} is a token. */
  AuthHeaderWriter token(String name, String value) {
    name(name).append(value);
    return this;
  }

  private StringBuilder name(String name) {
    if (!first) {
      out.append(", ");
    }
    first = false;
    return out.append(name).append('=');
  }

  /** The header value. */
  String build() {
    return out.toString();
  }

  /**
   * An RFC 8187 ext-value for {@code value}: {@code UTF-8''} and its UTF-8 bytes, each byte that is
   * not an attr-char percent-encoded.
   */
  static String extValue(String value) {
    StringBuilder ext = new StringBuilder("UTF-8''");
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (isAttrChar(c)) {
        ext.append(c);
      } else {
        ext.append('%').append(HEX_UPPER[(c >> 4) & 0xf]).append(HEX_UPPER[c & 0xf]);
      }
    }
    return ext.toString();
  }

  private static boolean isAttrChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "!#$&+-.^_`|~".indexOf(c) >= 0;
  }
}
