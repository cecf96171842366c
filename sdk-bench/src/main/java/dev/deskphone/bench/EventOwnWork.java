package dev.deskphone.bench;

import dev.deskphone.core.PhoneHeaders;
import dev.deskphone.core.server.EndpointRequest;
import dev.deskphone.core.server.EndpointResponse;
import dev.deskphone.core.server.PhoneEndpoint;
import dev.deskphone.snom.SnomEventEndpoint;
import dev.deskphone.snom.SnomEventType;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * Item 9, the SDK's own work per event, without a socket: {@link SnomEventEndpoint#handle} on a
 * request as {@link EventsHarness} sends it, against the bare handler's {@code handle} (timestamp
 * read, listener called), in alternating blocks. Per event: CPU time of the calling thread (the
 * request's thread on a server), bytes it allocates, and CPU time of the SDK's dispatch threads,
 * which call the listener.
 */
final class EventOwnWork {
  private static final int BLOCK = 20_000;
  private static final int WARMUP = 10;
  private static final int BLOCKS = 20;
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private EventOwnWork() {}

  static void run(EventRecorder recorder, PhoneEndpoint bare) throws InterruptedException {
    String load = Machine.loadAverage();
    SnomEventEndpoint sdk =
        SnomEventEndpoint.builder()
            .listener(event -> recorder.arrived(Long.parseLong(event.parameters().get("t"))))
            .build();
    try {
      URI base = URI.create("http://127.0.0.1:8080" + EventsHarness.SDK_PATH);
      String target =
          FiredUrl.target(
                  sdk.actionUrl(FiredUrl.ip(5), SnomEventType.CONNECTED, base),
                  5,
                  FiredUrl.callId(5, 1),
                  1)
              + "&t="
              + System.nanoTime();
      InetSocketAddress peer = new InetSocketAddress(InetAddress.getLoopbackAddress(), 40000);
      EndpointRequest request =
          EndpointRequest.of("GET", target, PhoneHeaders.empty(), new byte[0], peer);
      double[][] cpu = new double[2][BLOCKS];
      double[][] bytes = new double[2][BLOCKS];
      double[] dispatch = new double[BLOCKS];
      double[] one = new double[3];
      for (int b = -WARMUP; b < BLOCKS; b++) {
        for (int turn = 0; turn < 2; turn++) {
          int side = (b + turn) & 1;
          block(side == 0 ? sdk : bare, request, recorder, one);
          if (b >= 0) {
            cpu[side][b] = one[0];
            bytes[side][b] = one[1];
            if (side == 0) {
              dispatch[b] = one[2];
            }
          }
        }
      }
      Report.head(
          "9. snom events, the SDK's own work per event in memory: handle() vs the bare handler,"
              + " "
              + BLOCKS
              + " alternating blocks of "
              + BLOCK
              + ", medians");
      Report.line(
          "CPU of the request's thread (us)",
          Stats.median(cpu[0]),
          Stats.median(cpu[1]),
          "us",
          null,
          false);
      Report.line(
          "allocated by the request's thread (B)",
          Stats.median(bytes[0]),
          Stats.median(bytes[1]),
          "B",
          null,
          false);
      Report.note(
          String.format(
              Locale.ROOT,
              "the SDK's dispatch threads, which call the listener: %.2f us of CPU per event"
                  + " (the bare handler calls it on the request's thread)",
              Stats.median(dispatch)));
      Report.note("load average before: " + load + "; after: " + Machine.loadAverage());
    } finally {
      sdk.close();
    }
  }

  /** One block: out = {CPU us per event, bytes per event, dispatch CPU us per event}. */
  private static void block(
      PhoneEndpoint endpoint, EndpointRequest request, EventRecorder recorder, double[] out)
      throws InterruptedException {
    recorder.reset();
    long id = Thread.currentThread().getId();
    long dispatch = EventsHarness.dispatchCpuNanos();
    long allocated = THREADS.getThreadAllocatedBytes(id);
    long cpu = THREADS.getCurrentThreadCpuTime();
    for (int i = 0; i < BLOCK; i++) {
      EndpointResponse answer = endpoint.handle(request);
      if (answer.status() != 200) {
        throw new IllegalStateException("answered " + answer.status());
      }
    }
    out[0] = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e3 / BLOCK;
    out[1] = (THREADS.getThreadAllocatedBytes(id) - allocated) / (double) BLOCK;
    while (recorder.count() < BLOCK) {
      LockSupport.parkNanos(100_000);
    }
    out[2] = (EventsHarness.dispatchCpuNanos() - dispatch) / 1e3 / BLOCK;
  }
}
