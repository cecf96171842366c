package dev.deskphone.bench;

import java.net.http.HttpClient;

/** What the baselines share: the hand-written client a user would write without the SDK. */
final class Loopback {
  private Loopback() {}

  /**
   * A plain JDK client set up as the SDK's transport is (HTTP/1.1, no redirects, no proxy), so that
   * a difference is the SDK's own work, not a different protocol.
   */
  static HttpClient rawClient() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .proxy(HttpClient.Builder.NO_PROXY)
        .build();
  }
}
