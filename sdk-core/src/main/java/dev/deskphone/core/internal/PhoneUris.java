package dev.deskphone.core.internal;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/** The SDK's rules for a phone's URI, shared by the request type and the vendors' clients. */
public final class PhoneUris {
  private PhoneUris() {}

  /**
   * Checks an absolute {@code http} or {@code https} URI with a host, no user-info and no fragment.
   *
   * @return {@code uri}
   * @throws IllegalArgumentException otherwise; the message never shows user-info
   */
  public static URI check(URI uri) {
    Objects.requireNonNull(uri, "uri");
    String scheme = uri.getScheme();
    if (scheme == null
        || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
        || uri.isOpaque()) {
      throw new IllegalArgumentException(
          "the phone URI must be an absolute http or https URI, was " + Checks.quote(safe(uri)));
    }
    if (hasUserInfo(uri)) {
      throw new IllegalArgumentException(
          "the phone URI must not carry user-info (credentials): give credentials to the client"
              + " builder instead; URI host was "
              + Checks.quote(String.valueOf(uri.getHost())));
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException(
          "the phone URI has no valid host name or address: " + Checks.quote(safe(uri)));
    }
    if (uri.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "the phone URI must not have a #fragment: encode '#' as %23; was "
              + Checks.quote(safe(uri)));
    }
    return uri;
  }

  /**
   * Checks a phone's web server root as a client builder takes it: {@link #check} and no path
   * beyond {@code /}, no query.
   *
   * @param uri the URI
   * @param example an example for the message, such as {@code http://10.0.0.5}
   * @return {@code uri}
   * @throws IllegalArgumentException otherwise
   */
  public static URI root(URI uri, String example) {
    check(uri);
    String path = uri.getRawPath();
    if ((path != null && !path.isEmpty() && !path.equals("/")) || uri.getRawQuery() != null) {
      throw new IllegalArgumentException(
          "the phone URI must be the web server's root, such as "
              + example
              + ", was "
              + Checks.quote(phoneOf(uri) + (path == null ? "" : path))
              + (uri.getRawQuery() != null ? " with a query" : ""));
    }
    return uri;
  }

  /** The phone a URI addresses, as {@code scheme://host:port} with the default port filled in. */
  public static String phoneOf(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    int port = uri.getPort();
    if (port < 0) {
      port = "https".equals(scheme) ? 443 : 80;
    }
    return scheme + "://" + uri.getHost() + ":" + port;
  }

  private static String safe(URI uri) {
    return hasUserInfo(uri) ? "(URI with user-info, not shown)" : uri.toString();
  }

  /**
   * Whether the URI carries user-info, including where {@code java.net.URI} parses none because the
   * authority is not a valid server ({@code http://user:pass@phone_1/}) or the URI is opaque.
   */
  private static boolean hasUserInfo(URI uri) {
    String authority = uri.isOpaque() ? uri.getRawSchemeSpecificPart() : uri.getRawAuthority();
    return uri.getRawUserInfo() != null || (authority != null && authority.indexOf('@') >= 0);
  }
}
