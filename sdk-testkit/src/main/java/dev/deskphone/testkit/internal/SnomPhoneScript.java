package dev.deskphone.testkit.internal;

import dev.deskphone.snom.CallList;
import dev.deskphone.testkit.Dialed;
import dev.deskphone.testkit.FakeRequest;
import dev.deskphone.testkit.PressedKey;
import dev.deskphone.testkit.RejectedRequest;
import dev.deskphone.testkit.SnomPhoneState;
import dev.deskphone.testkit.Touch;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The fake snom phone's behaviour behind its {@link ScriptedHttpServer}: journal, authentication,
 * commands, state and quirks. Thread-safe: requests arrive on the server's connection threads, the
 * test reads from its own; one lock guards state, journal and authentication, and quirks are
 * volatile.
 */
public final class SnomPhoneScript implements ScriptedHttpServer.Script {
  /** The pages that take a POST as they take a GET (peers post commands and settings). */
  private static final Set<String> POST_PAGES =
      Set.of("/command.htm", "/settings.htm", "/dummy.htm");

  private final Object lock = new Object();
  private final ModelProfile model;
  private final Clock clock;
  private final AuthGate gate;
  private final PhoneState state = new PhoneState(); // guarded by lock
  private final List<FakeRequest> journal = new ArrayList<>(); // guarded by lock
  private final RejectionLog rejected;
  private final BlockingQueue<FakeRequest> untaken = new LinkedBlockingQueue<>();
  private final ThreadLocal<Boolean> offlineAfterAnswer = new ThreadLocal<>();
  private final RebootCycle reboot;
  private volatile boolean redirectDials;
  private volatile boolean remoteControl = true;
  private volatile Predicate<FakeRequest> expireNoncesBefore = r -> false;
  private volatile ScreenSide screen = ScreenSide.NONE;
  private volatile boolean holdMinibrowserConnections;

  /** A phone of {@code model} behind {@code gate}, rebooting for {@code rebootDowntime}. */
  public SnomPhoneScript(
      ModelProfile model, AuthGate gate, Clock clock, Duration rebootDowntime, boolean strict) {
    this.model = model;
    this.rejected = new RejectionLog(strict);
    this.gate = gate;
    this.clock = clock;
    this.reboot = new RebootCycle(clock, rebootDowntime, this::boot);
  }

  /** The server whose listening the reboots interrupt. */
  public void attach(ScriptedHttpServer server) {
    reboot.attach(server);
  }

  @Override
  public Action answer(RecordedRequest raw) {
    FakeRequest request;
    Action action;
    synchronized (lock) {
      request = raw.toFake(journal.size() + 1, clock.instant());
      journal.add(request);
      action = decide(request);
    }
    if (offlineAfterAnswer.get() != null) {
      reboot.begin();
    }
    untaken.add(request);
    if (!(action instanceof Action.Respond r)) {
      return action;
    }
    boolean close =
        request.headerValues("Connection").stream().anyMatch(v -> v.equalsIgnoreCase("close"));
    return close && !r.closeAfter() ? r.closing() : r;
  }

  @Override
  public void answered(RecordedRequest request) {
    if (offlineAfterAnswer.get() != null) {
      offlineAfterAnswer.remove();
      reboot.answered();
    }
  }

  private Action decide(FakeRequest r) {
    if (!state.online()) {
      return Action.close(); // arrived between the reboot's answer and the server's suspension
    }
    boolean post = POST_PAGES.contains(r.path());
    if (!r.method().equals("GET") && !(post && r.method().equals("POST"))) {
      return reject(
          r,
          SnomPages.page(405, model.name(), "Method not allowed")
              .header("Allow", post ? "GET, POST" : "GET"),
          "method " + r.method() + " on " + r.path());
    }
    if (expireNoncesBefore.test(r)) {
      gate.expireNonces();
    }
    AuthGate.Decision d = gate.check(r.method(), r.target(), r.header("Authorization"));
    if (d instanceof AuthGate.Locked l) {
      long seconds = Math.max(1, Duration.between(clock.instant(), l.until()).toSeconds());
      return reject(
          r,
          SnomPages.page(403, model.name(), "Locked after failed logins")
              .header("Retry-After", Long.toString(seconds)),
          l.failure().map(f -> f + "; ").orElse("") + "web interface locked until " + l.until());
    }
    if (d instanceof AuthGate.Challenge c) {
      Action.Respond answer = SnomPages.unauthorized(model.name(), c.challenges());
      return c.failure().isPresent() ? reject(r, answer, c.failure().get()) : answer;
    }
    if (d instanceof AuthGate.BadRequest b) {
      return reject(r, SnomPages.page(400, model.name(), "Bad request"), b.reason());
    }
    return run(r);
  }

  private Action run(FakeRequest r) {
    try {
      if (r.path().contains("#") || r.path().contains("%")) {
        throw Unintelligible.malformed("path '" + r.path() + "' is not a plain page name");
      }
      FormQuery query = FormQuery.parse(parameters(r));
      SnomCommands.Outcome outcome = SnomCommands.run(r.path(), query, state, model, remoteControl);
      switch (outcome) {
        case DIALED:
          if (redirectDials) {
            return SnomPages.redirect(model.name(), "/index.htm");
          }
          break;
        case SHOW:
          screen.open(query.get("url").orElseThrow().value());
          if (holdMinibrowserConnections
              && r.headerValues("Connection").stream()
                  .noneMatch(v -> v.equalsIgnoreCase("close"))) {
            // no length, and the connection held open: a body read to its end never ends
            Action.Respond page = SnomPages.page(200, model.name(), "OK");
            byte[] head =
                ScriptedHttpServer.head(
                    200, "OK", List.of(new HeaderField("Content-Type", "text/html")));
            byte[] all = new byte[head.length + page.body().length];
            System.arraycopy(head, 0, all, 0, head.length);
            System.arraycopy(page.body(), 0, all, head.length, page.body().length);
            return new Action.Raw(all, true);
          }
          break;
        case REBOOT:
        case RESET:
          state.goOffline(outcome == SnomCommands.Outcome.RESET);
          offlineAfterAnswer.set(Boolean.TRUE);
          return SnomPages.page(200, model.name(), "Rebooting").closing();
        default:
          break;
      }
      return SnomPages.page(200, model.name(), "OK");
    } catch (Unintelligible e) {
      return reject(r, SnomPages.page(e.status(), model.name(), e.reason()), e.reason());
    }
  }

  /**
   * The raw parameters: the query, then for a POST to {@code settings.htm} its form body (as the
   * phone's own settings forms would post it). Another page reads no body.
   */
  private static String parameters(FakeRequest r) throws Unintelligible {
    String query = r.rawQuery().orElse("");
    if (!r.method().equals("POST") || r.body().length == 0) {
      return query;
    }
    if (!r.path().equals("/settings.htm")) {
      throw Unintelligible.ignored(
          "a POST body on " + r.path() + " is not read (only settings.htm takes a form body)");
    }
    String type = r.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
    if (!type.startsWith("application/x-www-form-urlencoded")
        || type.contains("charset=") && !type.replace(" ", "").contains("charset=utf-8")) {
      throw Unintelligible.ignored(
          "a form body on settings.htm must be application/x-www-form-urlencoded in UTF-8, was '"
              + type
              + "'");
    }
    String body = new String(r.body(), StandardCharsets.ISO_8859_1);
    return query.isEmpty() ? body : query + "&" + body;
  }

  private Action reject(FakeRequest r, Action.Respond answer, String reason) {
    rejected.add(new RejectedRequest(r, answer.status(), reason));
    return answer;
  }

  /** Every key pressed so far. */
  public List<PressedKey> pressedKeys() {
    synchronized (lock) {
      return state.pressedKeys();
    }
  }

  /** Every touch so far. */
  public List<Touch> touches() {
    synchronized (lock) {
      return state.touches();
    }
  }

  /** Every dial so far. */
  public List<Dialed> dialed() {
    synchronized (lock) {
      return state.dialed();
    }
  }

  /** Every DTMF request's digits so far. */
  public List<String> dtmf() {
    synchronized (lock) {
      return state.dtmf();
    }
  }

  /** Connects {@code minibrowser.htm} to the phone's screen. */
  public void screen(ScreenSide screen) {
    this.screen = screen;
  }

  /**
   * Dials {@code number} as {@code command.htm?number=} would (a fragment's {@code numberdial}, a
   * directory entry selected).
   *
   * @return false if it is not a number the phone dials, or the phone is offline
   */
  public boolean dialFromScreen(String number) {
    synchronized (lock) {
      if (!state.online() || !SnomCommands.isNumber(number)) {
        return false;
      }
      state.dial(Dialed.of(number));
      return true;
    }
  }

  /**
   * Presses {@code key} as {@code command.htm?key=} would (a fragment's {@code key}).
   *
   * @return false if it is not a key of the phone's model, or the phone is offline
   */
  public boolean pressFromScreen(String key) {
    synchronized (lock) {
      if (!state.online()) {
        return false;
      }
      try {
        state.press(KeySequence.parse(key, model));
        return true;
      } catch (Unintelligible e) {
        return false;
      }
    }
  }

  /** Writes setting {@code name} (not stored), as a fragment's {@code set:} does. */
  public void setFromScreen(String name, String value) {
    synchronized (lock) {
      state.writeSetting(name, value);
    }
  }

  /** Connects the phone's calls to {@code line}. */
  public void line(CallLine line) {
    synchronized (lock) {
      state.line(line);
    }
  }

  /** The settings written and not lost to a reboot. */
  public Map<String, String> settings() {
    synchronized (lock) {
      return state.settings();
    }
  }

  /** A snapshot of the state. */
  public SnomPhoneState state() {
    synchronized (lock) {
      return state.snapshot(gate.lockedUntil());
    }
  }

  /** Every request read so far. */
  public List<FakeRequest> requests() {
    synchronized (lock) {
      return List.copyOf(journal);
    }
  }

  /** The requests not carried out. */
  public RejectionLog rejected() {
    return rejected;
  }

  /** Expires every Digest nonce now. */
  public void expireNonces() {
    synchronized (lock) {
      gate.expireNonces();
    }
  }

  /** Expires every Digest nonce just before checking a request {@code which} matches. */
  public void expireNoncesBefore(Predicate<FakeRequest> which) {
    expireNoncesBefore = which;
  }

  /** The oldest request not taken yet, waiting up to {@code timeout}. */
  public Optional<FakeRequest> takeRequest(Duration timeout) throws InterruptedException {
    return Optional.ofNullable(untaken.poll(timeout.toNanos(), TimeUnit.NANOSECONDS));
  }

  /** Replaces a call list. */
  public void seed(CallList kind, List<String> entries) {
    synchronized (lock) {
      state.seed(kind, entries);
    }
  }

  /** Whether dials are answered with a 302 to {@code /index.htm}. */
  public void redirectDials(boolean on) {
    redirectDials = on;
  }

  /** Whether minibrowser.htm answers a kept-alive request without a length, holding it open. */
  public void holdMinibrowserConnections(boolean on) {
    holdMinibrowserConnections = on;
  }

  /** Whether {@code command.htm} works (403 when off). */
  public void remoteControl(boolean enabled) {
    remoteControl = enabled;
  }

  /** The reboot cycle. */
  public RebootCycle reboot() {
    return reboot;
  }

  private void boot() {
    synchronized (lock) {
      gate.reboot();
      state.comeBack();
    }
  }
}
