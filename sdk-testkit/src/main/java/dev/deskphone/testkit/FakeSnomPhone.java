package dev.deskphone.testkit;

import dev.deskphone.core.TlsPolicy;
import dev.deskphone.snom.CallList;
import dev.deskphone.snom.SnomEventType;
import dev.deskphone.snom.SnomModel;
import dev.deskphone.testkit.internal.AuthGate;
import dev.deskphone.testkit.internal.ModelProfile;
import dev.deskphone.testkit.internal.RunCertificate;
import dev.deskphone.testkit.internal.ScriptedHttpServer;
import dev.deskphone.testkit.internal.SnomPhoneScript;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A snom desk phone's web server on 127.0.0.1, for tests: a real HTTP (or HTTPS) server on an
 * ephemeral port that carries out the snom remote-control requests and settings writes, checks them
 * against its {@link SnomModel}, and records what it did for the test to assert on. It parses the
 * wire itself, never through the SDK's encoders. On its {@link Switchboard} it calls and is called
 * by the other fakes and fires its action URLs ({@link #calls()}, {@link #firedEvents()}); its
 * minibrowser fetches and shows documents ({@link #screen()}). Strict by default: {@link #close()}
 * fails the test if the fake got requests it did not understand that the test never read through
 * {@link #rejected()}. How it answers, authenticates and reboots: docs/testkit.md.
 *
 * <pre>{@code
 * try (FakeSnomPhone fake = FakeSnomPhone.builder().model(SnomModel.SNOM_870)
 *     .digestAuth("admin", "secret").start()) {
 *   // drive fake.uri() with the code under test, then:
 *   assertThat(fake.pressedKeys()).containsExactly(PressedKey.of("ENTER"));
 * }
 * }</pre>
 *
 * <p>Thread-safe: requests are served on one thread per connection while any test thread reads the
 * recorded state, scripts faults or changes the quirks; every accessor returns an immutable
 * snapshot and never blocks. {@link #takeRequest} and {@link #awaitOnline} block up to their
 * timeout. {@link #close()} closes every socket and ends every thread it started.
 */
public final class FakeSnomPhone implements AutoCloseable {
  private final SnomModel model; // null: any model
  private final ScriptedHttpServer server;
  private final SnomPhoneScript script;
  private final RunCertificate certificate; // null: plain http
  private final Faults faults;
  private final Switchboard board;
  private final boolean ownBoard;
  private final SwitchboardLine line;
  private final String mac;
  private final Minibrowser browser;

  private FakeSnomPhone(Builder b) throws IOException {
    this.model = b.model;
    ModelProfile profile = model == null ? ModelProfile.ANY : ModelProfile.of(model);
    AuthGate gate =
        new AuthGate(b.scheme, b.user, b.password, b.realm, b.algorithms, b.nonceLifetime, b.clock);
    this.script = new SnomPhoneScript(profile, gate, b.clock, b.rebootDowntime, b.strict);
    b.callLists.forEach(script::seed);
    this.ownBoard = b.board == null;
    this.board = ownBoard ? Switchboard.create() : b.board;
    String extension = ownBoard ? "101" : b.extension;
    this.mac = String.format("000413%06X", new SecureRandom().nextInt(1 << 24));
    String display = b.displayName == null ? extension : b.displayName;
    String userAgent =
        "Mozilla/4.0 (compatible; "
            + (model == null ? "snom" : model.displayName().replace(" ", ""))
            + "-SIP deskphone-fake)";
    this.browser =
        new Minibrowser(
            board.shared(),
            new Minibrowser.Phone() {
              @Override
              public boolean dial(String number) {
                return script.dialFromScreen(number);
              }

              @Override
              public boolean press(String key) {
                return script.pressFromScreen(key);
              }

              @Override
              public void set(String name, String value) {
                script.setFromScreen(name, value);
              }
            },
            userAgent);
    ActionUrls urls =
        new ActionUrls(
            board.shared(),
            script::settings,
            Map.of(
                "mac", mac,
                "user_name1", extension,
                "user_realname1", display,
                "user_host1", "127.0.0.1"),
            userAgent,
            browser::answered);
    this.line = new SwitchboardLine(board, extension, display, urls);
    line.closeScreen(browser::exit);
    line.screenKeys(key -> browser.softKey(key) || functionKeyUrl(key));
    script.screen(browser);
    board.join(line);
    script.line(line);
    this.certificate = b.https ? RunCertificate.create("fake " + profile.name()) : null;
    try {
      this.server =
          ScriptedHttpServer.start(
              script, certificate == null ? null : certificate.serverContext(), b.port);
    } catch (IOException | RuntimeException e) {
      leaveBoard();
      throw e;
    }
    script.attach(server);
    this.faults = new Faults(b.https, b.clock, script.reboot());
    server.intercept(faults.interceptor());
  }

  /** {@return a builder: no model (every documented key passes), no authentication, http} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return {@code http://127.0.0.1:PORT/} (or {@code https://}); the same across reboots} */
  public URI uri() {
    return server.uri("/");
  }

  /** {@return the model it plays, if one was chosen} */
  public Optional<SnomModel> model() {
    return Optional.ofNullable(model);
  }

  /**
   * The SHA-256 fingerprint of its run certificate, as {@code openssl x509 -fingerprint -sha256}
   * prints it, for {@link TlsPolicy#pinned(String)}.
   *
   * @return the fingerprint
   * @throws IllegalStateException if it was not built with {@link Builder#https()}
   */
  public String certificateFingerprint() {
    return certificate().fingerprint();
  }

  /**
   * Its run certificate in PEM form, for clients such as curl ({@code --cacert}).
   *
   * @return the certificate, PEM-encoded
   * @throws IllegalStateException if it was not built with {@link Builder#https()}
   */
  public String certificatePem() {
    return certificate().pem();
  }

  /**
   * A client policy that trusts exactly its run certificate, for the SDK builders' {@code
   * .tls(...)}.
   *
   * @return a policy pinning its run certificate
   * @throws IllegalStateException if it was not built with {@link Builder#https()}
   */
  public TlsPolicy tls() {
    return certificate().pinned();
  }

  private RunCertificate certificate() {
    if (certificate == null) {
      throw new IllegalStateException("this fake phone speaks http; build it with https()");
    }
    return certificate;
  }

  /** {@return every key event carried out, in order} */
  public List<PressedKey> pressedKeys() {
    return script.pressedKeys();
  }

  /** {@return every touch carried out, in order} */
  public List<Touch> touches() {
    return script.touches();
  }

  /** {@return every dial carried out, in order} */
  public List<Dialed> dialed() {
    return script.dialed();
  }

  /** {@return the digits of every DTMF request carried out, one entry per request, in order} */
  public List<String> dtmf() {
    return script.dtmf();
  }

  /**
   * The settings written to it ({@code dummy.htm?settings=save&...}, or {@code settings.htm} by GET
   * or POST), name to decoded value, in the order first written: a snapshot. A reboot keeps only
   * those written with {@code store_settings=save}; a factory reset forgets them all.
   *
   * @return the settings, name to value
   */
  public Map<String, String> settings() {
    return script.settings();
  }

  /**
   * {@return the value of setting {@code name} now, if one was written and not lost to a reboot}
   *
   * @param name the setting's name
   */
  public Optional<String> setting(String name) {
    return Optional.ofNullable(script.settings().get(Objects.requireNonNull(name, "name")));
  }

  /**
   * {@return a snapshot of hook, lines, ringer, reboots, call lists, firmware, lockout and the
   * rest}
   */
  public SnomPhoneState state() {
    return script.state();
  }

  /** {@return the journal: every request read, as sent, in arrival order} */
  public List<FakeRequest> requests() {
    return script.requests();
  }

  /**
   * Every request not carried out, with the status answered and why, in arrival order. Reading them
   * tells a strict fake (see {@link Builder#lenient()}) that the test has dealt with them, so that
   * {@link #close()} does not fail on them.
   *
   * @return the rejected requests
   */
  public List<RejectedRequest> rejected() {
    return script.rejected().all();
  }

  /**
   * Its fault script: close without an answer, reset, stall, delay, garbage, refused connections
   * and the rest, per request or per connection; the one way to make the fake misbehave on the
   * network.
   *
   * @return its fault script
   */
  public Faults faults() {
    return faults;
  }

  /**
   * Scripted stale nonce: every Digest nonce given so far expires now, so the next request with one
   * gets a {@code 401} with {@code stale=true} (and is not carried out).
   */
  public void expireNonces() {
    script.expireNonces();
  }

  /**
   * Scripted stale nonce on the {@code n}-th request (1-based, {@link FakeRequest#sequence()}):
   * every nonce expires just before it is checked, so it gets a {@code 401} with {@code
   * stale=true}.
   *
   * @param n the request's sequence number, 1-based
   */
  public void expireNoncesOn(int n) {
    script.expireNoncesBefore(r -> r.sequence() == n);
  }

  /**
   * Takes the oldest request that no earlier call took, waiting for one up to {@code timeout}
   * (mockwebserver style; independent of {@link #requests()}).
   *
   * @param timeout how long to wait
   * @return the request, or empty if none arrived in time
   * @throws InterruptedException if interrupted while waiting
   */
  public Optional<FakeRequest> takeRequest(Duration timeout) throws InterruptedException {
    return script.takeRequest(Objects.requireNonNull(timeout, "timeout"));
  }

  /**
   * Replaces a call list with {@code entries}, oldest first.
   *
   * @param list the call list to replace
   * @param entries its new entries, oldest first
   */
  public void seedCallList(CallList list, List<String> entries) {
    script.seed(Objects.requireNonNull(list, "list"), List.copyOf(entries));
  }

  /**
   * Phone behaviour: answer a dial with {@code 302 Found} and {@code Location: /index.htm} (the
   * dial is carried out), as some firmware does.
   *
   * @param on whether to redirect dials
   */
  public void redirectDials(boolean on) {
    script.redirectDials(on);
  }

  /**
   * Phone behaviour, as reported for real phones (symcon/Snom: a push is slow, about 8 s, to a
   * client that keeps the connection alive; the mechanism is unverified): {@code minibrowser.htm}
   * answers a request without {@code Connection: close} with no length and holds the connection
   * open, so a client that reads the body to its end waits until the fake closes. The document is
   * fetched and shown all the same. Off by default.
   *
   * @param on whether to hold them open
   */
  public void holdMinibrowserConnections(boolean on) {
    script.holdMinibrowserConnections(on);
  }

  /**
   * Phone setting: with remote control disabled, {@code command.htm} answers {@code 403} and does
   * nothing.
   *
   * @param enabled whether remote control is enabled
   */
  public void remoteControl(boolean enabled) {
    script.remoteControl(enabled);
  }

  /**
   * Ends a reboot or reset now: the fake listens again with new nonces. Also ends an outage from
   * {@link Faults#refuseConnectionsFor}. No-op when online.
   */
  public void finishReboot() {
    script.reboot().finish();
  }

  /**
   * Waits (real time, up to {@code timeout}) until a reboot, or an outage from {@link
   * Faults#refuseConnectionsFor}, is over, which it is once its downtime has passed on the fake's
   * clock.
   *
   * @param timeout how long to wait
   * @return whether it is online
   * @throws InterruptedException if interrupted while waiting
   */
  public boolean awaitOnline(Duration timeout) throws InterruptedException {
    return script.reboot().awaitOnline(Objects.requireNonNull(timeout, "timeout"));
  }

  /**
   * Stops the server, closes every connection and ends every thread. Idempotent.
   *
   * @throws AssertionError once, after closing, if the fake is strict (the default) and received
   *     requests it did not understand that the test never read through {@link #rejected()}
   */
  @Override
  public void close() {
    script.reboot().close();
    server.close();
    leaveBoard();
    script.rejected().check(toString());
  }

  /**
   * A programmable key {@code Pn} whose setting {@code fkey(n-1)} is {@code url URL}: the phone
   * fetches the URL and shows a document it answers with. Called under the phone's lock.
   */
  private boolean functionKeyUrl(String key) {
    if (!key.matches("P[1-9][0-9]{0,2}")) {
      return false;
    }
    String value = script.settings().get("fkey" + (Integer.parseInt(key.substring(1)) - 1));
    if (value == null || !value.startsWith("url ")) {
      return false;
    }
    browser.open(value.substring(4).strip());
    return true;
  }

  private void leaveBoard() {
    board.leave(line.extension());
    if (ownBoard) {
      board.close();
    }
  }

  /**
   * Its extension on its {@link Switchboard} ({@link Builder#switchboard}); {@code 101} on the
   * private board of a fake built without one. {@code $local} and {@code $active_user} in its
   * action URLs.
   *
   * @return its extension
   */
  public String extension() {
    return line.extension();
  }

  /**
   * Its MAC address, 12 upper-case hex digits starting with snom's {@code 000413}, random per fake:
   * {@code $mac} in its action URLs.
   *
   * @return its MAC address
   */
  public String mac() {
    return mac;
  }

  /** {@return its calls now, oldest first: a snapshot} */
  public List<FakeCall> calls() {
    return line.calls();
  }

  /**
   * Its calls that are over (state {@link FakeCall.State#ENDED}), in the order they ended, with the
   * DTMF sent and received while they were up: a snapshot of the last 1,000.
   *
   * @return its ended calls
   */
  public List<FakeCall> endedCalls() {
    return line.endedCalls();
  }

  /**
   * Waits (real time, up to {@code timeout}, woken by each change, never sleeping) until it has a
   * call in {@code state}.
   *
   * @param state the state to wait for
   * @param timeout how long to wait
   * @return the newest such call, or empty if none came in time
   * @throws InterruptedException if interrupted while waiting
   */
  public Optional<FakeCall> awaitCall(FakeCall.State state, Duration timeout)
      throws InterruptedException {
    Objects.requireNonNull(state, "state");
    return line.await(
        () -> {
          List<FakeCall> now = line.callsLocked();
          for (int i = now.size() - 1; i >= 0; i--) {
            if (now.get(i).state() == state) {
              return Optional.of(now.get(i));
            }
          }
          return Optional.empty();
        },
        Objects.requireNonNull(timeout, "timeout"));
  }

  /**
   * Waits (real time, up to {@code timeout}, never sleeping) until it has no call.
   *
   * @param timeout how long to wait
   * @return whether it has none
   * @throws InterruptedException if interrupted while waiting
   */
  public boolean awaitNoCall(Duration timeout) throws InterruptedException {
    return line.await(
            () -> line.callsLocked().isEmpty() ? Optional.of(true) : Optional.empty(),
            Objects.requireNonNull(timeout, "timeout"))
        .isPresent();
  }

  /**
   * The action URLs it fired (sent, or dropped by a fault), in the order recorded: a snapshot of
   * the last 10,000. An event whose setting holds no URL fires nothing. How the variables are
   * replaced: docs/testkit.md.
   *
   * @return the events it fired
   */
  public List<FiredEvent> firedEvents() {
    return line.urls().fired();
  }

  /**
   * Waits (real time, up to {@code timeout}, never sleeping) until it fired {@code event} at least
   * once; firing is asynchronous, as on a phone.
   *
   * @param event the event to wait for
   * @param timeout how long to wait
   * @return the first, or empty if none was recorded in time
   * @throws InterruptedException if interrupted while waiting
   */
  public Optional<FiredEvent> awaitFired(SnomEventType event, Duration timeout)
      throws InterruptedException {
    return awaitFired(event, 1, timeout);
  }

  /**
   * Waits (real time, up to {@code timeout}, never sleeping) until it fired {@code event} {@code
   * count} times in all.
   *
   * @param event the event to wait for
   * @param count how many times it must have fired; positive
   * @param timeout how long to wait
   * @return the {@code count}-th, or empty if not recorded in time
   * @throws IllegalArgumentException if {@code count} is not positive
   * @throws InterruptedException if interrupted while waiting
   */
  public Optional<FiredEvent> awaitFired(SnomEventType event, int count, Duration timeout)
      throws InterruptedException {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(timeout, "timeout");
    if (count < 1) {
      throw new IllegalArgumentException("count must be positive, was " + count);
    }
    return line.urls().await(event, count, timeout);
  }

  /**
   * What its minibrowser shows now: the last document it fetched and could read (pushed with {@code
   * minibrowser.htm?url=...}, an action URL's answer, a menu item selected, an input typed, a
   * {@code fetch}); empty when it shows none (never any, or closed by {@code snom://mb_exit} or
   * {@code CANCEL}). Fetching is asynchronous, as on a phone: see {@link #awaitScreen}.
   *
   * @return the screen, or empty
   */
  public Optional<FakeScreen> screen() {
    return browser.screen();
  }

  /**
   * Waits (real time, up to {@code timeout}, woken by each change, never sleeping) until its
   * minibrowser shows a document that {@code condition} accepts.
   *
   * @param condition what the screen must satisfy
   * @param timeout how long to wait
   * @return the screen, or empty if none matched in time
   * @throws InterruptedException if interrupted while waiting
   */
  public Optional<FakeScreen> awaitScreen(Predicate<FakeScreen> condition, Duration timeout)
      throws InterruptedException {
    Objects.requireNonNull(condition, "condition");
    return browser.awaitShown(condition, Objects.requireNonNull(timeout, "timeout"));
  }

  /**
   * Waits (real time, up to {@code timeout}, never sleeping) until its minibrowser shows nothing
   * (closed by {@code snom://mb_exit}, {@code CANCEL}, or never opened).
   *
   * @param timeout how long to wait
   * @return whether it shows nothing
   * @throws InterruptedException if interrupted while waiting
   */
  public boolean awaitNoScreen(Duration timeout) throws InterruptedException {
    return browser.awaitNothing(Objects.requireNonNull(timeout, "timeout"));
  }

  /** {@return its function-key LEDs that minibrowser documents set, by number} */
  public Map<Integer, FakeSnomLed> leds() {
    return browser.leds();
  }

  /**
   * Selects item {@code index} (0-based) of the menu or directory shown, as a user does with the
   * keys: a menu item's URL is fetched (or its fragment run), a directory entry's number dialed.
   * Asynchronous, as on a phone.
   *
   * @param index the item, 0-based
   * @throws IllegalStateException if no menu or directory is shown
   * @throws IllegalArgumentException if it has no such item, naming the items
   */
  public void select(int index) {
    browser.select(index);
  }

  /**
   * Types {@code value} into the input shown and confirms it: its URL, the input token replaced by
   * the value percent-encoded, is fetched. Asynchronous, as on a phone.
   *
   * @param value the text to type
   * @throws IllegalStateException if no input is shown
   */
  public void type(String value) {
    browser.type(Objects.requireNonNull(value, "value"));
  }

  /**
   * Why documents or fragments were not shown or run (not fetched, not 200, not readable, unknown
   * fragment), oldest first: the last 100.
   *
   * @return the failures, oldest first
   */
  public List<String> screenFailures() {
    return browser.failures();
  }

  /** {@return its action-URL faults: drop, delay or duplicate the next occurrence of an event} */
  public EventFaults eventFaults() {
    return line.urls().faults();
  }

  /** The model and the URI, for logs. */
  @Override
  public String toString() {
    return "FakeSnomPhone["
        + (model == null ? "any model" : model.displayName())
        + " at "
        + uri()
        + "]";
  }

  /**
   * Configures and starts a {@link FakeSnomPhone}. Defaults: no model (every documented key, touch
   * and feature passes), no authentication, http, strict, the system clock, Digest offering MD5
   * with nonces living 5 minutes, realm {@code snom}, a reboot downtime of 1 second, empty call
   * lists. Nothing is required. Not thread-safe: configure it on one thread; each {@link #start()}
   * starts a new fake.
   */
  public static final class Builder {
    private SnomModel model;
    private AuthGate.Scheme scheme = AuthGate.Scheme.NONE;
    private String user = "";
    private String password = "";
    private String realm = "snom";
    private List<DigestAlgorithm> algorithms = List.of(DigestAlgorithm.MD5);
    private Duration nonceLifetime = Duration.ofMinutes(5);
    private boolean https;
    private Clock clock = Clock.systemUTC();
    private Duration rebootDowntime = Duration.ofSeconds(1);
    private int port;
    private boolean strict = true;
    private final Map<CallList, List<String>> callLists = new EnumMap<>(CallList.class);
    private Switchboard board;
    private String extension;
    private String displayName;

    private Builder() {}

    /**
     * Joins {@code board} with {@code extension}: other fakes on it can call this one, and it them.
     * Without it, the fake has a switchboard of its own, as extension 101.
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
     * The name it shows for its identity (default: its extension): {@code $display_local} in its
     * action URLs and {@code $display_remote} in those of the phones it calls.
     *
     * @param name the display name
     * @return this builder
     * @throws IllegalArgumentException if {@code name} is blank or has control characters
     */
    public Builder displayName(String name) {
      Objects.requireNonNull(name, "name");
      if (name.isBlank() || name.length() > 64 || name.chars().anyMatch(Character::isISOControl)) {
        throw new IllegalArgumentException(
            "display name '"
                + name
                + "' must be 1 to 64 characters, not blank, no control characters");
      }
      this.displayName = name;
      return this;
    }

    /**
     * The model it plays: keys, touches and features it lacks are not carried out.
     *
     * @param model the model
     * @return this builder
     */
    public Builder model(SnomModel model) {
      this.model = Objects.requireNonNull(model, "model");
      return this;
    }

    /**
     * No authentication (the default; firmware 10 ships without a web password).
     *
     * @return this builder
     */
    public Builder noAuth() {
      return auth(AuthGate.Scheme.NONE, "", "");
    }

    /**
     * HTTP Basic for {@code user} and {@code password}.
     *
     * @param user the user name
     * @param password the password
     * @return this builder
     */
    public Builder basicAuth(String user, String password) {
      if (user.contains(":")) {
        throw new IllegalArgumentException("a Basic user name cannot contain ':'");
      }
      return auth(AuthGate.Scheme.BASIC, user, password);
    }

    /**
     * HTTP Digest for {@code user} and {@code password}, offering {@link #digestAlgorithms}.
     *
     * @param user the user name
     * @param password the password
     * @return this builder
     */
    public Builder digestAuth(String user, String password) {
      return auth(AuthGate.Scheme.DIGEST, user, password);
    }

    private Builder auth(AuthGate.Scheme scheme, String user, String password) {
      this.scheme = scheme;
      this.user = Objects.requireNonNull(user, "user");
      this.password = Objects.requireNonNull(password, "password");
      return this;
    }

    /**
     * The Digest algorithms offered, one challenge each, in this order (default: MD5).
     *
     * @param algorithms the algorithms, at least one
     * @return this builder
     */
    public Builder digestAlgorithms(DigestAlgorithm... algorithms) {
      Set<DigestAlgorithm> set = new LinkedHashSet<>(List.of(algorithms));
      if (set.isEmpty() || set.size() != algorithms.length) {
        throw new IllegalArgumentException(
            "offer one or more distinct Digest algorithms, got " + List.of(algorithms));
      }
      this.algorithms = List.copyOf(set);
      return this;
    }

    /**
     * The realm in its challenges (default {@code snom}); no quotes or backslashes.
     *
     * @param realm the realm
     * @return this builder
     */
    public Builder realm(String realm) {
      if (realm.isEmpty() || realm.contains("\"") || realm.contains("\\")) {
        throw new IllegalArgumentException("realm must be non-empty without quotes or backslashes");
      }
      this.realm = realm;
      return this;
    }

    /**
     * How long a Digest nonce lives on the fake's clock (default 5 minutes); positive.
     *
     * @param lifetime the nonce lifetime
     * @return this builder
     */
    public Builder nonceLifetime(Duration lifetime) {
      if (lifetime.isNegative() || lifetime.isZero()) {
        throw new IllegalArgumentException("nonce lifetime must be positive, got " + lifetime);
      }
      this.nonceLifetime = lifetime;
      return this;
    }

    /**
     * Speaks HTTPS with a certificate made for this run; see {@link FakeSnomPhone#tls()}.
     *
     * @return this builder
     */
    public Builder https() {
      this.https = true;
      return this;
    }

    /**
     * The clock for nonce expiry, login lockout and reboot downtime (e.g. a {@link MutableClock}).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * How long a reboot or reset keeps it offline, on its clock (default 1 second); {@link
     * FakeSnomPhone#finishReboot()} ends one early. Zero: back at once, with new nonces.
     *
     * @param downtime the downtime; zero or more
     * @return this builder
     */
    public Builder rebootDowntime(Duration downtime) {
      if (downtime.isNegative()) {
        throw new IllegalArgumentException("reboot downtime must not be negative, got " + downtime);
      }
      this.rebootDowntime = downtime;
      return this;
    }

    /**
     * The port to listen on, for a fake run as a standalone server; 0 (the default) picks a free
     * one, which is what tests want.
     *
     * @param port the port, or 0 for a free one
     * @return this builder
     */
    public Builder port(int port) {
      this.port = ScriptedHttpServer.checkedPort(port);
      return this;
    }

    /**
     * Does not fail the test at {@link FakeSnomPhone#close()} for requests it did not understand
     * (by default it does, see {@link FakeSnomPhone#rejected()}).
     *
     * @return this builder
     */
    public Builder lenient() {
      this.strict = false;
      return this;
    }

    /**
     * Starts with {@code entries} (oldest first) in call list {@code list}.
     *
     * @param list the call list
     * @param entries its entries, oldest first
     * @return this builder
     */
    public Builder callList(CallList list, List<String> entries) {
      callLists.put(Objects.requireNonNull(list, "list"), List.copyOf(entries));
      return this;
    }

    /**
     * Starts the fake on 127.0.0.1 and its {@linkplain #port port}.
     *
     * @return the started fake
     * @throws IllegalArgumentException if its {@linkplain #switchboard extension} is taken
     * @throws UncheckedIOException if no port could be bound
     */
    public FakeSnomPhone start() {
      try {
        return new FakeSnomPhone(this);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the fake snom phone", e);
      }
    }
  }
}
