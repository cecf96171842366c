package dev.deskphone.bench;

import com.sun.net.httpserver.HttpServer;
import dev.deskphone.snom.SnomPhone;
import dev.deskphone.unify.SendUrlServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * What {@link ColdStartHarness} runs in a fresh JVM: {@code press URI} (the SDK presses ENTER),
 * {@code rawpress URI} (a raw GET of the same URL), {@code sendurl} (a Send URL server on an
 * ephemeral port, printed as {@code PORT n}, serving until stdin closes), {@code bare BASE64} (a
 * bare JDK server with those reply bytes) or {@code noop}. Ends by itself within 30 s.
 */
public final class ColdStartChild {
  private ColdStartChild() {}

  /** Runs the mode named by {@code args[0]}. */
  public static void main(String[] args) throws Exception {
    Thread watchdog =
        new Thread(
            () -> {
              try {
                Thread.sleep(30_000);
              } catch (InterruptedException e) {
                return;
              }
              Runtime.getRuntime().halt(3);
            });
    watchdog.setDaemon(true);
    watchdog.start();
    switch (args[0]) {
      case "press" -> SnomPhone.builder().uri(URI.create(args[1])).build().press("ENTER");
      case "rawpress" -> {
        HttpResponse<byte[]> r =
            Loopback.rawClient()
                .send(
                    HttpRequest.newBuilder(URI.create(args[1]).resolve("/command.htm?key=ENTER"))
                        .GET()
                        .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
          System.exit(1);
        }
      }
      case "sendurl" -> {
        SendUrlServer server = SendUrlLoadHarness.sendUrlServer(0);
        serveUntilStdinCloses(server.address().getPort());
        server.close();
      }
      case "bare" -> {
        HttpServer server =
            SendUrlLoadHarness.bareServer(0, Base64.getDecoder().decode(args[1]), null);
        serveUntilStdinCloses(server.getAddress().getPort());
        server.stop(0);
      }
      case "noop" -> {}
      default -> System.exit(2);
    }
    System.exit(0);
  }

  private static void serveUntilStdinCloses(int port) throws Exception {
    System.out.println("PORT " + port);
    System.out.flush();
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    while (in.readLine() != null) {
      // wait for the parent
    }
  }
}
