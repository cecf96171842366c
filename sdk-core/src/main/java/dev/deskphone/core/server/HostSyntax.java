package dev.deskphone.core.server;

import dev.deskphone.core.internal.PercentEncoding;
import java.util.HexFormat;

/**
 * The grammar of a Host header value and of the authority of an absolute-form target: RFC 9110's
 * {@code uri-host [ ":" port ]}, where {@code uri-host} is RFC 3986's {@code IP-literal} (an IPv6
 * address or {@code IPvFuture} in brackets, no zone identifier) or {@code reg-name} (which also
 * covers a dotted IPv4 address), and {@code port} is {@code *DIGIT}. No userinfo, no whitespace.
 */
final class HostSyntax {
  private static final String SUB_DELIMS = "!$&'()*+,;=";

  private HostSyntax() {}

  /**
   * Whether {@code value} is {@code uri-host [ ":" port ]}.
   *
   * @param hostRequired whether an empty {@code uri-host} is refused, as in an {@code http} URI
   */
  static boolean isHostAndPort(String value, boolean hostRequired) {
    int port;
    if (value.startsWith("[")) {
      int close = value.indexOf(']');
      if (close < 0 || !isIpLiteral(value.substring(1, close))) {
        return false;
      }
      port = close + 1;
    } else {
      int colon = value.indexOf(':');
      port = colon < 0 ? value.length() : colon;
      if (!isRegName(value.substring(0, port)) || (hostRequired && port == 0)) {
        return false;
      }
    }
    if (port == value.length()) {
      return true;
    }
    return value.charAt(port) == ':' && isDigits(value, port + 1, value.length(), 0);
  }

  private static boolean isRegName(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%') {
        if (i + 2 >= s.length()
            || !HexFormat.isHexDigit(s.charAt(i + 1))
            || !HexFormat.isHexDigit(s.charAt(i + 2))) {
          return false;
        }
        i += 2;
      } else if (!PercentEncoding.isUnreserved(c) && SUB_DELIMS.indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean isIpLiteral(String s) {
    if (s.startsWith("v") || s.startsWith("V")) {
      // IPvFuture: "v" 1*HEXDIG "." 1*( unreserved / sub-delims / ":" )
      int dot = s.indexOf('.');
      if (dot < 2 || dot == s.length() - 1) {
        return false;
      }
      for (int i = 1; i < dot; i++) {
        if (!HexFormat.isHexDigit(s.charAt(i))) {
          return false;
        }
      }
      for (int i = dot + 1; i < s.length(); i++) {
        char c = s.charAt(i);
        if (!PercentEncoding.isUnreserved(c) && SUB_DELIMS.indexOf(c) < 0 && c != ':') {
          return false;
        }
      }
      return true;
    }
    return isIpv6(s);
  }

  /** RFC 3986 {@code IPv6address}: eight 16-bit pieces, {@code ::} once for one or more zeros. */
  private static boolean isIpv6(String s) {
    int gap = s.indexOf("::");
    if (gap < 0) {
      return pieces(s, true) == 8;
    }
    if (s.indexOf("::", gap + 1) >= 0) {
      return false;
    }
    String before = s.substring(0, gap);
    String after = s.substring(gap + 2);
    int head = before.isEmpty() ? 0 : pieces(before, false);
    int tail = after.isEmpty() ? 0 : pieces(after, true);
    return head >= 0 && tail >= 0 && head + tail <= 7;
  }

  /**
   * How many 16-bit pieces {@code s} holds (colon-separated {@code h16}s, the last one a dotted
   * IPv4 address worth two if {@code ipv4Last}), or -1 if it is not such a list.
   */
  private static int pieces(String s, boolean ipv4Last) {
    int count = 0;
    int from = 0;
    while (true) {
      int colon = s.indexOf(':', from);
      int to = colon < 0 ? s.length() : colon;
      if (colon < 0 && ipv4Last && s.indexOf('.', from) >= 0) {
        return isIpv4(s, from) ? count + 2 : -1;
      }
      if (to == from || to - from > 4) {
        return -1;
      }
      for (int i = from; i < to; i++) {
        if (!HexFormat.isHexDigit(s.charAt(i))) {
          return -1;
        }
      }
      count++;
      if (colon < 0) {
        return count;
      }
      from = colon + 1;
    }
  }

  /** RFC 3986 {@code IPv4address} from {@code from} to the end: four dec-octets, no leading 0. */
  private static boolean isIpv4(String s, int from) {
    for (int octet = 0; octet < 4; octet++) {
      int dot = s.indexOf('.', from);
      int to = octet < 3 ? dot : s.length();
      if (to < 0 || (octet == 3 && dot >= 0) || !isDigits(s, from, to, 1)) {
        return false;
      }
      if (to - from > 3 || (to - from > 1 && s.charAt(from) == '0')) {
        return false;
      }
      if (Integer.parseInt(s, from, to, 10) > 255) {
        return false;
      }
      from = to + 1;
    }
    return true;
  }

  private static boolean isDigits(String s, int from, int to, int min) {
    if (to - from < min) {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
