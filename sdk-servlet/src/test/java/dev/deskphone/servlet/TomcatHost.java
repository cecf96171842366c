package dev.deskphone.servlet;

import dev.deskphone.core.server.PhoneEndpoint;
import java.net.URI;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;

/**
 * {@link EndpointServlet} in embedded Tomcat 11 on 127.0.0.1, mounted at {@code /sendurl/*}, with
 * its work files below a given directory.
 */
final class TomcatHost implements EndpointHost {
  // Tomcat logs through java.util.logging: INFO lines at every start and stop, and on stop a
  // WARNING that its leak checks want java.base opened to them. The static fields keep the levels:
  // the log manager holds its loggers weakly.
  private static final Logger TOMCAT_LOGS = Logger.getLogger("org.apache");
  private static final Logger LEAK_CHECKS =
      Logger.getLogger("org.apache.catalina.loader.WebappClassLoaderBase");

  static {
    TOMCAT_LOGS.setLevel(Level.WARNING);
    LEAK_CHECKS.setLevel(Level.SEVERE);
  }

  private final Path baseDir;

  TomcatHost(Path baseDir) {
    this.baseDir = baseDir;
  }

  @Override
  public Hosted start(PhoneEndpoint endpoint) throws Exception {
    // docs:tomcat
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(baseDir.toString()); // Tomcat's work files
    tomcat.setPort(0); // any free port
    tomcat.getConnector().setProperty("address", "127.0.0.1");
    Context context = tomcat.addContext("", null);
    EndpointServlet servlet = new EndpointServlet(endpoint); // endpoint: e.g. a SendUrlEndpoint
    Tomcat.addServlet(context, "phones", servlet);
    context.addServletMapping("/sendurl/*", "phones");
    tomcat.start();
    // docs:end
    int port = tomcat.getConnector().getLocalPort();
    return new Hosted(
        URI.create("http://127.0.0.1:" + port + "/sendurl/"),
        () -> {
          tomcat.stop();
          tomcat.destroy();
        });
  }
}
