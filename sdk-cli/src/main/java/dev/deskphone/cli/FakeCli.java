package dev.deskphone.cli;

import dev.deskphone.testkit.FakeKeyRequest;
import dev.deskphone.testkit.FakeRequest;
import dev.deskphone.testkit.FakeSnomPhone;
import dev.deskphone.testkit.FakeUnifyPhone;
import dev.deskphone.testkit.RejectedRequest;
import dev.deskphone.unify.SendUrlKey;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code deskphone fake ...}: the testkit's fake phones as standalone servers on 127.0.0.1 that
 * print each request as it arrives, for people testing from other languages.
 */
@Command(
    name = "fake",
    description = "Run a fake phone on 127.0.0.1 that prints every request it gets.",
    subcommands = {FakeCli.Snom.class, FakeCli.Unify.class, FakeLabCli.class})
final class FakeCli {
  private static final Duration POLL = Duration.ofMillis(200);

  @ParentCommand Deskphone root;

  /** Where a fake listens: the options both fakes take. */
  static final class Listen {
    @Option(
        names = "--port",
        defaultValue = "0",
        paramLabel = "PORT",
        description = "Port (default: any free one)")
    int port;

    @Option(names = "--https", description = "Serve https with a certificate made for this run")
    boolean https;
  }

  /** Prints the fingerprint, if any, then runs {@code printer} on its own thread until stopped. */
  static void serve(Terminal t, String fingerprint, Runnable printer) throws InterruptedException {
    if (fingerprint != null) {
      t.out().println("certificate SHA-256 " + fingerprint + " (--pin)");
    }
    t.out().flush();
    Thread thread = new Thread(printer, "fake-printer");
    thread.setDaemon(true);
    thread.start();
    t.awaitStop();
  }

  /** Splits {@code user:password}. */
  static String[] userAndPassword(String option, String text) {
    int colon = text.indexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw new IllegalArgumentException(option + " must be USER:PASSWORD");
    }
    return new String[] {text.substring(0, colon), text.substring(colon + 1)};
  }

  @Command(
      name = "snom",
      description = "A fake snom phone: every remote-control command, state kept.")
  static final class Snom implements Callable<Integer> {
    @ParentCommand FakeCli fake;

    @Mixin Listen listen;

    @Option(
        names = "--digest",
        paramLabel = "USER:PASSWORD",
        description = "Ask for Digest (test credentials)")
    String digest;

    @Option(
        names = "--basic",
        paramLabel = "USER:PASSWORD",
        description = "Ask for Basic (test credentials)")
    String basic;

    @Option(names = "--model", paramLabel = "MODEL", description = "Behave as this model, e.g. 870")
    String model;

    @Override
    public Integer call() throws InterruptedException {
      FakeSnomPhone.Builder b = FakeSnomPhone.builder().port(listen.port).lenient();
      if (digest != null && basic != null) {
        throw new IllegalArgumentException("give --digest or --basic, not both");
      }
      if (digest != null) {
        String[] up = userAndPassword("--digest", digest);
        b.digestAuth(up[0], up[1]);
      } else if (basic != null) {
        String[] up = userAndPassword("--basic", basic);
        b.basicAuth(up[0], up[1]);
      }
      if (model != null) {
        b.model(Models.parse(model));
      }
      if (listen.https) {
        b.https();
      }
      Terminal t = fake.root.terminal();
      try (FakeSnomPhone phone = b.start()) {
        t.out()
            .println(
                "fake snom phone"
                    + phone.model().map(m -> " (" + m.displayName() + ")").orElse("")
                    + " on "
                    + phone.uri()
                    + (digest != null ? ", Digest" : basic != null ? ", Basic" : ", no login")
                    + "; Ctrl-C stops it");
        serve(t, listen.https ? phone.certificateFingerprint() : null, () -> print(t, phone));
      }
      return ExitCode.OK;
    }

    private void print(Terminal t, FakeSnomPhone phone) {
      int rejectedSeen = 0;
      ScreenLines screen = new ScreenLines();
      try {
        while (t.stop().getCount() > 0) {
          Optional<FakeRequest> r = phone.takeRequest(POLL);
          if (screen.print(phone, line -> t.out().println(line))) {
            t.out().flush();
          }
          if (r.isEmpty()) {
            continue;
          }
          t.out().println(r.get());
          List<RejectedRequest> rejected = phone.rejected();
          for (RejectedRequest rej : rejected.subList(rejectedSeen, rejected.size())) {
            t.out()
                .println(
                    "  "
                        + t.paint("not carried out", Terminal.Colour.YELLOW)
                        + ": "
                        + rej.reason());
          }
          rejectedSeen = rejected.size();
          t.out().flush();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Command(
      name = "unify",
      description = "A fake Unify CP phone: takes pushes and fires its Send URL keys.")
  static final class Unify implements Callable<Integer> {
    @ParentCommand FakeCli fake;

    @Mixin Listen listen;

    @Option(
        names = "--key",
        required = true,
        paramLabel = "NAME=SERVER_URL",
        description = "A Send URL key (GET), e.g. Door=http://127.0.0.1:8080/; repeatable")
    List<String> keys;

    @Override
    public Integer call() throws InterruptedException {
      FakeUnifyPhone.Builder b = FakeUnifyPhone.builder().port(listen.port).lenient();
      for (String key : keys) {
        int eq = key.indexOf('=');
        if (eq <= 0) {
          throw new IllegalArgumentException("--key must be NAME=SERVER_URL, was '" + key + "'");
        }
        b.key(
            SendUrlKey.builder()
                .symbolicName(key.substring(0, eq))
                .server(URI.create(key.substring(eq + 1)))
                .build());
      }
      if (listen.https) {
        b.https();
      }
      Terminal t = fake.root.terminal();
      try (FakeUnifyPhone phone = b.start()) {
        t.out().println("fake Unify phone taking pushes on " + phone.uri() + "; Ctrl-C stops it");
        serve(t, listen.https ? phone.certificateFingerprint() : null, () -> print(t, phone));
      }
      return ExitCode.OK;
    }

    private void print(Terminal t, FakeUnifyPhone phone) {
      int pushesSeen = 0;
      int rejectedSeen = 0;
      try {
        while (t.stop().getCount() > 0) {
          Optional<FakeKeyRequest> sent = phone.takeRequest(POLL);
          List<FakeRequest> pushes = phone.pushes();
          List<RejectedRequest> rejected = phone.rejected();
          for (FakeRequest push : pushes.subList(pushesSeen, pushes.size())) {
            t.out().println("push " + push);
          }
          for (RejectedRequest rej : rejected.subList(rejectedSeen, rejected.size())) {
            t.out()
                .println("  " + t.paint("refused", Terminal.Colour.YELLOW) + ": " + rej.reason());
          }
          pushesSeen = pushes.size();
          rejectedSeen = rejected.size();
          sent.ifPresent(r -> t.out().println("key request " + r));
          t.out().flush();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
