package dev.deskphone.servlet;

import dev.deskphone.core.PhoneHeaders;
import dev.deskphone.core.server.EndpointRequest;
import dev.deskphone.core.server.EndpointResponse;
import dev.deskphone.core.server.PhoneEndpoint;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.util.Enumeration;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one {@link PhoneEndpoint} as a servlet, so that an application that already runs a servlet
 * container (Jetty, Tomcat, Spring Boot) answers phones on its own port:
 *
 * <pre>{@code
 * context.addServlet(new ServletHolder(new EndpointServlet(endpoint)), "/sendurl/*");
 * }</pre>
 *
 * <p>Each request becomes an {@link EndpointRequest}:
 *
 * <ul>
 *   <li>the method, whichever it is ({@code HEAD} and {@code OPTIONS} too: the endpoint decides);
 *   <li>the target: the request URI as the client sent it, percent-encoding kept, context path and
 *       servlet path included, then {@code ?} and the raw query if there is one;
 *   <li>every header field as the container gives it (Jetty writes a {@code Content-Type}'s charset
 *       in lower case), grouped by name in the order the container lists the names;
 *   <li>the body, at most {@code maxBodyBytes} (64 KiB unless given): a declared {@code
 *       Content-Length} above that, or a body that turns out longer, gets {@code 413} and the
 *       endpoint is not called;
 *   <li>the peer: the container's remote address and port (a proxy's, unless the container is set
 *       to trust forwarded headers), or {@code 0.0.0.0} port 0 when the container gives no IP
 *       address. No name is ever looked up.
 * </ul>
 *
 * A request that cannot form an {@code EndpointRequest} (a target beyond printable ASCII, a header
 * value with a control character) gets {@code 400}, and the endpoint is not called.
 *
 * <p>The {@link EndpointResponse}'s status, header fields and body are written as they are, with a
 * {@code Content-Length} of the body's byte count. An answer to {@code HEAD} carries that {@code
 * Content-Length} and no body; a {@code 204} or {@code 304} carries neither. If the endpoint throws
 * a {@link RuntimeException} or returns null, the client gets {@code 500} with a short fixed text,
 * never the exception's message; the exception's class is logged at WARN, its stack trace at DEBUG,
 * on the logger {@code dev.deskphone.servlet.EndpointServlet}.
 *
 * <p>Threading: {@link PhoneEndpoint#handle} runs on the container's request thread, once per
 * request and for many requests at once; it may block that thread. The servlet keeps nothing but
 * the endpoint and the cap: no session, no cookie, nothing from one request to the next. Immutable
 * and thread-safe.
 *
 * <p>Bounding and deadlines are the container's job. How many requests run at once is its thread
 * pool: Jetty's {@code QueuedThreadPool} {@code maxThreads} (a {@code QoSHandler} in front of the
 * context makes the rest wait, then answers {@code 503}), Tomcat's connector {@code maxThreads},
 * {@code maxConnections} and {@code acceptCount} (or a {@code SemaphoreValve}), Spring Boot's
 * {@code server.jetty.threads.max} and {@code server.tomcat.threads.max}. How long a slow client
 * may take between bytes is the connector's idle timeout (Jetty's {@code ServerConnector} {@code
 * idleTimeout}, Tomcat's {@code connectionTimeout}). Neither container stops an endpoint that runs
 * too long; Tomcat's {@code StuckThreadDetectionValve} with {@code interruptThreadThreshold}
 * interrupts it. The SDK's own server does all of this itself.
 *
 * <p>Register an instance, not the class name: there is no no-argument constructor. Not
 * serializable, though {@link HttpServlet} is.
 */
public final class EndpointServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(EndpointServlet.class);
  private static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;
  private static final int LARGEST_MAX_BODY_BYTES = 16 * 1024 * 1024;
  private static final EndpointResponse BAD_REQUEST =
      EndpointResponse.text(400, "the request target or a header field is not allowed");
  private static final EndpointResponse FAILED =
      EndpointResponse.text(500, "the request could not be served");

  // Transient because HttpServlet is Serializable; writeObject refuses to serialize anyway.
  private final transient PhoneEndpoint endpoint;

  /** The largest request body read, in bytes. */
  private final int maxBodyBytes;

  /**
   * A servlet for {@code endpoint} that reads request bodies of at most 64 KiB.
   *
   * @param endpoint the endpoint every request goes to
   */
  public EndpointServlet(PhoneEndpoint endpoint) {
    this(endpoint, DEFAULT_MAX_BODY_BYTES);
  }

  /**
   * A servlet for {@code endpoint} that reads request bodies of at most {@code maxBodyBytes}.
   *
   * @param endpoint the endpoint every request goes to
   * @param maxBodyBytes the largest body read, 0 (no body at all) to 16 MiB; a longer one gets
   *     {@code 413}
   * @throws IllegalArgumentException if {@code maxBodyBytes} is out of that range
   */
  public EndpointServlet(PhoneEndpoint endpoint, int maxBodyBytes) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    if (maxBodyBytes < 0 || maxBodyBytes > LARGEST_MAX_BODY_BYTES) {
      throw new IllegalArgumentException(
          "maxBodyBytes must be 0 to " + LARGEST_MAX_BODY_BYTES + " (16 MiB), was " + maxBodyBytes);
    }
    this.maxBodyBytes = maxBodyBytes;
  }

  /**
   * Answers one request through the endpoint, as the class describes.
   *
   * @throws IOException if the container cannot read the request or write the answer, as when the
   *     client goes away
   */
  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    boolean head = "HEAD".equals(request.getMethod());
    // A declared length over the cap is refused before a byte of the body is read.
    byte[] body =
        request.getContentLengthLong() > maxBodyBytes
            ? null
            : request.getInputStream().readNBytes(maxBodyBytes + 1);
    if (body == null || body.length > maxBodyBytes) {
      write(response, tooLarge(), head);
      // Out at once, before the container drains or drops the rest of the body.
      response.flushBuffer();
      return;
    }
    EndpointRequest endpointRequest;
    try {
      endpointRequest =
          EndpointRequest.of(
              request.getMethod(),
              target(request),
              headers(request),
              body,
              Peers.of(request.getRemoteAddr(), request.getRemotePort()));
    } catch (IllegalArgumentException e) {
      write(response, BAD_REQUEST, head);
      return;
    }
    write(response, answer(endpointRequest), head);
  }

  private EndpointResponse tooLarge() {
    return EndpointResponse.text(413, "the request body may be at most " + maxBodyBytes + " bytes");
  }

  private EndpointResponse answer(EndpointRequest request) {
    EndpointResponse answer;
    try {
      answer = endpoint.handle(request);
    } catch (RuntimeException e) {
      // Only the class: nothing checked what the message may hold.
      LOG.warn("{} failed in the endpoint: {}", request, e.getClass().getName());
      LOG.debug("Endpoint failure", e);
      return FAILED;
    }
    if (answer == null) {
      LOG.warn("{} got no answer: the endpoint returned null", request);
      return FAILED;
    }
    return answer;
  }

  private static String target(HttpServletRequest request) {
    String query = request.getQueryString();
    return query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query;
  }

  private static PhoneHeaders headers(HttpServletRequest request) {
    Enumeration<String> names = request.getHeaderNames();
    if (names == null) {
      return PhoneHeaders.empty();
    }
    PhoneHeaders.Builder headers = PhoneHeaders.builder();
    Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    while (names.hasMoreElements()) {
      String name = names.nextElement();
      if (seen.add(name)) {
        for (Enumeration<String> values = request.getHeaders(name); values.hasMoreElements(); ) {
          headers.add(name, values.nextElement());
        }
      }
    }
    return headers.build();
  }

  private static void write(HttpServletResponse response, EndpointResponse answer, boolean head)
      throws IOException {
    int status = answer.status();
    response.setStatus(status);
    answer.headers().forEach(response::addHeader);
    if (status == 204 || status == 304) {
      return;
    }
    response.setContentLength(answer.bodyLength());
    if (!head && answer.bodyLength() > 0) {
      response.getOutputStream().write(answer.body());
    }
  }

  /**
   * Refuses: the servlet holds a live endpoint, which cannot be serialized.
   *
   * @param out not written to
   * @throws IOException always, a {@link NotSerializableException}
   */
  private void writeObject(ObjectOutputStream out) throws IOException {
    throw new NotSerializableException(EndpointServlet.class.getName() + " holds a live endpoint");
  }
}
