package dev.deskphone.core.internal.auth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the challenges of {@code WWW-Authenticate} header values (RFC 9110 §11.3, §5.6).
 *
 * <p>Tolerant of what real servers send: several header values; several challenges in one value;
 * auth-params in any order; names in any case; whitespace around {@code =} and {@code ,}; empty
 * list elements ({@code , ,}); quoted-strings with backslash escapes (removed on read); token68
 * ({@code Negotiate abc==}); and unquoted values holding characters a token may not, such as {@code
 * nonce=ab/cd==}.
 *
 * <p>Strict about safety, and it never throws for hostile input: it returns the challenges that
 * parsed safely and drops the rest.
 *
 * <ul>
 *   <li>A challenge is dropped if a param value holds a control character other than TAB (CR, LF
 *       and NUL included; {@code PhoneHeaders} could not carry it back), if a param name repeats
 *       within it, or if it has a syntax error. After a syntax error, parsing resumes at the next
 *       list element that starts a new challenge.
 *   <li>An unterminated quoted-string drops its challenge and ends that header value.
 *   <li>A header value longer than {@value #MAX_VALUE_LENGTH} characters is ignored whole.
 *   <li>At most {@value #MAX_CHALLENGES} challenges are returned; the rest are dropped.
 * </ul>
 *
 * <p>Work is linear in the input. Stateless and thread-safe.
 */
public final class ChallengeParser {

  /** The longest header value read, in characters: {@value}; longer values are ignored. */
  public static final int MAX_VALUE_LENGTH = 8 * 1024;

  /** The most challenges returned: {@value}; later ones are dropped. */
  public static final int MAX_CHALLENGES = 32;

  private ChallengeParser() {}

  /**
   * Reads every challenge of the {@code WWW-Authenticate} header values, in order.
   *
   * @param wwwAuthenticateValues the header values as received, one element per field
   * @return the challenges that parsed safely, at most {@value #MAX_CHALLENGES}; never null
   * @throws NullPointerException if the list or an element is null
   */
  public static List<Challenge> parse(List<String> wwwAuthenticateValues) {
    Objects.requireNonNull(wwwAuthenticateValues, "wwwAuthenticateValues");
    for (String value : wwwAuthenticateValues) {
      Objects.requireNonNull(value, "WWW-Authenticate value");
    }
    List<Challenge> out = new ArrayList<>();
    for (String value : wwwAuthenticateValues) {
      if (out.size() >= MAX_CHALLENGES) {
        break;
      }
      if (value.length() <= MAX_VALUE_LENGTH) {
        new Cursor(value, out).readAll();
      }
    }
    return List.copyOf(out);
  }

  /** Whether {@code s} is a token68: 1*( ALPHA / DIGIT / "-._~+/" ) *"=". */
  static boolean isToken68(String s) {
    int end = token68End(s, 0);
    return end == s.length() && end > 0;
  }

  private static int token68End(String s, int from) {
    int p = from;
    while (p < s.length() && isToken68Char(s.charAt(p))) {
      p++;
    }
    if (p == from) {
      return from;
    }
    while (p < s.length() && s.charAt(p) == '=') {
      p++;
    }
    return p;
  }

  private static boolean isToken68Char(char c) {
    return isAlphaNum(c) || "-._~+/".indexOf(c) >= 0;
  }

  private static boolean isTokenChar(char c) {
    return isAlphaNum(c) || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
  }

  private static boolean isAlphaNum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  /** Characters a lenient unquoted value may hold: VCHAR and obs-text, but no '"' or ','. */
  private static boolean isBareValueChar(char c) {
    return (c > 0x20 && c < 0x7f && c != '"' && c != ',') || (c >= 0x80 && c <= 0xff);
  }

  /** A control character other than TAB: what no header value may carry back. */
  static boolean isUnsafe(char c) {
    return (c < 0x20 && c != '\t') || c == 0x7f;
  }

  private static boolean hasUnsafe(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (isUnsafe(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** Reads one header value. */
  private static final class Cursor {
    private final String s;
    private final List<Challenge> out;
    private int pos;

    Cursor(String s, List<Challenge> out) {
      this.s = s;
      this.out = out;
    }

    void readAll() {
      while (out.size() < MAX_CHALLENGES) {
        skipSeparators();
        if (pos >= s.length()) {
          return;
        }
        readChallenge();
      }
    }

    /** Reads one challenge from a non-separator character; leaves pos at the next element. */
    private void readChallenge() {
      String scheme = token();
      if (scheme == null) {
        recover();
        return;
      }
      int afterScheme = pos;
      skipWhitespace();
      if (atEndOfElement()) {
        add(new Challenge(scheme, Optional.empty(), Map.of()));
        return;
      }
      if (pos == afterScheme) {
        recover(); // RFC 9110 wants 1*SP between the scheme and what follows
        return;
      }
      int end = token68End(s, pos);
      if (end > pos && atEndOfElement(skipWhitespace(end))) {
        String token68 = s.substring(pos, end);
        pos = skipWhitespace(end);
        add(new Challenge(scheme, Optional.of(token68), Map.of()));
        return;
      }
      readParams(scheme);
    }

    private void readParams(String scheme) {
      Map<String, String> params = new LinkedHashMap<>();
      boolean safe = true;
      while (true) {
        String name = token();
        skipWhitespace();
        if (name == null || !skip('=')) {
          recover();
          return;
        }
        skipWhitespace();
        String value;
        if (pos < s.length() && s.charAt(pos) == '"') {
          value = quotedString();
          if (value == null) {
            pos = s.length(); // unterminated: nothing after it can be trusted
            return;
          }
        } else {
          value = bareValue();
          if (value == null) {
            recover();
            return;
          }
        }
        safe &= !hasUnsafe(value);
        safe &= params.putIfAbsent(name.toLowerCase(Locale.ROOT), value) == null;
        skipWhitespace();
        if (pos < s.length() && s.charAt(pos) != ',') {
          recover();
          return;
        }
        skipSeparators();
        if (pos >= s.length() || !startsParam(pos)) {
          break;
        }
      }
      if (safe) {
        add(Challenge.of(scheme, params));
      }
    }

    private void add(Challenge challenge) {
      if (out.size() < MAX_CHALLENGES) {
        out.add(challenge);
      }
    }

    /**
     * Skips the rest of a broken challenge: up to the next comma outside a quoted-string, then
     * every element that is an auth-param, so that parsing resumes at the next challenge.
     */
    private void recover() {
      do {
        skipElement();
        skipSeparators();
      } while (pos < s.length() && startsParam(pos));
    }

    private void skipElement() {
      while (pos < s.length() && s.charAt(pos) != ',') {
        if (s.charAt(pos) == '"') {
          if (quotedString() == null) {
            pos = s.length();
          }
        } else {
          pos++;
        }
      }
    }

    /** Whether an auth-param ({@code token BWS "="}) starts at {@code p}. */
    private boolean startsParam(int p) {
      int q = p;
      while (q < s.length() && isTokenChar(s.charAt(q))) {
        q++;
      }
      if (q == p) {
        return false;
      }
      q = skipWhitespace(q);
      return q < s.length() && s.charAt(q) == '=';
    }

    private String token() {
      int start = pos;
      while (pos < s.length() && isTokenChar(s.charAt(pos))) {
        pos++;
      }
      return pos == start ? null : s.substring(start, pos);
    }

    private String bareValue() {
      int start = pos;
      while (pos < s.length() && isBareValueChar(s.charAt(pos))) {
        pos++;
      }
      return pos == start ? null : s.substring(start, pos);
    }

    /** Reads a quoted-string at pos, unescaped; null if it is unterminated. */
    private String quotedString() {
      StringBuilder value = new StringBuilder();
      pos++; // opening quote
      while (pos < s.length()) {
        char c = s.charAt(pos++);
        if (c == '"') {
          return value.toString();
        }
        if (c == '\\') {
          if (pos >= s.length()) {
            return null;
          }
          c = s.charAt(pos++);
        }
        value.append(c);
      }
      return null;
    }

    private boolean skip(char c) {
      if (pos < s.length() && s.charAt(pos) == c) {
        pos++;
        return true;
      }
      return false;
    }

    private void skipSeparators() {
      while (pos < s.length()
          && (s.charAt(pos) == ',' || s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
        pos++;
      }
    }

    private void skipWhitespace() {
      pos = skipWhitespace(pos);
    }

    private int skipWhitespace(int p) {
      while (p < s.length() && (s.charAt(p) == ' ' || s.charAt(p) == '\t')) {
        p++;
      }
      return p;
    }

    private boolean atEndOfElement() {
      return atEndOfElement(pos);
    }

    private boolean atEndOfElement(int p) {
      return p >= s.length() || s.charAt(p) == ',';
    }
  }
}
