package dev.deskphone.servlet;

/** The Send URL suite with {@link EndpointServlet} in Jetty 12 (ee10). */
class JettySendUrlTest extends SendUrlHostingSuite {

  @Override
  EndpointHost host() {
    return new JettyHost();
  }
}
