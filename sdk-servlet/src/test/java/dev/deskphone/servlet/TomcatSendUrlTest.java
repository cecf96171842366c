package dev.deskphone.servlet;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The Send URL suite with {@link EndpointServlet} in embedded Tomcat 11. */
class TomcatSendUrlTest extends SendUrlHostingSuite {
  @TempDir static Path tomcatBase;

  @Override
  EndpointHost host() {
    return new TomcatHost(tomcatBase);
  }
}
