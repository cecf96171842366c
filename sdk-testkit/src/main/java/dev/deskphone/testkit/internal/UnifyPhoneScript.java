package dev.deskphone.testkit.internal;

import dev.deskphone.core.internal.Checks;
import dev.deskphone.testkit.FakeKeyRequest;
import dev.deskphone.testkit.FakeLed;
import dev.deskphone.testkit.FakeRequest;
import dev.deskphone.testkit.LedChange;
import dev.deskphone.testkit.RejectedRequest;
import dev.deskphone.unify.SendUrlKey;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The fake Unify phone's behaviour behind its {@link ScriptedHttpServer}: its keys, which send
 * their requests through a {@link FakeHttpClient} and show the answers on a {@link UnifyLedPanel};
 * the push endpoint, which fires a matching key in the background; and the journals of pushes
 * received and key requests sent. Thread-safe: pushes arrive on the server's connection threads,
 * pushed keys fire on one push thread, presses run on the test's thread; one lock guards the
 * journals, the panel locks itself.
 */
public final class UnifyPhoneScript implements ScriptedHttpServer.Script, AutoCloseable {
  /** The path the phone takes pushes on. */
  public static final String PUSH_PATH = "/server_push.html/ServerPush";

  private final Object lock = new Object();
  private final Map<String, SendUrlKey> keys;
  private final String ipAddress;
  private final String phoneNumber;
  private final Clock clock;
  private final FakeHttpClient sender;
  private final UnifyLedPanel panel;
  private final RejectionLog rejected;
  private final List<FakeRequest> pushes = new ArrayList<>(); // guarded by lock
  private final List<FakeKeyRequest> sent = new ArrayList<>(); // guarded by lock
  private final BlockingQueue<FakeKeyRequest> untaken = new LinkedBlockingQueue<>();
  private final ExecutorService pushThread;

  /**
   * A phone with {@code keys} (by symbolic name) reporting {@code ipAddress} and {@code
   * phoneNumber}, sending through {@code sender}.
   */
  public UnifyPhoneScript(
      Map<String, SendUrlKey> keys,
      boolean showsLabels,
      String ipAddress,
      String phoneNumber,
      Clock clock,
      FakeHttpClient sender,
      boolean strict) {
    this.keys = Map.copyOf(keys);
    this.ipAddress = Objects.requireNonNull(ipAddress, "ipAddress");
    this.phoneNumber = Objects.requireNonNull(phoneNumber, "phoneNumber");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sender = Objects.requireNonNull(sender, "sender");
    this.panel = new UnifyLedPanel(this.keys.keySet(), clock, showsLabels);
    this.rejected = new RejectionLog(strict);
    this.pushThread =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "fake-unify-push");
              t.setDaemon(true);
              return t;
            });
  }

  /** Answers a push: refuses it, or accepts it and fires the matching key in the background. */
  @Override
  public Action answer(RecordedRequest raw) {
    FakeRequest push;
    synchronized (lock) {
      push = raw.toFake(pushes.size() + 1, clock.instant());
      pushes.add(push);
    }
    Action.Respond answer = decide(push);
    if (answer.status() != 200) {
      String reason = new String(answer.body(), StandardCharsets.UTF_8).strip();
      rejected.add(new RejectedRequest(push, answer.status(), reason));
    }
    return answer;
  }

  private Action.Respond decide(FakeRequest push) {
    if (!push.path().equals(PUSH_PATH)) {
      return Action.respond(404, "not found\n");
    }
    if (!push.method().equals("POST")) {
      return Action.respond(405, "POST only\n").header("Allow", "POST");
    }
    UnifyPushForm form;
    try {
      form = UnifyPushForm.parse(push.bodyText());
    } catch (IllegalArgumentException e) {
      return Action.respond(400, "bad push form: " + e.getMessage() + "\n");
    }
    SendUrlKey key = keys.get(form.field("MidletName"));
    Optional<String> mismatch = key == null ? Optional.of("MidletName") : form.mismatch(key);
    if (mismatch.isPresent()) {
      return Action.respond(403, "push refused: " + mismatch.get() + " does not match a key\n");
    }
    String contextKey = form.field("ServerContextKey");
    Map.Entry<String, String> context =
        contextKey == null ? null : Map.entry(contextKey, form.field("ServerContextValue"));
    pushThread.execute(() -> fire(key, true, context));
    return Action.respond(200, "OK\n").header("Content-Type", "text/plain");
  }

  /**
   * Presses key {@code symbolicName}: sends its request and applies the answer, on this thread.
   *
   * @return the key's LED after the answer
   * @throws IllegalArgumentException if there is no such key
   */
  public FakeLed press(String symbolicName) {
    return fire(key(symbolicName), false, null);
  }

  private FakeLed fire(SendUrlKey key, boolean pushed, Map.Entry<String, String> context) {
    UnifyKeyRequest request = UnifyKeyRequest.of(key, context, ipAddress, phoneNumber);
    Instant sentAt = clock.instant();
    FakeHttpClient.Answer answer = sender.send(request);
    answer
        .status()
        .ifPresent(s -> panel.apply(key.symbolicName(), s, answer.contentType(), answer.text()));
    FakeKeyRequest recorded;
    synchronized (lock) {
      recorded =
          new FakeKeyRequest(
              sent.size() + 1,
              key.symbolicName(),
              pushed,
              request.method(),
              request.uri(),
              request.body(),
              sentAt,
              answer.status(),
              answer.text());
      sent.add(recorded);
    }
    untaken.add(recorded);
    return panel.led(key.symbolicName());
  }

  /**
   * The key's LED now.
   *
   * @throws IllegalArgumentException if there is no such key
   */
  public FakeLed led(String symbolicName) {
    key(symbolicName);
    return panel.led(symbolicName);
  }

  /** Every LED change so far. */
  public List<LedChange> ledHistory() {
    return panel.history();
  }

  /** Every key request sent and answered (or not) so far. */
  public List<FakeKeyRequest> requests() {
    synchronized (lock) {
      return List.copyOf(sent);
    }
  }

  /** The oldest key request not taken yet, waiting up to {@code timeout}. */
  public Optional<FakeKeyRequest> takeRequest(Duration timeout) throws InterruptedException {
    return Optional.ofNullable(untaken.poll(timeout.toNanos(), TimeUnit.NANOSECONDS));
  }

  /** Every push received so far. */
  public List<FakeRequest> pushes() {
    synchronized (lock) {
      return List.copyOf(pushes);
    }
  }

  /** The pushes refused. */
  public RejectionLog rejected() {
    return rejected;
  }

  private SendUrlKey key(String symbolicName) {
    Objects.requireNonNull(symbolicName, "symbolicName");
    SendUrlKey key = keys.get(symbolicName);
    if (key == null) {
      throw new IllegalArgumentException(
          "the fake has no key "
              + Checks.quote(symbolicName)
              + "; its keys: "
              + keys.keySet().stream().sorted().toList());
    }
    return key;
  }

  /** Ends the push thread, waiting for it, then the sender. Call after the server is closed. */
  @Override
  public void close() {
    pushThread.shutdownNow();
    try {
      pushThread.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sender.close();
  }
}
