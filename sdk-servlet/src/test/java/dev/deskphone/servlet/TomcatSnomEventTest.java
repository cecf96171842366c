package dev.deskphone.servlet;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The snom event suite with {@link EndpointServlet} in embedded Tomcat 11. */
class TomcatSnomEventTest extends SnomEventHostingSuite {
  @TempDir static Path tomcatBase;

  @Override
  EndpointHost host() {
    return new TomcatHost(tomcatBase);
  }
}
