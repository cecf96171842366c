package dev.deskphone.cli;

import dev.deskphone.core.JdkHttpTransport;
import dev.deskphone.core.PhoneRequest;
import dev.deskphone.core.PhoneResponse;
import dev.deskphone.core.PushRequest;
import dev.deskphone.core.TlsPolicy;
import dev.deskphone.unify.PushResult;
import dev.deskphone.unify.SendUrlKey;
import dev.deskphone.unify.SendUrlServer;
import dev.deskphone.unify.UnifyPhone;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code deskphone unify ...}: the Unify OpenScape Desk Phone CP Send URL key. */
@Command(
    name = "unify",
    description = "Serve, push and press the Send URL key of Unify OpenScape Desk Phone CP phones.",
    subcommands = {UnifyCli.Push.class, UnifyCli.Serve.class, UnifyCli.Press.class})
final class UnifyCli {
  @ParentCommand Deskphone root;

  static TlsPolicy tls(String pin) {
    return pin == null ? TlsPolicy.system() : TlsPolicy.pinned(pin);
  }

  @Command(name = "push", description = "Ask phones to fire their Send URL key (server push).")
  static final class Push implements Callable<Integer> {
    @ParentCommand UnifyCli unify;

    @Option(names = "--phone", paramLabel = "URL", description = "The phone, e.g. https://10.0.0.7")
    URI phone;

    @Option(
        names = "--phones",
        paramLabel = "FILE",
        description = "Push every phone of a file (URL per line)")
    Path phones;

    @Option(
        names = "--symbolic-name",
        required = true,
        paramLabel = "NAME",
        description = "The key's symbolic name")
    String symbolicName;

    @Option(
        names = "--server",
        required = true,
        paramLabel = "URL",
        description = "The key's server, as configured")
    URI server;

    @Option(
        names = "--pin",
        paramLabel = "SHA256",
        description = "Trust exactly the phone certificate with this fingerprint")
    String pin;

    @Option(
        names = "--timeout",
        paramLabel = "SECONDS",
        defaultValue = "15",
        description = "Deadline (default: ${DEFAULT-VALUE})")
    double timeoutSeconds;

    @Option(
        names = "--concurrency",
        paramLabel = "N",
        defaultValue = "16",
        description = "With --phones: at most N at once")
    int concurrency;

    @Override
    public Integer call() {
      PushRequest push = PushRequest.builder().symbolicName(symbolicName).server(server).build();
      Duration timeout = Cli.seconds("--timeout", timeoutSeconds);
      if ((phone == null) == (phones == null)) {
        throw new IllegalArgumentException("give either --phone URL or --phones FILE");
      }
      List<URI> uris =
          phone != null
              ? List.of(phone)
              : PhoneList.read(phones).stream().map(PhoneList.Entry::uri).toList();
      try (JdkHttpTransport transport = JdkHttpTransport.builder().timeout(timeout).build()) {
        List<UnifyPhone> clients =
            uris.stream()
                .map(
                    u ->
                        UnifyPhone.builder()
                            .uri(u)
                            .tls(tls(pin))
                            .transport(transport)
                            .timeout(timeout)
                            .build())
                .toList();
        return push(push, clients);
      }
    }

    private int push(PushRequest push, List<UnifyPhone> clients) {
      Terminal t = unify.root.terminal();
      if (phone != null) {
        PushResult result = clients.get(0).push(push);
        t.out()
            .println(
                t.paint("ok", Terminal.Colour.GREEN)
                    + "  push "
                    + symbolicName
                    + " on "
                    + result.phone()
                    + ": HTTP "
                    + result.status());
        return ExitCode.OK;
      }
      return Fleet.run(
          t,
          "unify push " + symbolicName,
          clients,
          p -> p.uri().toString(),
          p -> p.pushAsync(push),
          concurrency);
    }
  }

  @Command(
      name = "serve",
      description = "Run a Send URL server whose LED answers come from a config file.")
  static final class Serve implements Callable<Integer> {
    @ParentCommand UnifyCli unify;

    @Option(
        names = "--port",
        required = true,
        paramLabel = "PORT",
        description = "Port to listen on (0: any free port)")
    int port;

    @Option(
        names = "--bind",
        paramLabel = "ADDRESS",
        defaultValue = "127.0.0.1",
        description = "Address to listen on (default: ${DEFAULT-VALUE})")
    String bind;

    @Option(
        names = "--config",
        required = true,
        paramLabel = "FILE",
        description = "NAME = STATE [COLOUR] [\"label\"] | toggle A | B | acknowledge, per line")
    Path config;

    @Option(
        names = "--user",
        paramLabel = "USER",
        description = "The userid the keys send (checked with the password)")
    String user;

    @Option(
        names = "--password-file",
        paramLabel = "FILE",
        description = "The password the keys send (else $DESKPHONE_PASSWORD, else a prompt)")
    Path passwordFile;

    @Override
    public Integer call() throws InterruptedException {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("--port must be from 0 to 65535, was " + port);
      }
      SendUrlServer.Builder b =
          SendUrlServer.builder()
              .bind(new InetSocketAddress(bind, port))
              .responder(LedConfig.read(config));
      Terminal t = unify.root.terminal();
      if (user != null) {
        b.credentials(user, Passwords.read(passwordFile, t, user));
      } else {
        b.withoutCredentials();
      }
      try (SendUrlServer server = b.start()) {
        t.out().println("Send URL server on " + server.uri() + " (Ctrl-C stops it)");
        t.out().flush();
        t.awaitStop();
      }
      return ExitCode.OK;
    }
  }

  @Command(
      name = "press",
      description = "Act as a phone: send a key's Send URL request, show the LED.")
  static final class Press implements Callable<Integer> {
    @ParentCommand UnifyCli unify;

    @Option(
        names = "--server",
        required = true,
        paramLabel = "URL",
        description = "The key's server: protocol, host, port and path")
    URI server;

    @Option(names = "--symbolic-name", required = true, paramLabel = "NAME")
    String symbolicName;

    @Option(names = "--method", defaultValue = "GET", paramLabel = "GET|POST")
    String method;

    @Option(
        names = "--parameters",
        paramLabel = "a=1&b=2",
        description = "The key's free-form parameters")
    String parameters;

    @Option(names = "--user", paramLabel = "USER", description = "The key's web server user id")
    String user;

    @Option(
        names = "--password-file",
        paramLabel = "FILE",
        description = "The key's web server password")
    Path passwordFile;

    @Option(
        names = "--ip",
        defaultValue = "127.0.0.1",
        paramLabel = "ADDRESS",
        description = "The phone's ipaddress parameter")
    String ip;

    @Option(
        names = "--number",
        defaultValue = "+4930123456",
        paramLabel = "E164",
        description = "The phone's phonenumber parameter")
    String number;

    @Option(
        names = "--pin",
        paramLabel = "SHA256",
        description = "Trust exactly the server certificate with this fingerprint")
    String pin;

    @Override
    public Integer call() {
      Terminal t = unify.root.terminal();
      SendUrlKey.Builder key =
          SendUrlKey.builder().symbolicName(symbolicName).method(method).server(server);
      if (parameters != null) {
        key.parameters(parameters);
      }
      if (user != null) {
        key.userId(user).password(Passwords.read(passwordFile, t, user));
      }
      PhoneRequest request = key.build().request(ip, number).toBuilder().tls(tls(pin)).build();
      PhoneResponse response = JdkHttpTransport.shared().sendAndWait(request);
      t.out().println(symbolicName + ": " + LedView.of(t, symbolicName, response));
      return response.status() == 200 ? ExitCode.OK : ExitCode.FAILED;
    }
  }
}
