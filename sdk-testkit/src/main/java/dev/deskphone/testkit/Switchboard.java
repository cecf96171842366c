package dev.deskphone.testkit;

import dev.deskphone.core.TlsPolicy;
import dev.deskphone.testkit.internal.FakeHttpClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * Connects fake phones so that they can call each other: each fake joins with an extension ({@link
 * FakeSnomPhone.Builder#switchboard}); a fake that dials another's extension makes it ring, and the
 * keys pressed on either side answer, hold and end the call, with each snom fake firing its action
 * URLs as a phone does. A number no fake owns reaches a simulated {@link FarEnd}, which answers
 * unless told otherwise. A Unify fake on the board answers calls to its extension.
 *
 * <pre>{@code
 * try (Switchboard board = Switchboard.create();
 *     FakeSnomPhone alice = FakeSnomPhone.builder().switchboard(board, "101").start();
 *     FakeSnomPhone bob = FakeSnomPhone.builder().switchboard(board, "102").start()) {
 *   // the code under test dials 102 on alice, then:
 *   bob.awaitCall(FakeCall.State.RINGING, Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * <p>Calls, in the fakes' words: docs/testkit.md, "Calls between fakes". Thread-safe; one lock
 * guards every call. Its threads (up to four sending action URLs, one timer) start when first
 * needed and end when idle; {@link #close()} ends them and every call.
 */
public final class Switchboard implements AutoCloseable {
  private static final Pattern EXTENSION = Pattern.compile("[0-9]{1,15}");
  private static final Pattern NUMBER = Pattern.compile("\\+?[0-9*#]{1,64}");

  final ReentrantLock lock = new ReentrantLock();
  final Condition changed = lock.newCondition();
  private final Map<String, SwitchboardLine> snom = new HashMap<>(); // guarded by lock
  private final Set<String> unify = new TreeSet<>(); // guarded by lock
  private final Map<String, FarEnd> farEnds = new HashMap<>(); // guarded by lock
  private FarEnd defaultFarEnd = FarEnd.answers(); // guarded by lock
  private long calls; // guarded by lock
  private final Shared shared;

  private Switchboard(TlsPolicy trust) {
    this.shared = new Shared(trust);
  }

  /**
   * {@return an empty switchboard; its phones send action URLs to https servers the system trusts}
   */
  public static Switchboard create() {
    return new Switchboard(TlsPolicy.system());
  }

  /**
   * How calls to {@code number}, which no fake owns, behave from now on.
   *
   * @param number the number
   * @param behaviour how its calls behave
   * @return this, for chaining
   * @throws IllegalArgumentException if {@code number} is not digits, {@code *} and {@code #} with
   *     an optional leading {@code +}
   */
  public Switchboard farEnd(String number, FarEnd behaviour) {
    checkNumber(number);
    Objects.requireNonNull(behaviour, "behaviour");
    lock.lock();
    try {
      farEnds.put(number, behaviour);
    } finally {
      lock.unlock();
    }
    return this;
  }

  /**
   * How calls to numbers no fake owns and no {@link #farEnd} names behave (default: answers).
   *
   * @param behaviour how such calls behave
   * @return this, for chaining
   */
  public Switchboard defaultFarEnd(FarEnd behaviour) {
    Objects.requireNonNull(behaviour, "behaviour");
    lock.lock();
    try {
      defaultFarEnd = behaviour;
    } finally {
      lock.unlock();
    }
    return this;
  }

  /** {@return the extensions of the fakes on it now, in numeric order} */
  public List<String> extensions() {
    lock.lock();
    try {
      TreeSet<String> all =
          new TreeSet<>(
              (a, b) -> a.length() != b.length() ? a.length() - b.length() : a.compareTo(b));
      all.addAll(snom.keySet());
      all.addAll(unify);
      return List.copyOf(all);
    } finally {
      lock.unlock();
    }
  }

  /** Ends every call (no event is fired) and the board's threads. Idempotent. */
  @Override
  public void close() {
    lock.lock();
    try {
      snom.values().forEach(SwitchboardLine::dropAll);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    shared.close();
  }

  @Override
  public String toString() {
    return "Switchboard" + extensions();
  }

  static void checkExtension(String extension) {
    Objects.requireNonNull(extension, "extension");
    if (!EXTENSION.matcher(extension).matches()) {
      throw new IllegalArgumentException(
          "extension '" + extension + "' is not 1 to 15 digits, such as 101");
    }
  }

  private static void checkNumber(String number) {
    Objects.requireNonNull(number, "number");
    if (!NUMBER.matcher(number).matches()) {
      throw new IllegalArgumentException(
          "number '" + number + "' is not up to 64 digits, * and # with an optional leading +");
    }
  }

  /** Takes {@code line}'s extension; it fails if a fake holds it already. */
  void join(SwitchboardLine line) {
    lock.lock();
    try {
      claim(line.extension());
      snom.put(line.extension(), line);
    } finally {
      lock.unlock();
    }
  }

  /** A Unify fake takes {@code extension}: calls to it are answered. */
  void joinUnify(String extension) {
    checkExtension(extension);
    lock.lock();
    try {
      claim(extension);
      unify.add(extension);
    } finally {
      lock.unlock();
    }
  }

  private void claim(String extension) {
    if (snom.containsKey(extension) || unify.contains(extension)) {
      throw new IllegalArgumentException(
          "extension "
              + extension
              + " is taken on this switchboard; its extensions are "
              + snom.keySet().stream().sorted().toList());
    }
  }

  /** The fake at {@code extension} left: its calls end (the other sides see them end). */
  void leave(String extension) {
    lock.lock();
    try {
      SwitchboardLine line = snom.remove(extension);
      if (line != null) {
        line.offline();
      }
      unify.remove(extension);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** The snom fake at {@code number}, or null. Under the lock. */
  SwitchboardLine line(String number) {
    return snom.get(number);
  }

  /** Whether a Unify fake has {@code number}. Under the lock. */
  boolean isUnify(String number) {
    return unify.contains(number);
  }

  /** How the far end {@code number} behaves. Under the lock. */
  FarEnd farEnd(String number) {
    return farEnds.getOrDefault(number, defaultFarEnd);
  }

  /** A new call's id, as a SIP Call-ID looks. Under the lock. */
  String nextCallId() {
    return "fake-" + (++calls) + "@127.0.0.1";
  }

  Shared shared() {
    return shared;
  }

  /** The threads and the HTTP client every phone on the board shares. */
  static final class Shared {
    private final ThreadPoolExecutor pool;
    private final ScheduledThreadPoolExecutor timer;
    private final FakeHttpClient client;

    Shared(TlsPolicy trust) {
      this.pool =
          new ThreadPoolExecutor(
              4, 4, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads("events"));
      pool.allowCoreThreadTimeOut(true);
      this.timer = new ScheduledThreadPoolExecutor(1, threads("timer"));
      timer.setKeepAliveTime(10, TimeUnit.SECONDS);
      timer.allowCoreThreadTimeOut(true);
      timer.setRemoveOnCancelPolicy(true);
      this.client = new FakeHttpClient(trust, ActionUrls.DEADLINE);
    }

    ThreadPoolExecutor pool() {
      return pool;
    }

    ScheduledThreadPoolExecutor timer() {
      return timer;
    }

    FakeHttpClient client() {
      return client;
    }

    void close() {
      timer.shutdownNow();
      pool.shutdownNow();
      client.close();
    }

    private static ThreadFactory threads(String what) {
      AtomicInteger n = new AtomicInteger();
      return r -> {
        Thread t = new Thread(r, "fake-switchboard-" + what + "-" + n.incrementAndGet());
        t.setDaemon(true);
        return t;
      };
    }
  }
}
