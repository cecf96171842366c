package dev.deskphone.cli;

import dev.deskphone.core.Credentials;
import dev.deskphone.core.JdkHttpTransport;
import dev.deskphone.core.PhoneAuth;
import dev.deskphone.core.TlsPolicy;
import dev.deskphone.snom.SnomCommand;
import dev.deskphone.snom.SnomModel;
import dev.deskphone.snom.SnomPhone;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** The options every {@code deskphone snom} command takes: which phones, and how to reach them. */
final class SnomOptions {
  @Option(
      names = "--phone",
      paramLabel = "URL",
      description = "The phone's web server, e.g. http://10.0.0.5")
  URI phone;

  @Option(
      names = "--phones",
      paramLabel = "FILE",
      description = "Run on every phone of a CSV file: URL[,MODEL] per line, # for comments")
  Path phones;

  @Option(
      names = "--user",
      paramLabel = "USER",
      description = "Web interface user (Digest or Basic)")
  String user;

  @Option(
      names = "--password-file",
      paramLabel = "FILE",
      description = "Read the password from FILE (else $DESKPHONE_PASSWORD, else a prompt)")
  Path passwordFile;

  @Option(
      names = "--model",
      paramLabel = "MODEL",
      description = "e.g. 870, 300, D785: check keys and features first")
  String model;

  @Option(
      names = "--pin",
      paramLabel = "SHA256",
      description = "Trust exactly the https certificate with this SHA-256 fingerprint")
  String pin;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "15",
      description = "Deadline of each exchange (default: ${DEFAULT-VALUE})")
  double timeoutSeconds;

  @Option(
      names = "--allow-basic-over-http",
      description = "Send Basic credentials over plain http (readable by anyone on the network)")
  boolean basicOverHttp;

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      defaultValue = "16",
      description = "With --phones: at most N phones at once (default: ${DEFAULT-VALUE})")
  int concurrency;

  /** The host of the phone, or of the first phone of the file. */
  String firstHost() {
    if ((phone == null) == (phones == null)) {
      throw new IllegalArgumentException("give either --phone URL or --phones FILE");
    }
    URI first = phone != null ? phone : PhoneList.read(phones).get(0).uri();
    return first.getHost();
  }

  /** How many phones the options name. */
  int count() {
    return phone != null ? 1 : PhoneList.read(phones).size();
  }

  /** Runs {@code command} on the phone or phones, printing the outcome; returns the exit code. */
  int run(Terminal terminal, SnomCommand command) {
    return run(terminal, command.operation(), p -> p.send(command), p -> p.sendAsync(command));
  }

  /**
   * Runs an operation on the phone or phones, printing the outcome; returns the exit code.
   *
   * @param operation how the operation is shown, such as {@code snom reboot}
   * @param one runs it on the one phone of {@code --phone}, blocking
   * @param each starts it on one phone of {@code --phones}, without blocking
   */
  int run(
      Terminal terminal,
      String operation,
      Consumer<SnomPhone> one,
      Function<SnomPhone, ? extends CompletionStage<?>> each) {
    Duration timeout = Cli.seconds("--timeout", timeoutSeconds);
    if (concurrency < 1 || concurrency > 1024) {
      throw new IllegalArgumentException(
          "--concurrency must be from 1 to 1024, was " + concurrency);
    }
    if ((phone == null) == (phones == null)) {
      throw new IllegalArgumentException("give either --phone URL or --phones FILE");
    }
    Optional<SnomModel> defaultModel = Optional.ofNullable(model).map(Models::parse);
    List<PhoneList.Entry> entries =
        phone != null ? List.of(new PhoneList.Entry(phone, defaultModel)) : PhoneList.read(phones);
    PhoneAuth auth = auth(terminal);
    TlsPolicy tls = pin == null ? TlsPolicy.system() : TlsPolicy.pinned(pin);
    try (JdkHttpTransport transport =
        JdkHttpTransport.builder()
            .connectTimeout(
                timeout.compareTo(Duration.ofSeconds(5)) < 0 ? timeout : Duration.ofSeconds(5))
            .timeout(timeout)
            .build()) {
      List<SnomPhone> clients =
          entries.stream()
              .map(
                  e -> {
                    SnomPhone.Builder b =
                        SnomPhone.builder().uri(e.uri()).auth(auth).tls(tls).transport(transport);
                    e.model().or(() -> defaultModel).ifPresent(b::model);
                    return b.build();
                  })
              .toList();
      if (phone != null) {
        SnomPhone only = clients.get(0);
        one.accept(only);
        terminal
            .out()
            .println(
                terminal.paint("ok", Terminal.Colour.GREEN)
                    + "  "
                    + operation
                    + " on "
                    + only.uri());
        return ExitCode.OK;
      }
      return Fleet.run(terminal, operation, clients, p -> p.uri().toString(), each, concurrency);
    }
  }

  private PhoneAuth auth(Terminal terminal) {
    if (user == null) {
      if (passwordFile != null) {
        throw new IllegalArgumentException("--password-file needs --user");
      }
      return PhoneAuth.none();
    }
    PhoneAuth auth =
        PhoneAuth.of(Credentials.of(user, Passwords.read(passwordFile, terminal, user)));
    return basicOverHttp ? auth.allowingBasicOverHttp() : auth;
  }
}
