package dev.deskphone.core.server;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test endpoint that records each request and answers {@code 200 text/plain}: the method, the
 * target and, after a space, the body if there is one, then a line end.
 */
final class EchoEndpoint implements PhoneEndpoint {
  private final List<EndpointRequest> requests = new CopyOnWriteArrayList<>();

  @Override
  public EndpointResponse handle(EndpointRequest request) {
    requests.add(request);
    String body = new String(request.body(), StandardCharsets.UTF_8);
    return EndpointResponse.text(
        200, request.method() + " " + request.target() + (body.isEmpty() ? "" : " " + body));
  }

  /** The requests so far, in order. */
  List<EndpointRequest> requests() {
    return List.copyOf(requests);
  }
}
