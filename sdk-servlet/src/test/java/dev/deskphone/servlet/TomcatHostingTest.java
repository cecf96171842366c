package dev.deskphone.servlet;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The hosting suite with {@link EndpointServlet} in embedded Tomcat 11. */
class TomcatHostingTest extends EndpointHostingSuite {
  @TempDir static Path tomcatBase;

  @Override
  EndpointHost host() {
    return new TomcatHost(tomcatBase);
  }
}
