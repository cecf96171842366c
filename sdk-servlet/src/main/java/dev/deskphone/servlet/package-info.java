/**
 * {@link dev.deskphone.servlet.EndpointServlet}: a {@link dev.deskphone.core.server.PhoneEndpoint}
 * as a servlet, for an application that already runs a servlet container. Register an instance
 * (Jetty's {@code ServletHolder}, Tomcat's {@code Tomcat.addServlet}, Spring Boot's {@code
 * ServletRegistrationBean}); docs/servlet.md shows each.
 */
package dev.deskphone.servlet;
