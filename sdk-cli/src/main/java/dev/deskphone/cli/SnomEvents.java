package dev.deskphone.cli;

import dev.deskphone.core.server.EndpointServer;
import dev.deskphone.snom.SnomCallTracker;
import dev.deskphone.snom.SnomEventEndpoint;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code deskphone snom events}: a {@link SnomEventEndpoint} on an {@link EndpointServer} that
 * prints each event as it arrives, until stopped.
 */
@Command(
    name = "events",
    description = {
      "Receive snom action-URL events and print each as it arrives, until stopped.",
      "Phones send them once `snom configure-events` points them here with the same key file."
    })
final class SnomEvents implements Callable<Integer> {
  @ParentCommand SnomCli snom;

  @Option(
      names = "--listen",
      required = true,
      paramLabel = "PORT",
      description = "Port to listen on (0: any free port)")
  int port;

  @Option(
      names = "--bind",
      paramLabel = "ADDRESS",
      defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every address)")
  String bind;

  @Option(
      names = "--path",
      paramLabel = "PATH",
      defaultValue = "/snom/events",
      description = "The path the phones send to (default: ${DEFAULT-VALUE})")
  String path;

  @Option(
      names = "--key-file",
      required = true,
      paramLabel = "FILE",
      description = "The events key, as configure-events uses it; created if missing")
  Path keyFile;

  @Option(
      names = "--track",
      description = "Also print each phone's call state as it changes (RINGING -> CONNECTED)")
  boolean track;

  @Option(
      names = "--summary-every",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description =
          "Print the counts (received, delivered, forged, ...) this often when they changed,"
              + " and on stop (default: ${DEFAULT-VALUE})")
  double summarySeconds;

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--listen must be a port from 0 to 65535, was " + port);
    }
    Duration every = Cli.seconds("--summary-every", summarySeconds);
    Terminal t = snom.root.terminal();
    EventKeyFile.ensure(t, keyFile);
    ZoneId zone = ZoneId.systemDefault();
    SnomEventEndpoint.Builder events =
        SnomEventEndpoint.builder()
            .keyFile(keyFile)
            .listener(event -> print(t, EventLines.event(event, zone)));
    SnomCallTracker tracker = null;
    if (track) {
      tracker =
          SnomCallTracker.builder()
              .listener(
                  change -> {
                    if (change.call().isEmpty()) { // the phone's state, not each call's
                      print(t, EventLines.change(change, zone));
                    }
                  })
              .build();
      events.listener(tracker::accept); // after the printer: an event's line comes first
    }
    try (SnomEventEndpoint endpoint = events.build();
        EndpointServer server =
            EndpointServer.builder()
                .bind(new InetSocketAddress(bind, port))
                .endpoint(path, endpoint)
                .start()) {
      t.out().println("snom events on " + shown(server) + " (Ctrl-C stops it)");
      print(
          t,
          "configure phones with: deskphone snom configure-events --key-file "
              + keyFile
              + " --server http://HOST:"
              + server.address().getPort()
              + path
              + " --phone URL");
      ScheduledExecutorService timer =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread thread = new Thread(r, "deskphone-events-timer");
                thread.setDaemon(true);
                return thread;
              });
      try {
        AtomicReference<String> last =
            new AtomicReference<>(EventLines.summary(endpoint.counters()));
        long millis = every.toMillis();
        timer.scheduleAtFixedRate(
            () -> {
              String now = EventLines.summary(endpoint.counters());
              if (!now.equals(last.getAndSet(now))) {
                print(t, "events: " + now);
              }
            },
            millis,
            millis,
            TimeUnit.MILLISECONDS);
        if (tracker != null) {
          // A call whose end no event reports ends by the tracker's timeouts, even when quiet.
          timer.scheduleAtFixedRate(tracker::expire, 1, 1, TimeUnit.SECONDS);
        }
        t.awaitStop();
      } finally {
        timer.shutdownNow();
      }
      server.close();
      endpoint.close();
      print(t, "stopped; events: " + EventLines.summary(endpoint.counters()));
    }
    return ExitCode.OK;
  }

  /** Where the server listens: its URI, or the bind address when it is every address. */
  private String shown(EndpointServer server) {
    InetSocketAddress a = server.address();
    return a.getAddress().isAnyLocalAddress()
        ? "port " + a.getPort() + " of every address, path " + path
        : server.uri(path).toString();
  }

  private static void print(Terminal t, String line) {
    t.out().println(line);
    t.out().flush();
  }
}
