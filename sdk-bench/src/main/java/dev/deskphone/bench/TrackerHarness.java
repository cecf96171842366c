package dev.deskphone.bench;

import dev.deskphone.snom.SnomCallState;
import dev.deskphone.snom.SnomCallTracker;
import dev.deskphone.snom.SnomEvent;
import dev.deskphone.snom.SnomEventType;
import java.lang.ref.Reference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Item 10: {@link SnomCallTracker} with many phones (10,000 by default). Retained heap per phone
 * ({@link Heap}: settled used heap after the events minus before, over N) with one connected call,
 * with its call just ended (the ended id kept), and idle again (ended more than 5 minutes ago),
 * against a hand-written {@code ConcurrentHashMap<String, SnomCallState>} fed the same events, and
 * beside the same events kept in an {@code ArrayList}; each event made by a {@code
 * SnomEventEndpoint} in memory ({@link InMemoryEvents}) and handed straight on, so the tracker
 * keeps only what it takes from them. Then {@code state(phone)}, {@code calls(phone)} and {@code
 * accept(event)} in paired blocks against that map's {@code get} and {@code put}. Options: {@code
 * phones} (10,000).
 */
final class TrackerHarness {
  private static final int REPEATS = 3;
  private static int sink;

  private TrackerHarness() {}

  /** The phones' situation when the heap is measured. */
  private enum Scenario {
    CONNECTED("one connected call"),
    ENDED("call just ended, id kept"),
    IDLE("idle again, call ended > 5 min ago");

    final String text;

    Scenario(String text) {
      this.text = text;
    }
  }

  static void run(String[] args) throws Exception {
    int phones = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    try (InMemoryEvents events = new InMemoryEvents()) {
      heap(events, phones);
      TrackerCosts.run(events, phones);
    }
    Report.note("(sink " + sink + ")");
  }

  /** What a hand-written tracker keeps: the phone's state by its id, nothing else. */
  static void put(Map<String, SnomCallState> map, SnomEvent event) {
    SnomCallState state =
        switch (event.type().orElse(SnomEventType.DND_ON)) {
          case INCOMING -> SnomCallState.RINGING;
          case OUTGOING, SETUP -> SnomCallState.DIALING;
          case CONNECTED, UNHOLD -> SnomCallState.CONNECTED;
          case HOLD -> SnomCallState.ON_HOLD;
          case DISCONNECTED, MISSED -> SnomCallState.IDLE;
          default -> null;
        };
    if (state != null) {
      map.put(event.phone(), state);
    }
  }

  static void consume(int value) {
    sink += value;
  }

  private static void heap(InMemoryEvents events, int phones) throws Exception {
    String load = Machine.loadAverage();
    Report.head(
        "10. SnomCallTracker, retained heap per phone, N = "
            + phones
            + " (System.gc() x3, used heap delta / N; median of "
            + REPEATS
            + ")");
    // Warm-up on other phones: classes, the JIT, the dispatcher's own map at this size.
    ManualClock warm = new ManualClock();
    SnomCallTracker discarded = SnomCallTracker.builder().clock(warm).build();
    events.to(discarded::accept);
    fire(events, Scenario.ENDED, phones, phones, warm, discarded);
    for (Scenario s : Scenario.values()) {
      double[] sdk = new double[REPEATS];
      double[] map = new double[REPEATS];
      double[] list = new double[REPEATS];
      for (int r = 0; r < REPEATS; r++) {
        ManualClock clock = new ManualClock();
        SnomCallTracker tracker = SnomCallTracker.builder().clock(clock).build();
        sdk[r] = retained(events, s, phones, clock, tracker, tracker::accept);
        Map<String, SnomCallState> states = new ConcurrentHashMap<>();
        map[r] = retained(events, s, phones, clock, null, e -> put(states, e));
        List<SnomEvent> kept = new ArrayList<>();
        list[r] = retained(events, s, phones, clock, null, kept::add);
        Reference.reachabilityFence(tracker);
        Reference.reachabilityFence(states);
        Reference.reachabilityFence(kept);
      }
      Report.absolute(
          s.text + " vs map", Stats.median(sdk), Stats.median(map), "B", 1024, "< 1 KB");
      Report.line(
          s.text + " vs events kept", Stats.median(sdk), Stats.median(list), "B", null, false);
      Report.note(
          String.format(
              Locale.ROOT,
              "%s: tracker %s B, map %s B, events in a list %s B per phone over the %d repeats",
              s.name(),
              Stats.range(sdk, "%.0f"),
              Stats.range(map, "%.0f"),
              Stats.range(list, "%.0f"),
              REPEATS));
    }
    Report.note(
        "events per phone: incoming and connected; ENDED and IDLE add disconnected (n=0); IDLE"
            + " then moves the clock 6 minutes and calls expire() (the map keeps its IDLE entries)");
    Report.note("load average before: " + load + "; after: " + Machine.loadAverage());
  }

  /** Bytes per phone that {@code consumer} keeps of scenario {@code s}'s events. */
  private static double retained(
      InMemoryEvents events,
      Scenario s,
      int phones,
      ManualClock clock,
      SnomCallTracker tracker,
      Consumer<SnomEvent> consumer)
      throws InterruptedException {
    events.to(consumer);
    long before = Heap.settledUsed();
    fire(events, s, 0, phones, clock, tracker);
    long after = Heap.settledUsed();
    events.to(e -> {});
    return (after - before) / (double) phones;
  }

  /** Phones {@code from} to {@code from + count - 1} go through scenario {@code s}. */
  private static void fire(
      InMemoryEvents events,
      Scenario s,
      int from,
      int count,
      ManualClock clock,
      SnomCallTracker tracker) {
    for (int n = from; n < from + count; n++) {
      events.fire(n, SnomEventType.INCOMING, FiredUrl.callId(n, 1), 1);
    }
    for (int n = from; n < from + count; n++) {
      events.fire(n, SnomEventType.CONNECTED, FiredUrl.callId(n, 1), 1);
    }
    if (s != Scenario.CONNECTED) {
      for (int n = from; n < from + count; n++) {
        events.fire(n, SnomEventType.DISCONNECTED, FiredUrl.callId(n, 1), 0);
      }
    }
    events.flush();
    if (s == Scenario.IDLE) {
      clock.advance(Duration.ofMinutes(6));
      if (tracker != null) {
        tracker.expire();
      }
    }
  }
}
