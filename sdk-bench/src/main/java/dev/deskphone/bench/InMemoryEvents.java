package dev.deskphone.bench;

import dev.deskphone.core.PhoneHeaders;
import dev.deskphone.core.server.EndpointRequest;
import dev.deskphone.core.server.EndpointResponse;
import dev.deskphone.snom.SnomEvent;
import dev.deskphone.snom.SnomEventEndpoint;
import dev.deskphone.snom.SnomEventType;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * {@link SnomEvent}s made as the SDK makes them from a phone's request, without a socket: an action
 * URL of a {@link SnomEventEndpoint} filled as a phone fills it ({@link FiredUrl}) and handed to
 * {@link SnomEventEndpoint#handle} in memory. Its one dispatch thread hands them to the current
 * consumer in the order they were fired. Not thread-safe: one thread fires.
 */
final class InMemoryEvents implements AutoCloseable {
  private static final URI BASE = URI.create("http://127.0.0.1:8080/snom/events");
  private static final InetSocketAddress PEER =
      new InetSocketAddress(InetAddress.getLoopbackAddress(), 40000);
  private static final long FLUSH_NANOS = TimeUnit.SECONDS.toNanos(60);

  private final SnomEventEndpoint endpoint;
  private volatile Consumer<SnomEvent> consumer = event -> {};
  private long fired;

  InMemoryEvents() {
    this.endpoint =
        SnomEventEndpoint.builder()
            .dispatchThreads(1)
            .maxPendingEvents(10_000_000)
            .listener(event -> consumer.accept(event))
            .build();
  }

  /** Sends the events fired from now on to {@code next}; only after {@link #flush()}. */
  void to(Consumer<SnomEvent> next) {
    this.consumer = next;
  }

  /** Phone number {@code n} fires {@code type} for {@code callId} with {@code ongoing} calls. */
  void fire(int n, SnomEventType type, String callId, int ongoing) {
    String url = endpoint.actionUrl(FiredUrl.ip(n), type, BASE);
    EndpointRequest request =
        EndpointRequest.of(
            "GET",
            FiredUrl.target(url, n, callId, ongoing),
            PhoneHeaders.empty(),
            new byte[0],
            PEER);
    EndpointResponse answer = endpoint.handle(request);
    if (answer.status() != 200) {
      throw new IllegalStateException("the endpoint answered " + answer.status());
    }
    fired++;
  }

  /** Waits until the consumer has had every event fired so far. */
  void flush() {
    long giveUp = System.nanoTime() + FLUSH_NANOS;
    while (endpoint.counters().delivered() < fired) {
      if (System.nanoTime() > giveUp) {
        throw new IllegalStateException("events not delivered: " + endpoint.counters());
      }
      LockSupport.parkNanos(100_000);
    }
  }

  @Override
  public void close() {
    endpoint.close();
  }
}
