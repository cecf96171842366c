package dev.deskphone.cli;

import com.sun.net.httpserver.HttpServer;
import dev.deskphone.snom.MinibrowserDocument;
import dev.deskphone.snom.MinibrowserFetch;
import dev.deskphone.snom.MinibrowserText;
import dev.deskphone.snom.SnomCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code deskphone snom show}: puts a text on the phone's screen now. Serves a one-off Text
 * document from a short-lived built-in server, at an unguessable path, on an address the phone
 * reaches, pushes it with {@code minibrowser.htm?url=}, waits until the phone fetched it, and stops
 * the server.
 */
@Command(
    name = "show",
    description = {
      "Show a text on the phone's screen now: serves a one-off minibrowser document from a",
      "short-lived built-in server and pushes it; the phone fetches it from this machine."
    })
final class SnomShow implements Callable<Integer> {
  @ParentCommand SnomCli snom;
  @Mixin SnomOptions options;

  @Option(names = "--text", required = true, paramLabel = "TEXT", description = "The text shown")
  String text;

  @Option(names = "--title", paramLabel = "TITLE", description = "The title above it")
  String title;

  @Option(
      names = "--seconds",
      paramLabel = "SECONDS",
      description = "Close the screen after this long (default: it stays until the user leaves)")
  Double seconds;

  @Option(
      names = "--serve-on",
      paramLabel = "HOST",
      description =
          "The address of this machine the phones reach (default: the one that routes to the"
              + " first phone)")
  String serveOn;

  @Option(
      names = "--wait",
      paramLabel = "SECONDS",
      defaultValue = "15",
      description = "How long to wait for the phones to fetch it (default: ${DEFAULT-VALUE})")
  double waitSeconds;

  @Override
  public Integer call() throws InterruptedException {
    MinibrowserText.Builder doc = MinibrowserText.builder().text(text);
    if (title != null) {
      doc.title(title);
    }
    if (seconds != null) {
      doc.fetch(
          MinibrowserFetch.after(Cli.seconds("--seconds", seconds), URI.create("snom://mb_exit")));
    }
    MinibrowserDocument document = doc.build(); // checked before anything is sent
    Duration wait = Cli.seconds("--wait", waitSeconds);
    InetAddress address = serveOn != null ? address(serveOn) : routeTo(options.firstHost());
    String path =
        "/deskphone/show/" + HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
    AtomicInteger fetched = new AtomicInteger();
    Terminal t = snom.root.terminal();
    // The JDK's small server: the count goes up once an answer is written whole, and stop()
    // waits for answers being written, so no phone is cut off mid-answer.
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(address, 0), 16);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve the document on " + address, e);
    }
    byte[] body = document.toBytes();
    server.createContext(
        path,
        exchange -> {
          try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", MinibrowserDocument.CONTENT_TYPE);
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
          }
          synchronized (fetched) {
            fetched.incrementAndGet();
            fetched.notifyAll();
          }
        });
    server.start();
    try {
      URI url =
          URI.create(
              "http://"
                  + (address.getHostAddress().contains(":")
                      ? "[" + address.getHostAddress() + "]"
                      : address.getHostAddress())
                  + ":"
                  + server.getAddress().getPort()
                  + path);
      int code = options.run(t, SnomCommand.show(url));
      int phones = options.count();
      long deadline = System.nanoTime() + wait.toNanos();
      synchronized (fetched) {
        while (fetched.get() < phones && System.nanoTime() < deadline) {
          TimeUnit.NANOSECONDS.timedWait(fetched, Math.max(1, deadline - System.nanoTime()));
        }
      }
      t.out()
          .println(
              "document fetched "
                  + fetched.get()
                  + " time(s) for "
                  + phones
                  + " phone(s) from "
                  + url.getScheme()
                  + "://"
                  + url.getAuthority()
                  + "/deskphone/show/...");
      if (code == ExitCode.OK && fetched.get() < phones) {
        t.err()
            .println(
                "not every phone fetched the document within "
                    + wait.toSeconds()
                    + " s: can they reach "
                    + address.getHostAddress()
                    + "? (--serve-on sets the address)");
        return ExitCode.FAILED;
      }
      return code;
    } finally {
      server.stop(1); // waits at most 1 s for an answer still being written
    }
  }

  private static InetAddress address(String host) {
    try {
      return InetAddress.getByName(host);
    } catch (IOException e) {
      throw new IllegalArgumentException("--serve-on '" + host + "' is not an address here");
    }
  }

  /** The local address the system routes to {@code host} from (no packet is sent). */
  private static InetAddress routeTo(String host) {
    try (DatagramSocket probe = new DatagramSocket()) {
      probe.connect(InetAddress.getByName(host), 9);
      return probe.getLocalAddress();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot tell which address reaches " + host, e);
    }
  }
}
