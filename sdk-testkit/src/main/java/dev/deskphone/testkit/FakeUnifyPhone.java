package dev.deskphone.testkit;

import dev.deskphone.core.TlsPolicy;
import dev.deskphone.core.internal.Checks;
import dev.deskphone.testkit.internal.FakeHttpClient;
import dev.deskphone.testkit.internal.RebootCycle;
import dev.deskphone.testkit.internal.RunCertificate;
import dev.deskphone.testkit.internal.ScriptedHttpServer;
import dev.deskphone.testkit.internal.UnifyLedPanel;
import dev.deskphone.testkit.internal.UnifyPhoneScript;
import dev.deskphone.unify.SendUrlKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A fake Unify OpenScape Desk Phone CP (CP200, CP400 or CP600) with one or more Send URL keys, on
 * loopback: pressing a key, or a push to its web server, sends the key's request to your Send URL
 * server exactly as the phone does, and its LED shows the answer as the phone would. It builds,
 * sends and parses everything itself (its own form encoding, the JDK's HTTP client, StAX), never
 * through sdk-unify or the SDK's transport. Strict by default: {@link #close()} fails the test on a
 * push it refused that the test never read through {@link #rejected()}. What it sends and how it
 * shows answers: docs/testkit.md.
 *
 * <pre>{@code
 * try (FakeUnifyPhone fake = FakeUnifyPhone.builder().key(key).start()) {
 *   fake.pressKey("MySymbolicName");   // sends the key's request, applies the reply
 *   fake.led("MySymbolicName");        // state, colour, label, wake as the phone shows them
 *   fake.uri();                        // where it accepts server pushes
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #pressKey} blocks until the answer is applied (at most the builder's
 * timeout); {@link #takeRequest} blocks up to its timeout; every other accessor returns an
 * immutable snapshot at once. Time (the 2-second green, the journals) goes by the builder's clock;
 * only the key request's deadline is real time. {@link #close()} ends the threads it started but
 * the JDK HTTP client's selector thread, which JDK 17 cannot stop: it ends once the closed fake is
 * unreachable.
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
  public static final String PUSH_PATH = UnifyPhoneScript.PUSH_PATH;

  private final Model model;
  private final List<String> keys;
  private final RunCertificate certificate; // null: plain http
  private final UnifyPhoneScript script;
  private final ScriptedHttpServer server;
  private final RebootCycle outages;
  private final Faults faults;
  private final Switchboard board; // null: on none
  private final String extension; // null: on none

  private FakeUnifyPhone(Builder b) throws IOException {
    this.model = b.model;
    this.board = b.board;
    this.extension = b.extension;
    this.keys = List.copyOf(b.keys.keySet());
    this.script =
        new UnifyPhoneScript(
            b.keys,
            model.showsLabels(),
            b.ipAddress,
            b.phoneNumber,
            b.clock,
            new FakeHttpClient(b.trust, b.timeout),
            b.strict);
    this.certificate = b.https ? RunCertificate.create("fake-unify-phone") : null;
    if (board != null) {
      board.joinUnify(extension);
    }
    try {
      this.server =
          ScriptedHttpServer.start(
              script, certificate == null ? null : certificate.serverContext(), b.port);
    } catch (IOException | RuntimeException e) {
      leaveBoard();
      throw e;
    }
    this.outages = new RebootCycle(b.clock, Duration.ZERO, () -> {});
    outages.attach(server);
    this.faults = new Faults(b.https, b.clock, outages);
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
   * A client policy that trusts exactly this fake's https certificate, for the SDK builders' {@code
   * .tls(...)}.
   *
   * @return the pinned policy
   * @throws IllegalStateException if the fake serves plain http
   */
  public TlsPolicy tls() {
    return certificate().pinned();
  }

  /**
   * The SHA-256 fingerprint of the fake's https certificate, as {@code openssl x509 -noout
   * -fingerprint -sha256} prints it.
   *
   * @return the fingerprint
   * @throws IllegalStateException if the fake serves plain http
   */
  public String certificateFingerprint() {
    return certificate().fingerprint();
  }

  /**
   * The fake's https certificate in PEM form, for example for {@code curl --cacert}.
   *
   * @return the PEM text
   * @throws IllegalStateException if the fake serves plain http
   */
  public String certificatePem() {
    return certificate().pem();
  }

  private RunCertificate certificate() {
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
    return script.press(symbolicName);
  }

  /**
   * The key's LED now, by the fake's clock.
   *
   * @param symbolicName the key's symbolic name
   * @return the LED
   * @throws IllegalArgumentException if the fake has no such key
   */
  public FakeLed led(String symbolicName) {
    return script.led(symbolicName);
  }

  /**
   * Every LED change so far, in order, the end of a 2-second green included once the clock has
   * passed it and the LED was looked at.
   *
   * @return an immutable copy
   */
  public List<LedChange> ledHistory() {
    return script.ledHistory();
  }

  /**
   * The journal of its keys: every Send URL request they sent, pressed or pushed, with the answer,
   * in the order the answers were applied.
   *
   * @return an immutable copy
   */
  public List<FakeKeyRequest> requests() {
    return script.requests();
  }

  /**
   * Takes the oldest key request that no earlier call took, waiting for one up to {@code timeout}
   * (mockwebserver style, like {@link FakeSnomPhone#takeRequest}; independent of {@link
   * #requests()}). A request is there once its answer is applied, so after a push this is what to
   * wait for before looking at the LED.
   *
   * @param timeout how long to wait at most
   * @return the request, or empty if none was sent in time
   * @throws InterruptedException if interrupted while waiting
   */
  public Optional<FakeKeyRequest> takeRequest(Duration timeout) throws InterruptedException {
    return script.takeRequest(Objects.requireNonNull(timeout, "timeout"));
  }

  /**
   * The journal of its web server: every push (or other request) it read, as sent, in arrival
   * order, refused ones included.
   *
   * @return an immutable copy
   */
  public List<FakeRequest> pushes() {
    return script.pushes();
  }

  /**
   * Every push it refused (wrong path, method or form, fields matching no key), with the status
   * answered and why. Reading them tells a strict fake that the test has dealt with them.
   *
   * @return an immutable copy, in arrival order
   */
  public List<RejectedRequest> rejected() {
    return script.rejected().all();
  }

  /**
   * Its fault script for the push web server: close, reset, stall, delay, garbage, refused
   * connections and the rest, per request or per connection.
   *
   * @return the script
   */
  public Faults faults() {
    return faults;
  }

  /**
   * Stops the web server, the push thread and its HTTP client, waiting for the threads. Idempotent.
   *
   * @throws AssertionError once, after closing, if the fake is strict (the default) and refused
   *     pushes the test never read through {@link #rejected()}
   */
  @Override
  public void close() {
    outages.close();
    server.close();
    script.close();
    leaveBoard();
    script.rejected().check(toString());
  }

  private void leaveBoard() {
    if (board != null) {
      board.leave(extension);
    }
  }

  /**
   * Its extension on the {@link Switchboard} it joined ({@link Builder#switchboard}), where a snom
   * fake that dials it is answered at once; empty if it joined none.
   *
   * @return its extension, or empty
   */
  public Optional<String> extension() {
    return Optional.ofNullable(extension);
  }

  /** The model, keys and push URI, for logs; never a password. */
  @Override
  public String toString() {
    return "FakeUnifyPhone[" + model + ", keys=" + keys + ", " + uri() + "]";
  }

  /**
   * Configures and starts a {@link FakeUnifyPhone}. Defaults: a CP600 at {@code 127.0.0.1} with
   * number {@code +4930123456}, the system clock, system trust for https servers, 5 seconds per key
   * request, pushes over http, strict. At least one {@linkplain #key key} is required. Not
   * thread-safe: configure it on one thread; each {@link #start()} starts a new fake.
   */
  public static final class Builder {
    private final Map<String, SendUrlKey> keys = new LinkedHashMap<>();
    private Model model = Model.CP600;
    private String ipAddress = "127.0.0.1";
    private String phoneNumber = "+4930123456";
    private Clock clock = Clock.systemUTC();
    private TlsPolicy trust = TlsPolicy.system();
    private Duration timeout = Duration.ofSeconds(5);
    private boolean https;
    private boolean strict = true;
    private int port;
    private Switchboard board;
    private String extension;

    private Builder() {}

    /**
     * Joins {@code board} with {@code extension}: a snom fake on it that dials the extension gets
     * an answer at once, as from a desk phone picked up.
     *
     * @param board the switchboard to join
     * @param extension its extension there
     * @return this builder
     * @throws IllegalArgumentException if {@code extension} is not 1 to 15 digits (whether another
     *     fake holds it is checked at {@link #start()})
     */
    public Builder switchboard(Switchboard board, String extension) {
      Switchboard.checkExtension(extension);
      this.board = Objects.requireNonNull(board, "board");
      this.extension = extension;
      return this;
    }

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
    public Builder model(Model model) {
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
      this.port = ScriptedHttpServer.checkedPort(port);
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
     * @throws IllegalArgumentException if its {@linkplain #switchboard extension} is taken
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
