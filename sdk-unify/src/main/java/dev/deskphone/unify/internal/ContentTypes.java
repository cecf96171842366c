package dev.deskphone.unify.internal;

import dev.deskphone.core.internal.Checks;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;

/** Reading the {@code Content-Type} of a Send URL POST. Stateless. */
public final class ContentTypes {
  /** The form media type. */
  public static final String FORM = "application/x-www-form-urlencoded";

  private ContentTypes() {}

  /** Whether {@code contentType} is absent (null) or the form media type, parameters aside. */
  public static boolean isForm(String contentType) {
    return contentType == null
        || contentType.split(";")[0].trim().toLowerCase(Locale.ROOT).equals(FORM);
  }

  /**
   * The charset of a form body: its {@code charset} parameter, else UTF-8.
   *
   * @param contentType the header value, or null when there was none (taken as a UTF-8 form)
   * @throws IllegalArgumentException if it is not a form type or names an unknown charset
   */
  public static Charset formCharset(String contentType) {
    if (contentType == null) {
      return StandardCharsets.UTF_8;
    }
    String[] parts = contentType.split(";");
    if (!isForm(contentType)) {
      throw new IllegalArgumentException(
          "a POST body must be " + FORM + ", was " + Checks.quote(contentType));
    }
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].trim();
      if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
        String name = p.substring("charset=".length()).trim().replace("\"", "");
        try {
          return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
          throw new IllegalArgumentException(
              "the form's charset is not known: " + Checks.quote(name));
        }
      }
    }
    return StandardCharsets.UTF_8;
  }
}
