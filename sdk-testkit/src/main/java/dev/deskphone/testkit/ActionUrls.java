package dev.deskphone.testkit;

import dev.deskphone.snom.SnomEventType;
import dev.deskphone.testkit.internal.FakeHttpClient;
import dev.deskphone.testkit.internal.FormEncoder;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake snom phone's action URLs: for each event, the URL in the event's setting (if one is
 * written) with its {@code $variables} replaced, sent as a {@code GET} once, as the phone does:
 * asynchronously, one at a time in the order the events happened, each within a deadline.
 * Thread-safe: {@link #fire} never blocks, so the switchboard calls it under its lock.
 */
final class ActionUrls {
  /** How many fired events a phone remembers; older ones are forgotten. */
  static final int JOURNAL_LIMIT = 10_000;

  static final Duration DEADLINE = Duration.ofSeconds(5);

  /** {@code $name}: a runtime variable or a setting; {@code $call-id} has a dash. */
  private static final Pattern TOKEN =
      Pattern.compile("\\$(call-id|sip_header\\([^)]*\\)|[A-Za-z_][A-Za-z0-9_]*)");

  /** The runtime variables a snom phone documents (wiki.snom.com Action_URLs/Runtime_Variables). */
  private static final Set<String> RUNTIME =
      Set.of(
          "local",
          "remote",
          "active_url",
          "active_user",
          "active_host",
          "csta_id",
          "call-id",
          "display_local",
          "display_remote",
          "expansion_module",
          "active_key",
          "phone_ip",
          "nr_ongoing_calls",
          "context_url",
          "cancel_reason",
          "longpress_key");

  private static final Predicate<String> PRIVATE =
      Pattern.compile("pass|pwd|secret|token", Pattern.CASE_INSENSITIVE).asPredicate();

  private final Switchboard.Shared shared;
  private final Supplier<Map<String, String>> settings;
  private final Map<String, String> statics;
  private final String userAgent;
  private final java.util.function.BiConsumer<URI, String> answers;
  private final EventFaults faults = new EventFaults();
  private final Queue<Runnable> queue = new ArrayDeque<>(); // guarded by this
  private boolean running; // guarded by this
  private long sequence; // guarded by this
  private final ArrayDeque<FiredEvent> journal = new ArrayDeque<>(); // guarded by journal
  private final int[] counts = new int[SnomEventType.values().length]; // guarded by journal

  /**
   * A phone's action URLs: its settings now (read when an event is sent), its static variables
   * ({@code mac}), the user agent it sends, and where a {@code 200} answer's body goes (the
   * minibrowser, which shows it if it is a document).
   */
  ActionUrls(
      Switchboard.Shared shared,
      Supplier<Map<String, String>> settings,
      Map<String, String> statics,
      String userAgent,
      java.util.function.BiConsumer<URI, String> answers) {
    this.shared = shared;
    this.settings = settings;
    this.statics = Map.copyOf(statics);
    this.userAgent = userAgent;
    this.answers = answers;
  }

  EventFaults faults() {
    return faults;
  }

  /** The event happened with these runtime variables: it is sent soon, after earlier ones. */
  void fire(SnomEventType event, Map<String, String> runtime) {
    synchronized (this) { // publishes the caller's fresh map to the sending thread
      queue.add(() -> send(event, runtime));
      if (running) {
        return;
      }
      running = true;
    }
    submit(this::drain);
  }

  private void drain() {
    while (true) {
      Runnable next;
      synchronized (this) {
        next = queue.poll();
        if (next == null) {
          running = false;
          return;
        }
      }
      try {
        next.run();
      } catch (RuntimeException e) {
        // a bug in one event must not stop the phone's later ones; it shows as a missing event
      }
    }
  }

  private void send(SnomEventType event, Map<String, String> runtime) {
    Map<String, String> now = settings.get();
    String template = now.get(event.setting());
    if (template == null || template.isBlank()) {
      return; // no URL for this event: the phone sends nothing
    }
    long seq;
    synchronized (this) {
      seq = ++sequence;
    }
    String expanded = expand(template.strip(), runtime, now, statics);
    URI url = usable(expanded);
    if (url.getHost() == null
        || !Set.of("http", "https").contains(url.getScheme().toLowerCase(Locale.ROOT))) {
      unsent(
          seq,
          event,
          url,
          FiredEvent.Outcome.FAILED,
          Optional.of(
              "not sent: setting " + event.setting() + " is not an http(s) URL with a host"));
      return;
    }
    EventFaults.Plan plan = faults.next(event);
    switch (plan.kind()) {
      case DROP -> unsent(seq, event, url, FiredEvent.Outcome.DROPPED, Optional.empty());
      case DELAY -> {
        try {
          shared
              .timer()
              .schedule(
                  () -> submit(() -> get(seq, event, url)),
                  plan.delay().toNanos(),
                  TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
          // the switchboard closed
        }
      }
      case DUPLICATE -> {
        get(seq, event, url);
        get(seq, event, url);
      }
      case NORMAL -> get(seq, event, url);
    }
  }

  private void unsent(
      long seq, SnomEventType event, URI url, FiredEvent.Outcome outcome, Optional<String> why) {
    record(new FiredEvent(seq, event, url, Instant.now(), outcome, OptionalInt.empty(), why));
  }

  /** The URL, or {@code about:invalid} if it is none. */
  private static URI usable(String expanded) {
    try {
      URI url = new URI(expanded);
      return url.getScheme() == null ? URI.create("about:invalid") : url;
    } catch (URISyntaxException e) {
      return URI.create("about:invalid");
    }
  }

  private void get(long seq, SnomEventType event, URI url) {
    FakeHttpClient.Answer a = shared.client().get(url, userAgent);
    if (a.status().isPresent() && a.status().getAsInt() == 200) {
      answers.accept(url, a.text());
    }
    record(
        new FiredEvent(
            seq,
            event,
            url,
            Instant.now(),
            a.status().isPresent() ? FiredEvent.Outcome.ANSWERED : FiredEvent.Outcome.FAILED,
            a.status(),
            a.status().isPresent() ? Optional.empty() : Optional.of(a.text())));
  }

  private void submit(Runnable task) {
    try {
      shared.pool().execute(task);
    } catch (RejectedExecutionException e) {
      // the switchboard closed: a phone switched off sends nothing
    }
  }

  private void record(FiredEvent e) {
    synchronized (journal) {
      if (journal.size() == JOURNAL_LIMIT) {
        journal.removeFirst();
      }
      journal.add(e);
      counts[e.event().ordinal()]++;
      journal.notifyAll();
    }
  }

  /** Every event fired so far (the last {@value #JOURNAL_LIMIT}), in the order recorded. */
  List<FiredEvent> fired() {
    synchronized (journal) {
      return List.copyOf(journal);
    }
  }

  /**
   * Waits until {@code event} was recorded {@code count} times in all, up to {@code timeout}.
   *
   * @return the {@code count}-th (or the oldest remembered, if it was forgotten), if it came in
   *     time
   */
  Optional<FiredEvent> await(SnomEventType event, int count, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (journal) {
      while (counts[event.ordinal()] < count) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return Optional.empty();
        }
        TimeUnit.NANOSECONDS.timedWait(journal, left);
      }
      List<FiredEvent> remembered = journal.stream().filter(e -> e.event() == event).toList();
      int forgotten = counts[event.ordinal()] - remembered.size();
      return Optional.of(remembered.get(Math.max(0, count - 1 - forgotten)));
    }
  }

  /**
   * {@code template} with each {@code $name} replaced: a runtime variable by its value for this
   * event (empty when it does not apply), a setting by its value (empty for a private one such as a
   * password), percent-encoded; an unknown name is left as it is.
   */
  static String expand(
      String template,
      Map<String, String> runtime,
      Map<String, String> settings,
      Map<String, String> statics) {
    Matcher m = TOKEN.matcher(template);
    StringBuilder out = new StringBuilder(template.length() + 64);
    int at = 0;
    while (m.find()) {
      out.append(template, at, m.start());
      at = m.end();
      String name = m.group(1);
      String value;
      if (RUNTIME.contains(name) || name.startsWith("sip_header(")) {
        value = runtime.getOrDefault(name, "");
      } else if (statics.containsKey(name)) {
        value = statics.get(name);
      } else if (settings.containsKey(name)) {
        value = PRIVATE.test(name) ? "" : settings.get(name);
      } else {
        out.append(m.group());
        continue;
      }
      FormEncoder.component(value, out);
    }
    return out.append(template, at, template.length()).toString();
  }
}
