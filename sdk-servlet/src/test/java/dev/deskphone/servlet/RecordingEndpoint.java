package dev.deskphone.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskphone.core.server.EndpointRequest;
import dev.deskphone.core.server.EndpointResponse;
import dev.deskphone.core.server.PhoneEndpoint;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An endpoint that records every request and answers as the test says ({@code 200 ok} first). */
final class RecordingEndpoint implements PhoneEndpoint {
  private final List<EndpointRequest> requests = new CopyOnWriteArrayList<>();
  private volatile PhoneEndpoint answers = request -> EndpointResponse.text(200, "ok");

  @Override
  public EndpointResponse handle(EndpointRequest request) {
    requests.add(request);
    return answers.handle(request);
  }

  /** From now on, answers as {@code answers} does. */
  void answerWith(PhoneEndpoint answers) {
    this.answers = answers;
  }

  /** Every request so far, in the order they came. */
  List<EndpointRequest> requests() {
    return List.copyOf(requests);
  }

  /** The one request so far; fails the test if there were none or more. */
  EndpointRequest onlyRequest() {
    assertThat(requests).hasSize(1);
    return requests.get(0);
  }

  /** Forgets the requests and answers {@code 200 ok} again. */
  void reset() {
    requests.clear();
    answers = request -> EndpointResponse.text(200, "ok");
  }
}
