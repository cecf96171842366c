package dev.deskphone.servlet;

/** The snom event suite with {@link EndpointServlet} in Jetty 12 (ee10). */
class JettySnomEventTest extends SnomEventHostingSuite {

  @Override
  EndpointHost host() {
    return new JettyHost();
  }
}
