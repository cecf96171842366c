package dev.deskphone.snom;

import dev.deskphone.core.internal.Checks;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * The rules every text and URL of a minibrowser document follows, checked before any XML exists.
 * Stateless.
 */
final class MinibrowserChecks {
  private MinibrowserChecks() {}

  /** A one-line text: no control character at all, at most {@code max} code points. */
  static String line(String field, String value, int max) {
    return text(field, value, max, false);
  }

  /** A text that may hold TAB and LF, but no other control character. */
  static String multiline(String field, String value, int max) {
    return text(field, value, max, true);
  }

  private static String text(String field, String value, int max, boolean breaks) {
    Objects.requireNonNull(value, field);
    int index = 0;
    for (int i = 0; i < value.length(); index++) {
      int c = value.codePointAt(i);
      if (Character.isISOControl(c) && !(breaks && (c == '\t' || c == '\n'))) {
        throw new IllegalArgumentException(
            field
                + " must be text without control characters (U+0000 to U+001F, U+007F to U+009F"
                + (breaks ? "; TAB and LF are allowed" : "; no line breaks")
                + "), was "
                + Checks.quote(value)
                + " with "
                + Checks.codePoint(c)
                + " at index "
                + index);
      }
      i += Character.charCount(c);
    }
    Checks.xmlText(field, value);
    if (index > max) {
      throw new IllegalArgumentException(
          field
              + " must be at most "
              + max
              + " characters (Unicode code points), was "
              + index
              + ": "
              + Checks.quote(value));
    }
    return noCallback(field, value);
  }

  /**
   * Refuses {@code $(} and {@code $[}: the phone evaluates them as callback expressions, and the
   * vendor documents no escape.
   */
  static String noCallback(String field, String value) {
    if (value.contains("$(") || value.contains("$[")) {
      throw new IllegalArgumentException(
          field
              + " must not contain \"$(\" or \"$[\": the phone would evaluate it as a callback"
              + " expression (such as $(set:NAME), which shows a setting's value) and no escape is"
              + " documented; was "
              + Checks.quote(value));
    }
    return value;
  }

  /**
   * Checks a URL a document makes the phone fetch, and returns it in its ASCII form, so that equal
   * URLs are equal however they were given.
   */
  static URI url(String field, URI url) {
    Objects.requireNonNull(url, field);
    String text = url.toASCIIString();
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    boolean ok =
        switch (scheme) {
          case "http", "https" -> !url.isOpaque() && url.getHost() != null;
          case "snom", "phone" -> isMinibrowserAction(url);
          default -> false;
        };
    if (!ok || text.length() > MinibrowserDocument.MAX_URL_LENGTH) {
      throw new IllegalArgumentException(
          field
              + " must be an absolute http or https URL with a host, or snom:// or phone://"
              + " followed by mb_nop or mb_exit and an optional #fragment, of up to "
              + MinibrowserDocument.MAX_URL_LENGTH
              + " characters, was "
              + Checks.quote(url.getRawUserInfo() != null ? "(URL with user-info)" : text));
    }
    if (url.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          field
              + " must not carry user-info (credentials): anyone who fetches the document would"
              + " read them; host was "
              + Checks.quote(url.getHost()));
    }
    noCallback(field, text);
    return text.equals(url.toString()) ? url : URI.create(text);
  }

  private static boolean isMinibrowserAction(URI url) {
    String authority = url.getRawAuthority();
    return !url.isOpaque()
        && ("mb_nop".equals(authority) || "mb_exit".equals(authority))
        && url.getRawPath().isEmpty()
        && url.getRawQuery() == null;
  }
}
