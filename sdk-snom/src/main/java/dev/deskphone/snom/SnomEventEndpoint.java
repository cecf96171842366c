package dev.deskphone.snom;

import dev.deskphone.core.PhoneHeaders;
import dev.deskphone.core.internal.Checks;
import dev.deskphone.core.server.EndpointRequest;
import dev.deskphone.core.server.EndpointResponse;
import dev.deskphone.core.server.EndpointServer;
import dev.deskphone.core.server.PhoneEndpoint;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbound side of snom action URLs: makes the URL each phone is configured with for each event,
 * and turns the requests the phones send into verified {@link SnomEvent}s for the listeners. A
 * {@link PhoneEndpoint}, free of any HTTP server: host it on an {@link EndpointServer} (at an exact
 * path such as {@code /snom/events}, or {@code /events/*}), in a servlet container with {@code
 * sdk-servlet}'s {@code EndpointServlet}, or behind any other server. It reads the query, never the
 * path.
 *
 * <pre>{@code
 * SnomEventEndpoint events = SnomEventEndpoint.builder()
 *     .keyFile(Path.of("events.key")) // the same key in every process that makes or checks URLs
 *     .listener(event -> log.info("{}", event))
 *     .build();
 * Map<String, String> settings =
 *     events.actionUrls("10.0.0.5", EnumSet.of(INCOMING, CONNECTED, DISCONNECTED), publicBase);
 * }</pre>
 *
 * <h2>URLs</h2>
 *
 * The public base (where the phones reach this endpoint, which behind NAT or a proxy differs from
 * the address the server binds), then a query: {@code e} the event's {@linkplain
 * SnomEventType#wireName() wire name}, {@code p} the phone id, {@code sig} the phone's secret, and
 * the runtime variables as {@code $name} tokens that the phone replaces when the event fires:
 *
 * <pre>
 * http://pbx.example:8080/snom/events?e=incoming&amp;p=10.0.0.5&amp;sig=Q2hhbmdlTWVQbGVhc2UhIQ
 *     &amp;ip=$phone_ip&amp;mac=$mac&amp;cid=$call-id&amp;l=$local&amp;r=$remote&amp;dr=$display_remote
 *     &amp;n=$nr_ongoing_calls
 * </pre>
 *
 * <table>
 *   <caption>Variables by event</caption>
 *   <tr><th>Events</th><th>Parameters (variable)</th></tr>
 *   <tr><td>every call event: incoming, outgoing, connected, disconnected, missed, offhook,
 *       onhook, hold, unhold, the transfers, blacklist</td>
 *       <td>{@code ip} ($phone_ip), {@code mac} ($mac), {@code cid} ($call-id), {@code l}
 *       ($local), {@code r} ($remote), {@code dr} ($display_remote), {@code n}
 *       ($nr_ongoing_calls); disconnected and missed add {@code cr} ($cancel_reason)</td></tr>
 *   <tr><td>longpress</td><td>{@code ip}, {@code mac}, {@code k} ($longpress_key)</td></tr>
 *   <tr><td>every other event (log on/off, reg failed, DND, redirection, ...)</td>
 *       <td>{@code ip}, {@code mac}, {@code u} ($active_user)</td></tr>
 * </table>
 *
 * <p>snom says these variables "don't work with all events", without saying which: every call event
 * carries the same call set, and whatever a phone leaves empty or does not replace comes out
 * absent. Parameter names are short because phones may limit a setting's length (unverified). Event
 * specific values without an accessor on {@link SnomEvent} are in {@link SnomEvent#parameters()}
 * under the names above.
 *
 * <h2>The secret</h2>
 *
 * Phones send action URLs without credentials, so each URL carries a per-phone secret: the first
 * 128 bits of HMAC-SHA256, under this endpoint's key, of a version byte and the phone id, as
 * base64url. The key is 32 random bytes made by the builder unless {@linkplain Builder#key(byte[])
 * given} or {@linkplain Builder#keyFile(Path) read from a file} ({@link #createKeyFile(Path)} makes
 * one): URLs made under a random key stop working when the process ends. The key and the secrets
 * never appear in {@link #toString()}, a log line or an exception message; the access log of {@link
 * EndpointServer} shows {@code sig} as {@code ***}.
 *
 * <h2>Answers</h2>
 *
 * <ul>
 *   <li>{@code 200} with an empty {@code text/plain} body for a verified event, at once: listeners
 *       run later on the dispatch threads (an XML body would be shown on the phone's screen as a
 *       minibrowser page; an empty one shows nothing). Also when the event had to be dropped
 *       because the backlog is full: the phone could do nothing about it, and it is counted and
 *       logged;
 *   <li>{@code 403} when {@code p} is missing or not a phone id, or {@code sig} is missing or not
 *       that phone's secret (compared in constant time); the event is not delivered, it is counted
 *       ({@link Counters#forged()}) and logged at most once per {@linkplain Builder#logInterval
 *       interval} without the secret;
 *   <li>{@code 400} for a malformed query: a parameter given twice, a {@code %} not followed by two
 *       hex digits, a query over 4096 characters, more than 32 parameters, a value over 1024
 *       characters, no event name; counted ({@link Counters#malformed()}) and logged likewise;
 *   <li>{@code 405} with {@code Allow: GET} for any other method;
 *   <li>{@code 503} after {@link #close()}.
 * </ul>
 *
 * <h2>Reading the query</h2>
 *
 * A phone writes the values it fills into the URL as they are, and whether it percent-encodes them
 * is unverified, so reading is lenient: {@code %XX} is decoded as UTF-8 (bytes that are not UTF-8
 * become U+FFFD), and {@code +} stays a plus, unlike in a form (PHP's {@code $_GET} and Python's
 * {@code parse_qs}, used by peer projects, would turn the {@code +} of a raw {@code +4930123} into
 * a space). A value that is empty or still the variable's own {@code $name} text (also as {@code
 * %24name}) is absent, from the accessors and from {@link SnomEvent#parameters()}; a {@code n} that
 * is not a number is absent from {@link SnomEvent#ongoingCalls()} and kept in the parameters.
 * Unknown event names and unknown parameters are kept; {@code sig} never is.
 *
 * <h2>Threads and lifecycle</h2>
 *
 * {@link #handle} never waits for a listener: it hands the event to a dispatcher and answers. The
 * dispatcher delivers on at most {@linkplain Builder#dispatchThreads(int) 4} daemon threads, one
 * phone's events one at a time in arrival order, different phones in parallel; a listener that
 * throws is logged and the next listener still gets the event; one that blocks holds up only its
 * own phone and one thread. At most {@linkplain Builder#maxPendingEvents(int) 10,000} events wait
 * in all; beyond that a new event is dropped, counted ({@link Counters#dropped()}) and logged once
 * per interval. The endpoint owns its threads (they end after 30 s idle): {@link #close()} it when
 * done, after the server that hosts it, which does not close its endpoints. Thread-safe.
 */
public final class SnomEventEndpoint implements PhoneEndpoint, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SnomEventEndpoint.class);
  private static final String TEXT = "text/plain; charset=UTF-8";
  private static final PhoneHeaders NOT_ALLOWED =
      PhoneHeaders.of("Content-Type", TEXT, "Cache-Control", "no-store", "Allow", "GET");
  private static final EndpointResponse ACKNOWLEDGED =
      EndpointResponse.of(
          200, PhoneHeaders.of("Content-Type", TEXT, "Cache-Control", "no-store"), new byte[0]);
  private static final EndpointResponse FORBIDDEN = EndpointResponse.text(403, "forbidden");
  private static final long CLOSE_WAIT_MILLIS = 2000;

  private final EventSecrets secrets;
  private final Clock clock;
  private final Function<SnomEvent, EndpointResponse> reply;
  private final EventDispatcher dispatcher;
  private final IntervalLog forgedLog;
  private final IntervalLog malformedLog;
  private final IntervalLog droppedLog;
  private final IntervalLog failedLog;
  private final LongAdder received = new LongAdder();
  private final LongAdder forged = new LongAdder();
  private final LongAdder malformed = new LongAdder();
  private final int listeners;
  private final int threads;
  private final int maxPending;
  private volatile boolean closed;

  private SnomEventEndpoint(Builder b) {
    this.secrets = b.secrets != null ? b.secrets : EventSecrets.random();
    this.clock = b.clock;
    this.reply = b.reply;
    this.listeners = b.listeners.size();
    this.threads = b.dispatchThreads;
    this.maxPending = b.maxPendingEvents;
    this.forgedLog = new IntervalLog(LOG, clock, b.logInterval, "refused %d forged event(s)");
    this.malformedLog =
        new IntervalLog(LOG, clock, b.logInterval, "refused %d malformed event request(s)");
    this.droppedLog = new IntervalLog(LOG, clock, b.logInterval, "dropped %d event(s)");
    this.failedLog = new IntervalLog(LOG, clock, b.logInterval, "listeners threw %d time(s)");
    this.dispatcher = new EventDispatcher(b.listeners, threads, maxPending, droppedLog, failedLog);
  }

  /**
   * Starts an endpoint.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Creates a key file for {@link Builder#keyFile(Path)}: the Base64 of 32 random bytes, readable
   * and writable by its owner only where the file system has POSIX permissions. Never overwrites.
   *
   * @param file the file to create
   * @throws java.nio.file.FileAlreadyExistsException if it exists
   * @throws IOException if it cannot be written
   */
  public static void createKeyFile(Path file) throws IOException {
    EventSecrets.createKeyFile(Objects.requireNonNull(file, "file"));
  }

  /**
   * The URL to configure for one phone and event: see the class description for its layout.
   *
   * @param phone the phone id this application chooses, such as the phone's host ({@code 10.0.0.5};
   *     an IPv6 address without brackets): 1 to 64 ASCII letters, digits and {@code . - _ :}
   * @param type the event
   * @param publicBase where the phones reach this endpoint, such as {@code
   *     http://pbx.example:8080/snom/events}: absolute http or https, with a host, without
   *     user-info, query, fragment or {@code $}
   * @return the URL, to be written to the phone setting {@link SnomEventType#setting()}
   * @throws IllegalArgumentException if the phone id or the base is not allowed
   */
  public String actionUrl(String phone, SnomEventType type, URI publicBase) {
    EventUrls.checkPhoneId(phone);
    Objects.requireNonNull(type, "type");
    URI base = EventUrls.checkBase(publicBase);
    return EventUrls.url(base, phone, secrets.secretFor(phone), type);
  }

  /**
   * The URLs to configure for one phone, as phone settings: setting name ({@code
   * action_incoming_url}) to URL, in the order of {@link SnomEventType}.
   *
   * @param phone the phone id, as for {@link #actionUrl}
   * @param types the events
   * @param publicBase where the phones reach this endpoint, as for {@link #actionUrl}
   * @return an unmodifiable map, empty if {@code types} is
   * @throws IllegalArgumentException as {@link #actionUrl}
   */
  public Map<String, String> actionUrls(String phone, Set<SnomEventType> types, URI publicBase) {
    EventUrls.checkPhoneId(phone);
    Objects.requireNonNull(types, "types");
    URI base = EventUrls.checkBase(publicBase);
    String secret = secrets.secretFor(phone);
    Map<String, String> settings = new LinkedHashMap<>();
    for (SnomEventType type : SnomEventType.values()) {
      if (types.contains(type)) {
        settings.put(type.setting(), EventUrls.url(base, phone, secret, type));
      }
    }
    return Collections.unmodifiableMap(settings);
  }

  /**
   * Answers one action-URL request: checks the method, reads the query, verifies the phone's
   * secret, and hands the event to the dispatcher; never waits for a listener.
   *
   * @param request the request (only its method, query and peer are read)
   * @return the answer, as listed in the class description
   */
  @Override
  public EndpointResponse handle(EndpointRequest request) {
    Objects.requireNonNull(request, "request");
    if (!request.method().equals("GET")) {
      return EndpointResponse.of(
          405, NOT_ALLOWED, "a snom action URL is a GET\n".getBytes(StandardCharsets.UTF_8));
    }
    Map<String, String> parameters;
    try {
      parameters = EventQuery.parse(request.rawQuery().orElse(""));
    } catch (IllegalArgumentException e) {
      return malformed(request, e.getMessage());
    }
    String refusal = EventRequests.refusal(parameters, secrets);
    if (refusal != null) {
      forged.increment();
      forgedLog.record(refusal + " from " + host(request.peer()), null);
      return FORBIDDEN;
    }
    String eventName = parameters.get(EventUrls.EVENT);
    if (eventName == null || eventName.isEmpty()) {
      return malformed(request, "parameter e (the event) is missing");
    }
    if (closed) {
      return EndpointResponse.text(503, "the event endpoint is closed");
    }
    SnomEvent event = EventRequests.event(eventName, parameters, clock.instant(), request.peer());
    received.increment();
    dispatcher.offer(event);
    return reply.apply(event);
  }

  private EndpointResponse malformed(EndpointRequest request, String message) {
    malformed.increment();
    malformedLog.record(message + " from " + host(request.peer()), null);
    return EndpointResponse.text(400, "not a snom event: " + message);
  }

  private static String host(InetSocketAddress peer) {
    return peer.getAddress() == null ? peer.getHostString() : peer.getAddress().getHostAddress();
  }

  /**
   * What the endpoint has counted so far.
   *
   * @return the counters, read now
   */
  public Counters counters() {
    return new Counters(
        received.sum(),
        dispatcher.delivered(),
        dispatcher.dropped(),
        forged.sum(),
        malformed.sum(),
        dispatcher.failures(),
        dispatcher.pending());
  }

  /**
   * Stops taking events (later requests get {@code 503}), drops and counts those still waiting,
   * interrupts running listeners and waits up to 2 seconds for them to return, then logs what the
   * interval logs still held. Idempotent.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    dispatcher.close(CLOSE_WAIT_MILLIS);
    forgedLog.flush();
    malformedLog.flush();
    droppedLog.flush();
    failedLog.flush();
  }

  /** The listener count and the dispatcher's bounds; never the key. */
  @Override
  public String toString() {
    return "SnomEventEndpoint[listeners="
        + listeners
        + ", dispatchThreads="
        + threads
        + ", maxPendingEvents="
        + maxPending
        + ", key not shown"
        + (closed ? ", closed" : "")
        + "]";
  }

  /**
   * What a {@link SnomEventEndpoint} has counted since it was built.
   *
   * @param received verified events taken in
   * @param delivered events every listener has been called with
   * @param dropped verified events dropped because the backlog was full or the endpoint closed
   * @param forged requests refused with {@code 403}
   * @param malformed requests refused with {@code 400}
   * @param listenerFailures times a listener threw
   * @param pending events waiting for the listeners now
   */
  public record Counters(
      long received,
      long delivered,
      long dropped,
      long forged,
      long malformed,
      long listenerFailures,
      int pending) {
    /**
     * Checks that no count is negative.
     *
     * @param received verified events taken in
     * @param delivered events every listener has been called with
     * @param dropped verified events dropped
     * @param forged requests refused with {@code 403}
     * @param malformed requests refused with {@code 400}
     * @param listenerFailures times a listener threw
     * @param pending events waiting for the listeners now
     */
    public Counters {
      if (received < 0
          || delivered < 0
          || dropped < 0
          || forged < 0
          || malformed < 0
          || listenerFailures < 0
          || pending < 0) {
        throw new IllegalArgumentException("counts must not be negative");
      }
    }
  }

  /** Builds a {@link SnomEventEndpoint}. Not thread-safe. */
  public static final class Builder {
    private final List<SnomEventListener> listeners = new ArrayList<>();
    private EventSecrets secrets;
    private int dispatchThreads = 4;
    private int maxPendingEvents = 10_000;
    private Duration logInterval = Duration.ofSeconds(10);
    private Clock clock = Clock.systemUTC();
    private Function<SnomEvent, EndpointResponse> reply = event -> ACKNOWLEDGED;
    private boolean screen;

    private Builder() {}

    /**
     * Adds a listener; each verified event goes to every listener, in the order they were added. At
     * least one is required.
     *
     * @param listener the listener, called as {@link SnomEventListener} describes
     * @return this builder
     */
    public Builder listener(SnomEventListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Sets the key the phones' secrets are made under, instead of 32 random bytes that last as long
     * as the endpoint.
     *
     * @param key at least 32 bytes, such as 32 from a {@link java.security.SecureRandom} (copied)
     * @return this builder
     * @throws IllegalArgumentException if shorter than 32 or longer than 4096 bytes
     */
    public Builder key(byte[] key) {
      this.secrets = EventSecrets.of(Objects.requireNonNull(key, "key"));
      return this;
    }

    /**
     * Reads the key from a file, as {@link #createKeyFile(Path)} writes it: Base64 text (either
     * alphabet, padding optional, surrounding white space ignored) of at least 32 bytes. The file
     * is read now.
     *
     * @param file the key file
     * @return this builder
     * @throws java.io.UncheckedIOException if it cannot be read
     * @throws IllegalArgumentException if it holds no such key (its content is never shown)
     */
    public Builder keyFile(Path file) {
      this.secrets = EventSecrets.fromFile(Objects.requireNonNull(file, "file"));
      return this;
    }

    /**
     * Sets how many threads deliver events to the listeners: one phone's events use one at a time.
     * Default 4.
     *
     * @param threads 1 to 256
     * @return this builder
     * @throws IllegalArgumentException otherwise
     */
    public Builder dispatchThreads(int threads) {
      if (threads < 1 || threads > 256) {
        throw new IllegalArgumentException("dispatchThreads must be 1 to 256, was " + threads);
      }
      this.dispatchThreads = threads;
      return this;
    }

    /**
     * Sets how many events may wait for the listeners, all phones together; beyond that new events
     * are dropped and counted. Default 10,000.
     *
     * @param events 1 to 10,000,000
     * @return this builder
     * @throws IllegalArgumentException otherwise
     */
    public Builder maxPendingEvents(int events) {
      if (events < 1 || events > 10_000_000) {
        throw new IllegalArgumentException(
            "maxPendingEvents must be 1 to 10,000,000, was " + events);
      }
      this.maxPendingEvents = events;
      return this;
    }

    /**
     * Sets how often at most a forged or malformed request, a dropped event or a throwing listener
     * is logged: the first at once, the rest as one line with their count per interval. Default 10
     * seconds.
     *
     * @param interval a positive duration
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder logInterval(Duration interval) {
      this.logInterval = Checks.positive(interval, "logInterval");
      return this;
    }

    /**
     * Sets the clock for {@link SnomEvent#receivedAt()} and the log intervals. Default the system
     * clock in UTC.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets what a verified event is answered with, on the request's thread; by default a {@code
     * 200} with an empty body.
     */
    Builder reply(Function<SnomEvent, EndpointResponse> reply) {
      this.reply = Objects.requireNonNull(reply, "reply");
      return this;
    }

    /**
     * Answers verified events with what the phone shows: a snom phone shows a {@code 200} whose
     * body is a minibrowser document on its screen (service.snom.com, "Triggering an XML
     * Minibrowser application"). {@code screen} runs on the request's thread, after the event was
     * handed to the listeners and before the phone gets its answer, so keep it quick; an empty
     * result, or an exception (logged without the event's values), answers with the empty {@code
     * 200} and shows nothing. Forged and malformed events never reach it.
     *
     * <pre>{@code
     * .screen(event -> event.type()
     *     .filter(type -> type == SnomEventType.INCOMING)
     *     .map(type -> MinibrowserText.builder().title("Incoming call")
     *         .text(event.displayRemote().orElse("unknown caller")).build()))
     * }</pre>
     *
     * @param screen what to show for an event; empty shows nothing
     * @return this builder
     */
    public Builder screen(Function<SnomEvent, Optional<? extends MinibrowserDocument>> screen) {
      Objects.requireNonNull(screen, "screen");
      this.screen = true;
      return reply(
          event -> {
            try {
              return screen
                  .apply(event)
                  .<EndpointResponse>map(MinibrowserDocument::toResponse)
                  .orElse(ACKNOWLEDGED);
            } catch (RuntimeException e) {
              LOG.warn(
                  "the screen for a {} event failed ({}); answered without a document",
                  event.eventName(),
                  e.getClass().getName());
              return ACKNOWLEDGED;
            }
          });
    }

    /**
     * Builds the endpoint; its dispatch threads start with the first event.
     *
     * @return the endpoint
     * @throws IllegalStateException if neither a listener nor a screen was added
     */
    public SnomEventEndpoint build() {
      if (listeners.isEmpty() && !screen) {
        throw new IllegalStateException(
            "a listener or a screen is required: call listener(...) or screen(...)");
      }
      return new SnomEventEndpoint(this);
    }
  }
}
