package dev.deskphone.servlet;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The peer of a request from the address text a container gives ({@code getRemoteAddr}), without
 * ever asking DNS: {@link InetAddress#getByName} looks up anything that is not an IP literal.
 */
final class Peers {
  static final InetSocketAddress UNKNOWN = new InetSocketAddress(anyAddress(), 0);

  private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
  private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");

  private Peers() {}

  /**
   * The address and port (0 if the port is not one), or {@link #UNKNOWN} when the text is not an IP
   * address.
   */
  static InetSocketAddress of(String address, int port) {
    if (address == null || address.isEmpty()) {
      return UNKNOWN;
    }
    char first = address.charAt(0);
    boolean literal =
        IPV4.matcher(address).matches()
            // An IPv6 literal, or an UnknownHostException: getByName looks up no text that
            // starts with a hex digit, ':' or '[' and holds a ':'.
            || (address.indexOf(':') >= 0
                && (Character.digit(first, 16) >= 0 || first == ':' || first == '['));
    if (!literal) {
      return UNKNOWN;
    }
    try {
      return new InetSocketAddress(
          InetAddress.getByName(address), port >= 0 && port <= 0xffff ? port : 0);
    } catch (UnknownHostException e) {
      return UNKNOWN;
    }
  }

  private static InetAddress anyAddress() {
    try {
      return InetAddress.getByAddress(new byte[4]);
    } catch (UnknownHostException e) {
      throw new AssertionError("four bytes are an IPv4 address", e);
    }
  }
}
