package dev.deskphone.testkit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Takes a fake phone off the network for a reboot and brings it back: its server stops listening
 * (connections refused) before the reboot's answer is written, drops its connections after, and
 * listens again once the downtime has passed on the injected clock, or on {@link #finish()}. A
 * watcher thread, alive only while offline, notices the clock. Thread-safe.
 */
public final class RebootCycle {
  private static final long POLL_MILLIS = 5;

  private final Clock clock;
  private final Duration downtime;
  private final Runnable back;
  private ScriptedHttpServer server; // guarded by this
  private Instant until; // guarded by this; null while online
  private Thread watcher; // guarded by this; the latest one, for close() to join
  private IOException failure; // guarded by this
  private boolean closed; // guarded by this
  private boolean rebooting; // guarded by this; whether coming back is a new boot

  /**
   * A cycle on {@code clock}.
   *
   * @param back run just before the server listens again (the phone's new boot)
   */
  public RebootCycle(Clock clock, Duration downtime, Runnable back) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.downtime = Objects.requireNonNull(downtime, "downtime");
    this.back = Objects.requireNonNull(back, "back");
  }

  /** The server to take offline. */
  public synchronized void attach(ScriptedHttpServer server) {
    this.server = server;
  }

  /**
   * Goes offline: stops listening now, before the reboot's answer is written (on the connection's
   * thread), so that a client who read that answer finds connections refused.
   */
  public synchronized void begin() {
    if (closed || until != null) {
      return;
    }
    until = clock.instant().plus(downtime);
    rebooting = true;
    server.stopListening();
    watch(server.port());
  }

  /**
   * Goes offline for {@code length} without rebooting: stops listening and drops open connections
   * now; coming back runs nothing. No-op while offline.
   */
  public synchronized void outage(Duration length) {
    if (closed || until != null) {
      return;
    }
    until = clock.instant().plus(length);
    rebooting = false;
    server.stopListening();
    server.closeConnections();
    watch(server.port());
  }

  private void watch(int port) {
    watcher = new Thread(this::watch, "fake-phone-offline-" + port);
    watcher.setDaemon(true);
    watcher.start();
  }

  /** After the reboot's answer: drops the connections still open, if still offline. */
  public synchronized void answered() {
    if (until != null) {
      server.closeConnections();
    }
  }

  /** Comes back now, whatever the clock says. No-op when online. */
  public synchronized void finish() {
    if (until != null) {
      comeBack();
    }
  }

  /** Whether it is online (not rebooting). */
  public synchronized boolean online() {
    return until == null;
  }

  /**
   * Waits until it is back online or {@code timeout} passes (real time), checking the clock too.
   *
   * @return whether it is online
   * @throws UncheckedIOException if the port could not be bound again
   */
  public synchronized boolean awaitOnline(Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (until != null && !closed) {
      if (!clock.instant().isBefore(until)) {
        comeBack();
        break;
      }
      long left = end - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, Math.min(POLL_MILLIS, left / 1_000_000)));
    }
    if (failure != null) {
      throw new UncheckedIOException("the fake phone could not listen again", failure);
    }
    return until == null;
  }

  /** Stops the watcher; the server is closed by its owner. */
  public void close() {
    Thread w;
    synchronized (this) {
      closed = true;
      notifyAll();
      w = watcher;
    }
    if (w != null) {
      try {
        w.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private synchronized void watch() {
    try {
      while (until != null && !closed && Thread.currentThread() == watcher) {
        if (!clock.instant().isBefore(until)) {
          comeBack();
          return;
        }
        wait(POLL_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void comeBack() {
    until = null;
    if (rebooting) {
      back.run();
    }
    try {
      server.resume();
    } catch (IOException e) {
      failure = e;
    }
    notifyAll();
  }
}
