package dev.deskphone.testkit;

import dev.deskphone.core.JdkHttpTransport;
import dev.deskphone.core.PhoneException;
import dev.deskphone.core.PhoneRequest;
import dev.deskphone.core.PhoneResponse;
import dev.deskphone.core.PhoneTransport;
import dev.deskphone.core.TlsPolicy;
import dev.deskphone.core.internal.Checks;
import dev.deskphone.testkit.internal.Action;
import dev.deskphone.testkit.internal.RebootCycle;
import dev.deskphone.testkit.internal.RecordedRequest;
import dev.deskphone.testkit.internal.RejectionLog;
import dev.deskphone.testkit.internal.RunCertificate;
import dev.deskphone.testkit.internal.ScriptedHttpServer;
import dev.deskphone.unify.SendUrlKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake Unify OpenScape Desk Phone CP (CP200, CP400 or CP600) with one or more Send URL keys, on
 * loopback.
 *
 * <pre>{@code
 * try (FakeUnifyPhone fake = FakeUnifyPhone.builder().key(key).start()) {
 *   fake.pressKey("MySymbolicName");   // sends the key's request, applies the reply
 *   fake.led("MySymbolicName");        // state, colour, label, wake as the phone shows them
 *   fake.uri();                        // where it accepts server pushes
 * }
 * }</pre>
 *
 * <p>Pressing a key sends exactly the request the phone sends: GET or POST, the vendor's parameter
 * order ({@code userid}, {@code password}, the free-form ones, {@code ipaddress}, {@code
 * phonenumber}, {@code devicetype=OpenStage}, {@code symbn}), over http or https with the fake's
 * {@linkplain Builder#trust trust}, never following a redirect. It applies the answer as the phone
 * does: {@code 200} with {@code text/xml} and valid XML sets state, colour, label (CP600 only) and
 * wake from the {@code <Turnled>} whose ID is the key's symbolic name; {@code 200} with an empty or
 * invalid body lights the LED green for 2 seconds by the fake's {@linkplain Builder#clock clock},
 * then off; any other answer, or none, changes nothing.
 *
 * <p>Its web server takes pushes at {@code /server_push.html/ServerPush} (http, or https with a
 * certificate made for the run). A push whose fields do not match a key is refused with {@code 403}
 * and fires nothing; a matching one is answered {@code 200} and fires the key's request in the
 * background, with the push's {@code ServerContextKey=ServerContextValue} added as a free-form
 * parameter after the key's own. {@link #awaitKeyRequests} waits for it.
 *
 * <p>The fake encodes and parses the wire and the XML itself (JDK {@code URLEncoder}, {@code
 * URLDecoder} and StAX), never through sdk-unify, so an encoding bug there cannot hide by being
 * mirrored here.
 *
 * <p>Strict by default: a push it refuses fails the test at {@link #close()} unless the test read
 * it through {@link #rejected()}; {@link Builder#lenient()} turns that off. {@link #faults()}
 * scripts misbehaviour of its web server. Time (the green, the journal) goes by the injected clock;
 * only the key request's deadline is real time. A fake starts one thread and opens one listening
 * socket; pressing a key starts the JDK HTTP client's selector thread, which JDK 17 cannot stop: it
 * ends once the closed fake is garbage-collected.
 *
 * <p>Thread-safe; {@link #pressKey} blocks until the answer is applied.
 */
public final class FakeUnifyPhone implements AutoCloseable {

  /** The phone models; they differ in whether they show a key's label. */
  public enum Model {
    /** OpenScape Desk Phone CP200: no key labels. */
    CP200,
    /** OpenScape Desk Phone CP400: no key labels. */
    CP400,
    /** OpenScape Desk Phone CP600: shows the LABEL of a reply. */
    CP600;

    /**
     * Whether this model shows a reply's label.
     *
     * @return true for the CP600
     */
    public boolean showsLabels() {
      return this == CP600;
    }
  }

  /** How long the empty-or-invalid-200 green lasts: 2 seconds. */
  public static final Duration ACKNOWLEDGE_GREEN = UnifyLedPanel.ACKNOWLEDGE_GREEN;

  /** The push path: {@value}. */
  public static final String PUSH_PATH = "/server_push.html/ServerPush";

  private final Map<String, SendUrlKey> keys;
  private final Model model;
  private final String ipAddress;
  private final String phoneNumber;
  private final Clock clock;
  private final TlsPolicy trust;
  private final Duration timeout;
  private PhoneTransport transport; // guarded by this; made at the first key request
  private final RunCertificate certificate;
  private final ScriptedHttpServer server;
  private final ExecutorService pushes;
  private final UnifyLedPanel panel;
  private final List<FakeUnifyExchange> journal = new CopyOnWriteArrayList<>();
  private final Faults faults;
  private final RebootCycle outages;
  private final RejectionLog rejected;
  private final AtomicInteger received = new AtomicInteger();
  private int keyRequests;

  private FakeUnifyPhone(Builder b) throws IOException {
    this.keys = Map.copyOf(b.keys);
    this.model = b.model;
    this.ipAddress = b.ipAddress;
    this.phoneNumber = b.phoneNumber;
    this.clock = b.clock;
    this.trust = b.trust;
    this.timeout = b.timeout;
    this.panel = new UnifyLedPanel(keys.keySet(), clock, model.showsLabels());
    this.pushes =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "fake-unify-push");
              t.setDaemon(true);
              return t;
            });
    this.certificate = b.https ? RunCertificate.create("fake-unify-phone") : null;
    this.server =
        ScriptedHttpServer.start(
            this::answerPush, b.https ? certificate.serverContext() : null, b.port);
    this.rejected = new RejectionLog(b.strict);
    this.outages = new RebootCycle(clock, Duration.ZERO, () -> {});
    outages.attach(server);
    this.faults = new Faults(b.https, clock, outages);
    server.intercept(faults.interceptor());
  }

  /**
   * Starts configuring a fake phone.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Where the fake takes pushes: {@code http(s)://127.0.0.1:PORT}, for {@code
   * UnifyPhone.builder().uri(...)}.
   *
   * @return the URI
   */
  public URI uri() {
    return server.uri("");
  }

  /**
   * The model.
   *
   * @return the model
   */
  public Model model() {
    return model;
  }

  /**
   * A client policy that trusts exactly this fake's https certificate.
   *
   * @return the pinned policy
   * @throws IllegalStateException if the fake serves plain http
   */
  public TlsPolicy tls() {
    return https().pinned();
  }

  /**
   * The SHA-256 fingerprint of the fake's https certificate, as {@code openssl x509 -noout
   * -fingerprint -sha256} prints it.
   *
   * @return the fingerprint
   * @throws IllegalStateException if the fake serves plain http
   */
  public String certificateFingerprint() {
    return https().fingerprint();
  }

  /**
   * The fake's https certificate in PEM form, for example for {@code curl --cacert}.
   *
   * @return the PEM text
   * @throws IllegalStateException if the fake serves plain http
   */
  public String certificatePem() {
    return https().pem();
  }

  private RunCertificate https() {
    if (certificate == null) {
      throw new IllegalStateException("this fake serves http; build it with https()");
    }
    return certificate;
  }

  /**
   * Presses a key: sends its request and applies the answer. Blocks until then (at most the
   * builder's timeout).
   *
   * @param symbolicName the key's symbolic name
   * @return the key's LED after the answer
   * @throws IllegalArgumentException if the fake has no such key
   */
  public FakeLed pressKey(String symbolicName) {
    return fire(key(symbolicName), null, null);
  }

  /**
   * The key's LED now, by the fake's clock.
   *
   * @param symbolicName the key's symbolic name
   * @return the LED
   * @throws IllegalArgumentException if the fake has no such key
   */
  public FakeLed led(String symbolicName) {
    key(symbolicName);
    return panel.led(symbolicName);
  }

  /**
   * Every LED change so far, in order, the end of a 2-second green included once the clock has
   * passed it and the LED was looked at.
   *
   * @return an immutable copy
   */
  public List<LedChange> ledHistory() {
    return panel.history();
  }

  /**
   * Every push received and every key request sent, with their answers, in order.
   *
   * @return an immutable copy
   */
  public List<FakeUnifyExchange> journal() {
    return List.copyOf(journal);
  }

  /**
   * Waits until at least {@code count} key requests (pressed or pushed) have been answered and
   * applied.
   *
   * @param count how many
   * @param timeout how long to wait at most
   * @return whether they came in time
   * @throws InterruptedException if interrupted while waiting
   */
  public synchronized boolean awaitKeyRequests(int count, Duration timeout)
      throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (keyRequests < count) {
      long left = end - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }

  /**
   * Every push it refused (wrong path, method or form, fields matching no key), with the status
   * answered and why. Reading them tells a strict fake that the test has dealt with them.
   *
   * @return an immutable copy, in arrival order
   */
  public List<RejectedRequest> rejected() {
    return rejected.all();
  }

  /**
   * Its fault script for the push web server: close, reset, stall, garbage, refused connections and
   * the rest, per request or per connection.
   *
   * @return the script
   */
  public Faults faults() {
    return faults;
  }

  /**
   * Stops the web server and the push thread, waiting for both. Idempotent.
   *
   * @throws AssertionError once, after closing, if the fake is strict (the default) and refused
   *     pushes the test never read through {@link #rejected()}
   */
  @Override
  public void close() {
    outages.close();
    server.close();
    pushes.shutdownNow();
    try {
      pushes.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      if (transport != null) {
        transport.close();
      }
    }
    rejected.check(toString());
  }

  /** The model, keys and push URI, for logs; never a password. */
  @Override
  public String toString() {
    return "FakeUnifyPhone[" + model + ", keys=" + keys.keySet() + ", " + uri() + "]";
  }

  // The JDK client starts a selector thread at once, so an idle fake makes none.
  private synchronized PhoneTransport transport() {
    if (transport == null) {
      transport = JdkHttpTransport.builder().timeout(timeout).build();
    }
    return transport;
  }

  private SendUrlKey key(String symbolicName) {
    Objects.requireNonNull(symbolicName, "symbolicName");
    SendUrlKey key = keys.get(symbolicName);
    if (key == null) {
      throw new IllegalArgumentException(
          "the fake has no key " + Checks.quote(symbolicName) + "; its keys: " + keys.keySet());
    }
    return key;
  }

  private FakeLed fire(SendUrlKey key, String contextKey, String contextValue) {
    UnifyKeyRequest press =
        UnifyKeyRequest.of(key, contextKey, contextValue, ipAddress, phoneNumber);
    PhoneRequest request = press.request().toBuilder().tls(trust).build();
    String target = press.target();
    String body = press.body();
    int status = 0;
    String answer;
    try {
      CompletableFuture<PhoneResponse> sent = transport().send(request);
      PhoneResponse response = sent.get(1, TimeUnit.DAYS); // the transport's deadline ends it
      status = response.status();
      answer = new String(response.body(), StandardCharsets.UTF_8);
      panel.apply(key.symbolicName(), response, answer);
    } catch (ExecutionException e) {
      answer = e.getCause() instanceof PhoneException p ? p.getMessage() : String.valueOf(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      answer = "interrupted";
    } catch (TimeoutException e) {
      answer = "no answer";
    }
    journal.add(
        new FakeUnifyExchange(
            clock.instant(),
            FakeUnifyExchange.Kind.KEY_REQUEST,
            key.method(),
            target,
            body,
            status,
            answer));
    synchronized (this) {
      keyRequests++;
      notifyAll();
    }
    return panel.led(key.symbolicName());
  }

  private Action answerPush(RecordedRequest request) {
    int sequence = received.incrementAndGet();
    Action.Respond answer =
        UnifyPushAnswer.answer(request, keys, (key, k, v) -> pushes.execute(() -> fire(key, k, v)));
    if (answer.status() != 200) {
      String reason = new String(answer.body(), StandardCharsets.UTF_8).strip();
      rejected.add(
          new RejectedRequest(request.toFake(sequence, clock.instant()), answer.status(), reason));
    }
    journal.add(
        new FakeUnifyExchange(
            clock.instant(),
            FakeUnifyExchange.Kind.PUSH_RECEIVED,
            request.method(),
            request.target(),
            request.bodyText(),
            answer.status(),
            new String(answer.body(), StandardCharsets.UTF_8)));
    return answer;
  }

  /**
   * Configures and starts a {@link FakeUnifyPhone}. Defaults: a CP600 at {@code 127.0.0.1} with
   * number {@code +4930123456}, the system clock, system trust for https servers, 5 seconds per key
   * request, pushes over http, strict. Not thread-safe: configure it on one thread; each {@link
   * #start()} starts a new fake.
   */
  public static final class Builder {
    private final Map<String, SendUrlKey> keys = new LinkedHashMap<>();
    private FakeUnifyPhone.Model model = FakeUnifyPhone.Model.CP600;
    private String ipAddress = "127.0.0.1";
    private String phoneNumber = "+4930123456";
    private Clock clock = Clock.systemUTC();
    private TlsPolicy trust = TlsPolicy.system();
    private Duration timeout = Duration.ofSeconds(5);
    private boolean https;
    private boolean strict = true;
    private int port;

    private Builder() {}

    /**
     * Adds a Send URL key. At least one is required.
     *
     * @param key the key as configured on the phone
     * @return this builder
     * @throws IllegalArgumentException if a key with its symbolic name was added already
     */
    public Builder key(SendUrlKey key) {
      Objects.requireNonNull(key, "key");
      if (keys.putIfAbsent(key.symbolicName(), key) != null) {
        throw new IllegalArgumentException(
            "symbolic names must be unique across keys; " + key.symbolicName() + " is taken");
      }
      return this;
    }

    /**
     * Sets the model. Defaults to {@link FakeUnifyPhone.Model#CP600}.
     *
     * @param model the model
     * @return this builder
     */
    public Builder model(FakeUnifyPhone.Model model) {
      this.model = Objects.requireNonNull(model, "model");
      return this;
    }

    /**
     * Sets the address the phone reports as {@code ipaddress}. Defaults to {@code 127.0.0.1}.
     *
     * @param ipAddress the address
     * @return this builder
     */
    public Builder ipAddress(String ipAddress) {
      this.ipAddress = Checks.formValue("ipAddress", ipAddress);
      return this;
    }

    /**
     * Sets the number the phone reports as {@code phonenumber}. Defaults to {@code +4930123456}.
     *
     * @param phoneNumber the number
     * @return this builder
     */
    public Builder phoneNumber(String phoneNumber) {
      this.phoneNumber = Checks.formValue("phoneNumber", phoneNumber);
      return this;
    }

    /**
     * Sets the clock the 2-second green, the history and the journal go by. Defaults to the system
     * clock; a test clock lets tests move time instead of sleeping.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets how the fake trusts https Send URL servers. Defaults to the system trust.
     *
     * @param trust the policy, for example a pin of the server's certificate
     * @return this builder
     */
    public Builder trust(TlsPolicy trust) {
      this.trust = Objects.requireNonNull(trust, "trust");
      return this;
    }

    /**
     * Sets the deadline of one key request. Defaults to 5 seconds.
     *
     * @param timeout positive
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      this.timeout = Checks.positive(timeout, "timeout");
      return this;
    }

    /**
     * Serves pushes over https with a certificate made for this run (see {@link
     * FakeUnifyPhone#tls()}).
     *
     * @return this builder
     */
    public Builder https() {
      this.https = true;
      return this;
    }

    /**
     * Sets the port its web server listens on, for a fake run as a standalone server. Defaults to
     * 0, a free port, which is what tests want.
     *
     * @param port 0 to 65535
     * @return this builder
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be from 0 to 65535, was " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * Does not fail the test at {@link FakeUnifyPhone#close()} for pushes it refused (by default it
     * does, see {@link FakeUnifyPhone#rejected()}).
     *
     * @return this builder
     */
    public Builder lenient() {
      this.strict = false;
      return this;
    }

    /**
     * Starts the fake.
     *
     * @return the running fake
     * @throws IllegalStateException if no key was added
     * @throws UncheckedIOException if its web server cannot start
     */
    public FakeUnifyPhone start() {
      if (keys.isEmpty()) {
        throw new IllegalStateException(
            "a fake Unify phone needs at least one key; add one with key(...)");
      }
      try {
        return new FakeUnifyPhone(this);
      } catch (IOException e) {
        throw new UncheckedIOException("could not start the fake phone's web server", e);
      }
    }
  }
}
