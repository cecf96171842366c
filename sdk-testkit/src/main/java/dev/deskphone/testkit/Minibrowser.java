package dev.deskphone.testkit;

import dev.deskphone.testkit.internal.FakeHttpClient;
import dev.deskphone.testkit.internal.FormEncoder;
import dev.deskphone.testkit.internal.ScreenSide;
import dev.deskphone.testkit.internal.ScreenXml;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A fake snom phone's XML minibrowser: fetches documents as the phone does (asynchronously, a
 * {@code GET} on a connection of its own), reads them with the testkit's own parser, shows them,
 * sets its LEDs, follows {@code fetch}, and runs {@code snom://} fragments through the phone's own
 * commands. Thread-safe: its state is guarded by this object, whose monitor also wakes waiters.
 */
final class Minibrowser implements ScreenSide {
  /** What a fragment does on the phone, through its own commands. */
  interface Phone {
    /** Dials {@code number} as {@code command.htm?number=} would; false if it is no number. */
    boolean dial(String number);

    /** Presses {@code key} as {@code command.htm?key=} would; false if it is no key. */
    boolean press(String key);

    /** Writes setting {@code name} (not stored) as a settings write would. */
    void set(String name, String value);
  }

  static final int FAILURE_LIMIT = 100;

  private final Switchboard.Shared shared;
  private final Phone phone;
  private final String userAgent;
  private FakeScreen screen; // guarded by this; null: nothing shown
  private final Map<Integer, FakeSnomLed> leds = new TreeMap<>(); // guarded by this
  private final ArrayList<String> failures = new ArrayList<>(); // guarded by this
  private ScheduledFuture<?> fetch; // guarded by this

  Minibrowser(Switchboard.Shared shared, Phone phone, String userAgent) {
    this.shared = shared;
    this.phone = phone;
    this.userAgent = userAgent;
  }

  @Override
  public void open(String url) {
    submit(() -> load(url, null));
  }

  /** An action URL's answer: shown if its body is a document. */
  void answered(URI url, String body) {
    String b = body.strip();
    if (b.startsWith("<")) {
      show(url, b.getBytes(StandardCharsets.UTF_8));
    }
  }

  synchronized Optional<FakeScreen> screen() {
    return Optional.ofNullable(screen);
  }

  synchronized Map<Integer, FakeSnomLed> leds() {
    return Map.copyOf(leds);
  }

  synchronized java.util.List<String> failures() {
    return java.util.List.copyOf(failures);
  }

  /** Waits until a screen {@code until} accepts is shown; that screen, or empty. */
  synchronized Optional<FakeScreen> awaitShown(Predicate<FakeScreen> until, Duration timeout)
      throws InterruptedException {
    return waitFor(() -> screen != null && until.test(screen), timeout)
        ? Optional.of(screen)
        : Optional.empty();
  }

  /** Waits until nothing is shown; whether nothing is. */
  synchronized boolean awaitNothing(Duration timeout) throws InterruptedException {
    return waitFor(() -> screen == null, timeout);
  }

  private boolean waitFor(java.util.function.BooleanSupplier met, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!met.getAsBoolean()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }

  /** Selects the {@code index}-th item (0-based) of the menu or directory shown. */
  void select(int index) {
    FakeScreen now;
    synchronized (this) {
      now = screen;
    }
    if (now == null
        || (now.kind() != FakeScreen.Kind.MENU && now.kind() != FakeScreen.Kind.DIRECTORY)) {
      throw new IllegalStateException(
          "no menu or directory is shown to select from; the screen shows "
              + (now == null ? "nothing" : now.kind() + " \"" + now.title() + "\""));
    }
    if (index < 0 || index >= now.items().size()) {
      throw new IllegalArgumentException(
          "item "
              + index
              + " is not on the screen; it shows "
              + now.items().size()
              + " item(s), 0 to "
              + (now.items().size() - 1)
              + ": "
              + now.itemNames());
    }
    FakeScreen.Item item = now.items().get(index);
    if (now.kind() == FakeScreen.Kind.DIRECTORY) {
      submit(() -> dial(item.target()));
    } else {
      String target = item.target();
      submit(() -> load(target, now.source()));
    }
  }

  /** Types {@code value} into the input shown and confirms it. */
  void type(String value) {
    FakeScreen now;
    synchronized (this) {
      now = screen;
    }
    if (now == null || now.input().isEmpty()) {
      throw new IllegalStateException(
          "no input is shown to type into; the screen shows "
              + (now == null ? "nothing" : now.kind() + " \"" + now.title() + "\""));
    }
    FakeScreen.Input input = now.input().get();
    String encoded = FormEncoder.component(value);
    String url =
        input.token().isEmpty() ? input.url() : input.url().replace(input.token(), encoded);
    submit(() -> load(url, now.source()));
  }

  private void dial(String number) {
    if (!phone.dial(number)) {
      fail("directory entry number '" + number + "' is not a number the phone dials");
    }
  }

  private void load(String raw, URI base) {
    URI url;
    try {
      url = base == null ? new URI(raw.strip()) : base.resolve(new URI(raw.strip()));
    } catch (URISyntaxException | IllegalArgumentException e) {
      fail("'" + raw + "' is not a URL");
      return;
    }
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    switch (scheme) {
      case "snom", "phone" -> fragment(url);
      case "http", "https" -> {
        FakeHttpClient.Answer a = shared.client().get(url, userAgent);
        if (a.status().isEmpty() || a.status().getAsInt() != 200) {
          fail(
              "GET "
                  + url
                  + (a.status().isPresent()
                      ? " answered " + a.status().getAsInt()
                      : ": " + a.text()));
          return;
        }
        show(url, a.text().getBytes(StandardCharsets.UTF_8));
      }
      default -> fail("'" + raw + "' is not an http(s) URL or a snom:// fragment");
    }
  }

  private void show(URI source, byte[] xml) {
    ScreenXml.Page page;
    try {
      page = ScreenXml.read(xml);
    } catch (IllegalArgumentException e) {
      fail("the document from " + source + " is not shown: " + e.getMessage());
      return;
    }
    synchronized (this) {
      for (ScreenXml.Led led : page.leds()) {
        leds.put(led.number(), new FakeSnomLed(led.number(), led.color(), led.state()));
      }
      if (!page.kind().equals("BATCH")) {
        screen =
            new FakeScreen(
                FakeScreen.Kind.valueOf(page.kind()),
                source,
                page.title(),
                page.prompt(),
                page.text(),
                page.items().stream().map(i -> new FakeScreen.Item(i.name(), i.target())).toList(),
                page.input()
                    .map(
                        i ->
                            new FakeScreen.Input(
                                i.displayName(), i.defaultValue(), i.flags(), i.url(), i.token())),
                page.softKeys());
      }
      if (fetch != null) {
        fetch.cancel(false);
        fetch = null;
      }
      page.fetch()
          .ifPresent(
              f -> {
                try {
                  fetch =
                      shared
                          .timer()
                          .schedule(
                              () -> submit(() -> load(f.url(), source)),
                              f.millis(),
                              TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException e) {
                  // the switchboard closed
                }
              });
      changed();
    }
  }

  /**
   * {@code snom://mb_exit#numberdial=123&key=ENTER&set:NAME=VALUE}: the commands, then close or
   * stay.
   */
  private void fragment(URI url) {
    String raw = url.getRawFragment() == null ? "" : url.getRawFragment();
    for (String part : raw.isEmpty() ? new String[0] : raw.split("&")) {
      int eq = part.indexOf('=');
      String name = eq < 0 ? part : part.substring(0, eq);
      String value = eq < 0 ? "" : percentDecode(part.substring(eq + 1));
      if (name.startsWith("set:") && name.length() > 4 && eq > 0) {
        phone.set(percentDecode(name.substring(4)), value);
        continue;
      }
      switch (name) {
        case "numberdial" -> dial(value);
        case "key" -> {
          if (!phone.press(value)) {
            fail("fragment key '" + value + "' is not a key of the phone");
          }
        }
        default -> fail("fragment '" + name + "' is not run by the fake (" + url + ")");
      }
    }
    String action = url.getAuthority() == null ? url.getSchemeSpecificPart() : url.getAuthority();
    if (action.startsWith("mb_exit")) {
      synchronized (this) {
        screen = null;
        if (fetch != null) {
          fetch.cancel(false);
          fetch = null;
        }
        changed();
      }
    } else if (!action.startsWith("mb_nop")) {
      fail("'" + url + "' is neither mb_exit nor mb_nop");
    }
  }

  /**
   * Key {@code key} was pressed: if the document shown maps it to a URL ({@code SoftKeyItem}), that
   * URL is fetched and the key does nothing else.
   *
   * @return whether the screen took the key
   */
  synchronized boolean softKey(String key) {
    if (screen == null || !screen.softKeys().containsKey(key)) {
      return false;
    }
    String url = screen.softKeys().get(key);
    URI base = screen.source();
    submit(() -> load(url, base));
    return true;
  }

  /** Closes the screen (the phone's CANCEL in the minibrowser). */
  synchronized void exit() {
    screen = null;
    changed();
  }

  private synchronized void fail(String why) {
    if (failures.size() == FAILURE_LIMIT) {
      failures.remove(0);
    }
    failures.add(why);
    changed();
  }

  private void changed() {
    notifyAll();
  }

  private void submit(Runnable task) {
    try {
      shared.pool().execute(task);
    } catch (RejectedExecutionException e) {
      // the switchboard closed: the phone is off
    }
  }

  private static String percentDecode(String raw) {
    try {
      return java.net.URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return raw;
    }
  }
}
