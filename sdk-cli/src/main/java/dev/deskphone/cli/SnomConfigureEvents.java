package dev.deskphone.cli;

import dev.deskphone.snom.SnomEventEndpoint;
import dev.deskphone.snom.SnomEventType;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code deskphone snom configure-events}: writes the action URLs of {@code snom events} to phones
 * with {@link dev.deskphone.snom.SnomPhone#configureEvents}, as persistent settings.
 */
@Command(
    name = "configure-events",
    description = {
      "Point phones' action URLs at a `snom events` listener (settings kept across reboots).",
      "Each URL carries the phone's id (its host[:port]) and a secret made with the key file;"
          + " no URL is printed, since the secret is in it."
    })
final class SnomConfigureEvents implements Callable<Integer> {
  @ParentCommand SnomCli snom;
  @Mixin SnomOptions options;

  @Option(
      names = "--server",
      required = true,
      paramLabel = "URL",
      description = "Where the phones reach the listener, e.g. http://pbx.example:8080/snom/events")
  URI server;

  @Option(
      names = "--key-file",
      required = true,
      paramLabel = "FILE",
      description = "The events key, as `snom events` uses it; created if missing")
  Path keyFile;

  @Option(
      names = "--events",
      split = ",",
      paramLabel = "EVENT",
      description =
          "Event names (incoming, dnd-on, ...) or all (default: incoming, outgoing, connected,"
              + " disconnected, missed, offhook, onhook, hold, unhold)")
  List<String> events;

  @Override
  public Integer call() {
    Set<SnomEventType> types = EventNames.parse(events);
    Terminal t = snom.root.terminal();
    EventKeyFile.ensure(t, keyFile);
    try (SnomEventEndpoint endpoint =
        SnomEventEndpoint.builder().keyFile(keyFile).listener(event -> {}).build()) {
      // A --server the phones could not be given fails here, before any phone is contacted.
      endpoint.actionUrls("phone", types, server);
      t.out().println("events " + EventNames.join(types) + " -> " + server);
      ExecutorService pool =
          Executors.newFixedThreadPool(
              Math.max(1, Math.min(options.concurrency, 1024)),
              r -> {
                Thread thread = new Thread(r, "deskphone-configure-events");
                thread.setDaemon(true);
                return thread;
              });
      try {
        return options.run(
            t,
            "snom configure events",
            phone -> phone.configureEvents(endpoint, server, types),
            phone ->
                CompletableFuture.runAsync(
                    () -> phone.configureEvents(endpoint, server, types), pool));
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
