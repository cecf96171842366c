package dev.deskphone.core.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading a raw query or form body: its {@code &}-separated segments, and the bytes of one
 * percent-encoded part. Shared by the inbound endpoints' parsers, which decide the charset, what
 * {@code +} means and what a message may show. Stateless.
 */
public final class QueryParts {
  private QueryParts() {}

  /**
   * The segments of {@code raw} between {@code &}s, in order, empty ones ({@code a=1&&b=2}, a
   * leading or trailing {@code &}) left out.
   *
   * @param raw the raw query or form body
   * @param max the most segments allowed
   * @return the segments
   * @throws IllegalArgumentException with more than {@code max}
   */
  public static List<String> segments(String raw, int max) {
    List<String> segments = new ArrayList<>();
    int start = 0;
    while (start <= raw.length()) {
      int end = raw.indexOf('&', start);
      if (end < 0) {
        end = raw.length();
      }
      if (end > start) {
        if (segments.size() == max) {
          throw new IllegalArgumentException(
              "too many parameters: at most " + max + " are allowed");
        }
        segments.add(raw.substring(start, end));
      }
      start = end + 1;
    }
    return segments;
  }

  /**
   * The bytes a percent-encoded part stands for: {@code %XX} as that byte, {@code +} as a space if
   * {@code plusIsSpace}, any other character up to U+00FF as its one byte (HTTP hands raw bytes
   * over as ISO-8859-1), and beyond that as UTF-8.
   *
   * @param raw the part, a name or a value
   * @param plusIsSpace whether {@code +} is a space, as in a form
   * @return the bytes
   * @throws IllegalArgumentException for a {@code %} not followed by two hex digits; the message
   *     names the index, never the part
   */
  public static byte[] decode(String raw, boolean plusIsSpace) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '+' && plusIsSpace) {
        bytes.write(' ');
      } else if (c == '%') {
        int hi = i + 1 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
        int lo = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 2), 16) : -1;
        if (hi < 0 || lo < 0) {
          throw new IllegalArgumentException(
              "malformed percent-encoding at index "
                  + i
                  + ": '%' must be followed by two hex digits");
        }
        bytes.write(hi << 4 | lo);
        i += 2;
      } else if (c <= 0xff) {
        bytes.write(c);
      } else {
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    return bytes.toByteArray();
  }
}
