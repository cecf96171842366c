package dev.deskphone.bench;

import dev.deskphone.snom.SnomCallState;
import dev.deskphone.snom.SnomCallTracker;
import dev.deskphone.snom.SnomEvent;
import dev.deskphone.snom.SnomEventType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Item 10, time: {@link SnomCallTracker#state}, {@link SnomCallTracker#calls} and {@link
 * SnomCallTracker#accept} per operation, in paired blocks against the hand-written map's {@code
 * get} and {@code put} ({@link TrackerHarness#put}). The tracker runs on the system clock, as an
 * app runs it, with N phones on a connected call; {@code accept} is timed on whole calls (incoming,
 * connected, disconnected) of another 1,000 phones, 10 calls each with fresh call ids, replayed in
 * a loop (a phone keeps 8 ended ids, so the first call's id is forgotten when it comes round
 * again).
 */
final class TrackerCosts {
  private static final int CALL_PHONES = 1_000;
  private static final int CALLS = 10;

  private TrackerCosts() {}

  /** A position in an array, going round. */
  private static final class Cursor {
    private final int size;
    private int at;

    Cursor(int size) {
      this.size = size;
    }

    int next() {
      int i = at;
      at = i + 1 == size ? 0 : i + 1;
      return i;
    }
  }

  static void run(InMemoryEvents events, int phones) throws Exception {
    String load = Machine.loadAverage();
    SnomCallTracker tracker = SnomCallTracker.builder().build();
    Map<String, SnomCallState> map = new ConcurrentHashMap<>();
    events.to(
        e -> {
          tracker.accept(e);
          TrackerHarness.put(map, e);
        });
    for (int n = 0; n < phones; n++) {
      events.fire(n, SnomEventType.CONNECTED, FiredUrl.callId(n, 1), 1);
    }
    events.flush();
    String[] ids = new String[phones];
    for (int n = 0; n < phones; n++) {
      ids[n] = FiredUrl.ip(n); // the app's own strings, not the tracker's keys
    }
    List<SnomEvent> calls = new ArrayList<>();
    events.to(calls::add);
    for (int k = 0; k < CALLS; k++) {
      for (SnomEventType type :
          new SnomEventType[] {
            SnomEventType.INCOMING, SnomEventType.CONNECTED, SnomEventType.DISCONNECTED
          }) {
        for (int n = phones; n < phones + CALL_PHONES; n++) {
          events.fire(
              n, type, FiredUrl.callId(n, 100 + k), type == SnomEventType.DISCONNECTED ? 0 : 1);
        }
      }
    }
    events.flush();
    events.to(e -> {});
    SnomEvent[] stream = calls.toArray(new SnomEvent[0]);

    Report.head(
        "10. SnomCallTracker, time per operation (ns), "
            + phones
            + " phones on a call; paired blocks vs ConcurrentHashMap<String, SnomCallState>");
    Cursor a = new Cursor(phones);
    Cursor b = new Cursor(phones);
    Paired.Result state =
        Paired.run(
            () -> TrackerHarness.consume(tracker.state(ids[a.next()]).ordinal()),
            () -> TrackerHarness.consume(map.get(ids[b.next()]).ordinal()),
            300,
            600,
            2_000);
    Report.pairedNanos("state(phone) vs map.get", state);
    Paired.Result list =
        Paired.run(
            () -> TrackerHarness.consume(tracker.calls(ids[a.next()]).size()),
            () -> TrackerHarness.consume(map.get(ids[b.next()]).ordinal()),
            300,
            600,
            2_000);
    Report.pairedNanos("calls(phone) vs map.get", list);
    Cursor c = new Cursor(stream.length);
    Cursor d = new Cursor(stream.length);
    Paired.Result accept =
        Paired.run(
            () -> tracker.accept(stream[c.next()]),
            () -> TrackerHarness.put(map, stream[d.next()]),
            100,
            300,
            3_000);
    Report.pairedNanos("accept(event) vs map.put", accept);
    Report.note(
        String.format(
            Locale.ROOT,
            "paired: blocks of 2,000 lookups (accept: 3,000 events) alternating, the side going"
                + " first switching every block; figures the block medians, ratio the median of the"
                + " pair ratios. accept replays %d events (%d phones x %d calls x incoming,"
                + " connected, disconnected); the tracker has no listener. Tracked phones at the"
                + " end: %d",
            stream.length,
            CALL_PHONES,
            CALLS,
            tracker.trackedPhones()));
    Report.note("load average before: " + load + "; after: " + Machine.loadAverage());
  }
}
