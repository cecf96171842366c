package dev.deskphone.servlet;

/** The hosting suite with {@link EndpointServlet} in Jetty 12 (ee10). */
class JettyHostingTest extends EndpointHostingSuite {

  @Override
  EndpointHost host() {
    return new JettyHost();
  }
}
