/**
 * Mounts any {@link dev.deskphone.core.server.PhoneEndpoint} in a Jakarta Servlet 6 container
 * (Jetty 12 ee10, Tomcat 10.1 and later, Spring Boot 3): {@link
 * dev.deskphone.servlet.EndpointServlet}. The container brings the servlet API; the SDK's own
 * server needs none of this.
 *
 * <p>Examples: <a
 * href="https://github.com/deskphone/deskphone-sdk/blob/main/docs/servlet.md">docs/servlet.md</a>
 * and the README's <a
 * href="https://github.com/deskphone/deskphone-sdk#architecture">Architecture</a> section (compiled
 * snippets, copied from tests).
 */
module dev.deskphone.servlet {
  requires transitive dev.deskphone.core;
  requires transitive jakarta.servlet;
  requires org.slf4j;

  exports dev.deskphone.servlet;
}
