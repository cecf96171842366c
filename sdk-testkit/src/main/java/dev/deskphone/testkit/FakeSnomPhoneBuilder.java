package dev.deskphone.testkit;

import dev.deskphone.snom.CallList;
import dev.deskphone.snom.SnomModel;
import dev.deskphone.testkit.internal.AuthGate;
import dev.deskphone.testkit.internal.ModelProfile;
import dev.deskphone.testkit.internal.RunCertificate;
import dev.deskphone.testkit.internal.SnomPhoneScript;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Configures and starts a {@link FakeSnomPhone}. Defaults: no model (every documented key, touch
 * and feature passes), no authentication, http, strict, the system clock, Digest offering MD5 with
 * nonces living 5 minutes, realm {@code snom}, a reboot downtime of 1 second, empty call lists. Not
 * thread-safe: configure it on one thread; each {@link #start()} starts a new fake.
 */
public final class FakeSnomPhoneBuilder {
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

  FakeSnomPhoneBuilder() {}

  /** The model it plays: keys, touches and features it lacks are not carried out. */
  public FakeSnomPhoneBuilder model(SnomModel model) {
    this.model = Objects.requireNonNull(model, "model");
    return this;
  }

  /** No authentication (the default; firmware 10 ships without a web password). */
  public FakeSnomPhoneBuilder noAuth() {
    return auth(AuthGate.Scheme.NONE, "", "");
  }

  /** HTTP Basic for {@code user} and {@code password}. */
  public FakeSnomPhoneBuilder basicAuth(String user, String password) {
    if (user.contains(":")) {
      throw new IllegalArgumentException("a Basic user name cannot contain ':'");
    }
    return auth(AuthGate.Scheme.BASIC, user, password);
  }

  /** HTTP Digest for {@code user} and {@code password}, offering {@link #digestAlgorithms}. */
  public FakeSnomPhoneBuilder digestAuth(String user, String password) {
    return auth(AuthGate.Scheme.DIGEST, user, password);
  }

  private FakeSnomPhoneBuilder auth(AuthGate.Scheme scheme, String user, String password) {
    this.scheme = scheme;
    this.user = Objects.requireNonNull(user, "user");
    this.password = Objects.requireNonNull(password, "password");
    return this;
  }

  /** The Digest algorithms offered, one challenge each, in this order (default: MD5). */
  public FakeSnomPhoneBuilder digestAlgorithms(DigestAlgorithm... algorithms) {
    Set<DigestAlgorithm> set = new LinkedHashSet<>(List.of(algorithms));
    if (set.isEmpty() || set.size() != algorithms.length) {
      throw new IllegalArgumentException(
          "offer one or more distinct Digest algorithms, got " + List.of(algorithms));
    }
    this.algorithms = List.copyOf(set);
    return this;
  }

  /** The realm in its challenges (default {@code snom}); no quotes or backslashes. */
  public FakeSnomPhoneBuilder realm(String realm) {
    if (realm.isEmpty() || realm.contains("\"") || realm.contains("\\")) {
      throw new IllegalArgumentException("realm must be non-empty without quotes or backslashes");
    }
    this.realm = realm;
    return this;
  }

  /** How long a Digest nonce lives on the fake's clock (default 5 minutes). */
  public FakeSnomPhoneBuilder nonceLifetime(Duration lifetime) {
    this.nonceLifetime = positive(lifetime, "nonce lifetime");
    return this;
  }

  /** Speaks HTTPS with a certificate made for this run, see {@link FakeSnomPhone#tlsPolicy()}. */
  public FakeSnomPhoneBuilder https() {
    this.https = true;
    return this;
  }

  /**
   * The clock for nonce expiry, login lockout and reboot downtime (e.g. a {@link MutableClock}).
   */
  public FakeSnomPhoneBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * How long a reboot or reset keeps it offline, on its clock (default 1 second); {@link
   * FakeSnomPhone#finishReboot()} ends one early. Zero: back at once, with new nonces.
   */
  public FakeSnomPhoneBuilder rebootDowntime(Duration downtime) {
    if (downtime.isNegative()) {
      throw new IllegalArgumentException("reboot downtime must not be negative, got " + downtime);
    }
    this.rebootDowntime = downtime;
    return this;
  }

  /**
   * The port to listen on, for a fake run as a standalone server; 0 (the default) picks a free one,
   * which is what tests want.
   */
  public FakeSnomPhoneBuilder port(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be from 0 to 65535, was " + port);
    }
    this.port = port;
    return this;
  }

  /**
   * Does not fail the test at {@link FakeSnomPhone#close()} for requests it did not understand (by
   * default it does, see {@link FakeSnomPhone#rejected()}).
   */
  public FakeSnomPhoneBuilder lenient() {
    this.strict = false;
    return this;
  }

  /** Starts with {@code entries} (oldest first) in call list {@code list}. */
  public FakeSnomPhoneBuilder callList(CallList list, List<String> entries) {
    callLists.put(Objects.requireNonNull(list, "list"), List.copyOf(entries));
    return this;
  }

  /**
   * Starts the fake on 127.0.0.1 and its {@linkplain #port port}.
   *
   * @throws UncheckedIOException if no port could be bound
   */
  public FakeSnomPhone start() {
    ModelProfile profile = model == null ? ModelProfile.ANY : ModelProfile.of(model);
    AuthGate gate = new AuthGate(scheme, user, password, realm, algorithms, nonceLifetime, clock);
    SnomPhoneScript script = new SnomPhoneScript(profile, gate, clock, rebootDowntime, strict);
    callLists.forEach(script::seed);
    Optional<RunCertificate> certificate =
        https ? Optional.of(RunCertificate.create("fake " + profile.name())) : Optional.empty();
    try {
      return new FakeSnomPhone(Optional.ofNullable(model), script, certificate, clock, port);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the fake snom phone", e);
    }
  }

  private static Duration positive(Duration d, String what) {
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(what + " must be positive, got " + d);
    }
    return d;
  }
}
