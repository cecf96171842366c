package dev.deskphone.testkit;

import dev.deskphone.core.TlsPolicy;
import dev.deskphone.snom.CallList;
import dev.deskphone.snom.SnomModel;
import dev.deskphone.testkit.internal.RunCertificate;
import dev.deskphone.testkit.internal.ScriptedHttpServer;
import dev.deskphone.testkit.internal.SnomPhoneScript;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A snom desk phone's web server on 127.0.0.1, for tests: a real HTTP (or HTTPS) server on an
 * ephemeral port that carries out every request of the snom remote-control page ({@code
 * command.htm} keys, touches, dial, DTMF, release, log off, re-register, FIX_LIL; {@code
 * line_login.htm} ringer; {@code advanced_update.htm} reboot and reset; {@code index.htm} call
 * lists; {@code dummy.htm} firmware), checks it against its {@link SnomModel}, and keeps what it
 * did for the test to assert on.
 *
 * <pre>{@code
 * try (FakeSnomPhone fake = FakeSnomPhone.builder().model(SnomModel.SNOM_870)
 *     .digestAuth("admin", "secret").start()) {
 *   // drive fake.uri() with the code under test, then:
 *   assertThat(fake.pressedKeys()).containsExactly(PressedKey.of("ENTER"));
 * }
 * }</pre>
 *
 * <p><b>Parsing.</b> It reads the raw request target itself (its own percent-decoding, {@code +} as
 * a space, as a phone's form handler does), never through the SDK's encoders, so an encoding bug
 * cannot hide by being mirrored. {@code key=} is split on the literal {@code ;} and {@code ,}
 * before decoding; {@code PLAY_RINGER:n=+Ringer} arrives as documented; a dial number's {@code +}
 * must come as {@code %2B}.
 *
 * <p><b>Answers.</b> A command carried out: {@code 200} with a small HTML page (or the scripted
 * quirks below). A command the phone does not understand (unknown command or key, a key, touch or
 * feature its model lacks, a value out of range, more than one command in one request): {@code
 * 200}, as a phone ignores what it does not know, with nothing done and the request recorded in
 * {@link #rejected()}. A request a web server cannot read (bad percent-encoding, a raw {@code #},
 * invalid UTF-8): {@code 400}. Unknown page: {@code 404}. A method other than GET: {@code 405}. A
 * request is carried out whole or not at all.
 *
 * <p><b>Authentication.</b> None, Basic or Digest ({@link DigestAlgorithm MD5 and/or SHA-256},
 * {@code qop=auth}, {@code opaque}), done by the fake itself. A nonce expires after {@link
 * FakeSnomPhoneBuilder#nonceLifetime} on the fake's clock; right credentials on an expired or
 * unknown nonce get a 401 with {@code stale=true}. An {@code nc} that does not grow per nonce is
 * refused (401, recorded). A digest {@code uri} other than the request target: 400. Three failed
 * logins in a row lock the web interface for 1 minute, doubling with each later lockout: every
 * request then gets {@code 403} with {@code Retry-After}. A missing {@code Authorization} is a
 * plain challenge, not a failure and not recorded as rejected; stale nonces are not recorded
 * either.
 *
 * <p><b>Reboot.</b> {@code reboot=Reboot} and {@code reset=Reset} are answered {@code 200} and the
 * connection closed; the fake stops listening before that answer is written, so a client that read
 * it finds connections refused, and open keep-alive connections are dropped. It stays offline for
 * {@link FakeSnomPhoneBuilder#rebootDowntime} on its clock, or until {@link #finishReboot()}, then
 * comes back on the same port with new nonces, a new opaque, no lockout, on-hook. A reset also
 * empties the call lists. The credentials stay. A request that honours {@code Connection: close} is
 * answered with the connection closed after.
 *
 * <p><b>Strictness.</b> By default a request it does not understand (everything in {@link
 * #rejected()}) fails the test: {@link #close()} throws an {@link AssertionError} listing those the
 * test never read. {@link FakeSnomPhoneBuilder#lenient()} turns that off.
 *
 * <p><b>Faults.</b> {@link #faults()} scripts misbehaviour per request or connection; {@link
 * #expireNonces()} and {@link #expireNoncesOn} script stale-nonce 401s.
 *
 * <p><b>Threading.</b> Thread-safe: requests are served on one thread per connection while any test
 * thread reads the recorded state or changes the quirks; every accessor returns an immutable
 * snapshot. Accessors never block; {@link #takeRequest} and {@link #awaitOnline} block up to their
 * timeout. {@link #close()} closes every socket and ends every thread it started.
 */
public final class FakeSnomPhone implements AutoCloseable {
  private final Optional<SnomModel> model;
  private final ScriptedHttpServer server;
  private final SnomPhoneScript script;
  private final Optional<RunCertificate> certificate;
  private final Faults faults;

  FakeSnomPhone(
      Optional<SnomModel> model,
      SnomPhoneScript script,
      Optional<RunCertificate> certificate,
      Clock clock,
      int port)
      throws IOException {
    this.model = model;
    this.script = script;
    this.certificate = certificate;
    this.server =
        ScriptedHttpServer.start(
            script, certificate.map(RunCertificate::serverContext).orElse(null), port);
    script.attach(server);
    this.faults = new Faults(certificate.isPresent(), clock, script.reboot());
    server.intercept(faults.interceptor());
  }

  /** A builder: no model (every documented key passes), no authentication, http. */
  public static FakeSnomPhoneBuilder builder() {
    return new FakeSnomPhoneBuilder();
  }

  /** {@code http://127.0.0.1:PORT/} (or {@code https://}); the same across reboots. */
  public URI uri() {
    return server.uri("/");
  }

  /** The model it plays, if one was chosen. */
  public Optional<SnomModel> model() {
    return model;
  }

  /**
   * The SHA-256 fingerprint of its run certificate, as {@code openssl x509 -fingerprint -sha256}
   * prints it, for {@link TlsPolicy#pinned(String)}.
   *
   * @throws IllegalStateException if it was not built with {@link FakeSnomPhoneBuilder#https()}
   */
  public String certificateFingerprint() {
    return tls().fingerprint();
  }

  /**
   * Its run certificate in PEM form, for clients such as curl ({@code --cacert}).
   *
   * @throws IllegalStateException if it was not built with {@link FakeSnomPhoneBuilder#https()}
   */
  public String certificatePem() {
    return tls().pem();
  }

  /**
   * A client policy that trusts exactly its run certificate.
   *
   * @throws IllegalStateException if it was not built with {@link FakeSnomPhoneBuilder#https()}
   */
  public TlsPolicy tlsPolicy() {
    return tls().pinned();
  }

  private RunCertificate tls() {
    return certificate.orElseThrow(
        () -> new IllegalStateException("this fake phone speaks http; build it with https()"));
  }

  /** Every key event carried out, in order. */
  public List<PressedKey> pressedKeys() {
    return script.pressedKeys();
  }

  /** Every touch carried out, in order. */
  public List<Touch> touches() {
    return script.touches();
  }

  /** Every dial carried out, in order. */
  public List<Dialed> dialed() {
    return script.dialed();
  }

  /** The digits of every DTMF request carried out, one entry per request, in order. */
  public List<String> dtmf() {
    return script.dtmf();
  }

  /** A snapshot of hook, lines, ringer, reboots, call lists, firmware, lockout and the rest. */
  public SnomPhoneState state() {
    return script.state();
  }

  /** The journal: every request read, as sent, in arrival order. */
  public List<FakeRequest> requests() {
    return script.requests();
  }

  /**
   * Every request not carried out, with the status answered and why, in arrival order. Reading them
   * tells a {@linkplain FakeSnomPhoneBuilder#lenient() strict} fake that the test has dealt with
   * them, so that {@link #close()} does not fail on them.
   */
  public List<RejectedRequest> rejected() {
    return script.rejected().all();
  }

  /**
   * Its fault script: close, reset, stall, garbage, refused connections and the rest, per request
   * or per connection.
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
   */
  public void expireNoncesOn(int n) {
    script.expireNoncesBefore(r -> r.sequence() == n);
  }

  /**
   * Takes the oldest request that no earlier call took, waiting for one up to {@code timeout}
   * (mockwebserver style; independent of {@link #requests()}).
   *
   * @return the request, or empty if none arrived in time
   */
  public Optional<FakeRequest> takeRequest(Duration timeout) throws InterruptedException {
    return script.takeRequest(Objects.requireNonNull(timeout, "timeout"));
  }

  /** Replaces a call list with {@code entries}, oldest first. */
  public void seedCallList(CallList list, List<String> entries) {
    script.seed(Objects.requireNonNull(list, "list"), List.copyOf(entries));
  }

  /**
   * Quirk: answer a dial with {@code 302 Found} and {@code Location: /index.htm} (the dial is
   * carried out), as some firmware does.
   */
  public void redirectDials(boolean on) {
    script.redirectDials(on);
  }

  /**
   * Quirk: with remote control disabled, {@code command.htm} answers {@code 403} and does nothing.
   */
  public void remoteControl(boolean enabled) {
    script.remoteControl(enabled);
  }

  /**
   * Quirk: the requests {@code which} matches are carried out, then their connection is closed
   * without an answer (the client cannot know whether the command ran). Replaces any earlier one.
   * Note that the plain JDK {@code HttpClient} silently sends such a GET again: the fake then
   * carries it out twice, which is what the SDK's own transport prevents.
   */
  public void closeWithoutAnswer(Predicate<FakeRequest> which) {
    Objects.requireNonNull(which, "which");
    faults.quirk(
        "closeWithoutAnswer",
        FaultRule.of(Fault.closeWithoutAnswer(), false, s -> which.test(s.request())));
  }

  /**
   * Quirk: {@link #closeWithoutAnswer} for the {@code n}-th request only (1-based, as counted by
   * {@link FakeRequest#sequence()}).
   */
  public void closeWithoutAnswerTo(int n) {
    closeWithoutAnswer(r -> r.sequence() == n);
  }

  /** Quirk: every answer waits {@code delay} (real time) before it is written. */
  public void answerDelay(Duration delay) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("answer delay must not be negative, got " + delay);
    }
    faults.answerDelay(delay);
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
   * @return whether it is online
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
    script.rejected().check(toString());
  }

  @Override
  public String toString() {
    return "FakeSnomPhone["
        + model.map(SnomModel::displayName).orElse("any model")
        + " at "
        + uri()
        + "]";
  }
}
