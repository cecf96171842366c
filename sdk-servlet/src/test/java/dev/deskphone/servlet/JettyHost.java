package dev.deskphone.servlet;

import dev.deskphone.core.server.PhoneEndpoint;
import jakarta.servlet.http.HttpServlet;
import java.net.InetSocketAddress;
import java.net.URI;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** {@link EndpointServlet} in Jetty 12 (ee10) on 127.0.0.1, mounted at {@code /sendurl/*}. */
final class JettyHost implements EndpointHost {

  @Override
  public Hosted start(PhoneEndpoint endpoint) throws Exception {
    // docs:jetty
    Server server = new Server(new InetSocketAddress("127.0.0.1", 0)); // port 0: any free one
    ServletContextHandler context = new ServletContextHandler("/");
    EndpointServlet servlet = new EndpointServlet(endpoint); // endpoint: e.g. a SendUrlEndpoint
    context.addServlet(new ServletHolder(servlet), "/sendurl/*");
    server.setHandler(context);
    server.start();
    // docs:end
    return hosted(server, "/sendurl/");
  }

  /** Serves {@code servlet} at {@code mapping}, for a servlet made other than the docs show. */
  static Hosted serve(HttpServlet servlet, String mapping) throws Exception {
    Server server = new Server(new InetSocketAddress("127.0.0.1", 0));
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServlet(new ServletHolder(servlet), mapping);
    server.setHandler(context);
    server.start();
    return hosted(server, "/");
  }

  private static Hosted hosted(Server server, String path) {
    int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    return new Hosted(URI.create("http://127.0.0.1:" + port + path), server::stop);
  }
}
