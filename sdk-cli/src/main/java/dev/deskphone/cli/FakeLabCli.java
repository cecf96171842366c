package dev.deskphone.cli;

import dev.deskphone.snom.SnomModel;
import dev.deskphone.testkit.FakeCall;
import dev.deskphone.testkit.FakeLab;
import dev.deskphone.testkit.FakeRequest;
import dev.deskphone.testkit.FakeSnomPhone;
import dev.deskphone.testkit.FakeUnifyPhone;
import dev.deskphone.testkit.FarEnd;
import dev.deskphone.testkit.FiredEvent;
import dev.deskphone.testkit.RejectedRequest;
import dev.deskphone.unify.SendUrlKey;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code deskphone fake lab}: fake phones on one switchboard, so that they call each other, as
 * standalone servers until stopped. First one line per phone ({@code snom 870 ext 101 URL}, the
 * contract in shared/API.md), then each request, call change and fired action URL as it happens,
 * each line starting with the phone's extension.
 */
@Command(
    name = "lab",
    description = {
      "Run fake phones on one switchboard: they call each other by extension (from 101), and an",
      "unknown number reaches a far end that answers. Prints each phone's extension and URL, then",
      "every request, call and fired action URL as it happens."
    })
final class FakeLabCli implements Callable<Integer> {
  private static final Duration POLL = Duration.ofMillis(100);
  private static final int MAX_PHONES = 1000;

  @ParentCommand FakeCli fake;

  @Option(
      names = "--snom",
      defaultValue = "2",
      paramLabel = "N",
      description = "snom fakes (default 2)")
  int snom;

  @Option(
      names = "--unify",
      defaultValue = "0",
      paramLabel = "N",
      description = "Unify fakes after them (default 0)")
  int unify;

  @Option(
      names = "--model",
      defaultValue = "870",
      paramLabel = "MODEL",
      description = "The snom fakes' model (default 870)")
  String model;

  @Option(
      names = "--key",
      paramLabel = "NAME=SERVER_URL",
      description = "The Unify fakes' Send URL key (GET); default Key=http://127.0.0.1:9/")
  String key;

  @Option(
      names = "--digest",
      paramLabel = "USER:PASSWORD",
      description = "The snom fakes ask for Digest (test credentials)")
  String digest;

  @Option(
      names = "--basic",
      paramLabel = "USER:PASSWORD",
      description = "The snom fakes ask for Basic (test credentials)")
  String basic;

  @Option(names = "--https", description = "Serve https with certificates made for this run")
  boolean https;

  @Option(
      names = "--busy",
      paramLabel = "NUMBER",
      description = "A far-end number that is busy; repeatable")
  List<String> busy = new ArrayList<>();

  @Option(
      names = "--no-answer",
      paramLabel = "NUMBER",
      description = "A far-end number that rings and never answers; repeatable")
  List<String> noAnswer = new ArrayList<>();

  @Override
  public Integer call() throws InterruptedException {
    if (snom < 0 || unify < 0 || snom + unify == 0 || snom + unify > MAX_PHONES) {
      throw new IllegalArgumentException(
          "--snom and --unify must add up to 1.."
              + MAX_PHONES
              + ", were "
              + snom
              + " and "
              + unify);
    }
    if (digest != null && basic != null) {
      throw new IllegalArgumentException("give --digest or --basic, not both");
    }
    SnomModel snomModel = Models.parse(model);
    SendUrlKey unifyKey = unifyKey();
    Consumer<FakeSnomPhone.Builder> snomConfig =
        b -> {
          b.model(snomModel).lenient();
          if (digest != null) {
            String[] up = FakeCli.userAndPassword("--digest", digest);
            b.digestAuth(up[0], up[1]);
          } else if (basic != null) {
            String[] up = FakeCli.userAndPassword("--basic", basic);
            b.basicAuth(up[0], up[1]);
          }
          if (https) {
            b.https();
          }
        };
    Consumer<FakeUnifyPhone.Builder> unifyConfig =
        b -> {
          b.key(unifyKey).lenient();
          if (https) {
            b.https();
          }
        };
    Terminal t = fake.root.terminal();
    try (FakeLab lab = FakeLab.builder().snom(snom, snomConfig).unify(unify, unifyConfig).start()) {
      busy.forEach(n -> lab.switchboard().farEnd(n, FarEnd.busy()));
      noAnswer.forEach(n -> lab.switchboard().farEnd(n, FarEnd.noAnswer()));
      String code = snomModel.displayName().replaceFirst("(?i)^snom\\s*", "");
      for (FakeSnomPhone p : lab.snomPhones()) {
        t.out().println("snom " + code + "  ext " + p.extension() + "  " + p.uri());
        if (https) {
          t.out()
              .println(
                  "  ext " + p.extension() + " certificate SHA-256 " + p.certificateFingerprint());
        }
      }
      for (FakeUnifyPhone p : lab.unifyPhones()) {
        t.out()
            .println(
                "unify CP600  ext " + p.extension().orElseThrow() + "  " + p.uri().resolve("/"));
        if (https) {
          t.out()
              .println(
                  "  ext "
                      + p.extension().orElseThrow()
                      + " certificate SHA-256 "
                      + p.certificateFingerprint());
        }
      }
      t.out()
          .println(
              "switchboard: "
                  + lab.size()
                  + " phones, extensions "
                  + lab.switchboard().extensions().get(0)
                  + ".."
                  + lab.switchboard().extensions().get(lab.size() - 1)
                  + (digest != null ? ", Digest" : basic != null ? ", Basic" : ", no login")
                  + "; other numbers answer; Ctrl-C stops it");
      FakeCli.serve(t, null, () -> print(t, lab));
    }
    return ExitCode.OK;
  }

  private SendUrlKey unifyKey() {
    String k = key == null ? "Key=http://127.0.0.1:9/" : key;
    int eq = k.indexOf('=');
    if (eq <= 0) {
      throw new IllegalArgumentException("--key must be NAME=SERVER_URL, was '" + k + "'");
    }
    return SendUrlKey.builder()
        .symbolicName(k.substring(0, eq))
        .server(URI.create(k.substring(eq + 1)))
        .build();
  }

  /** Prints the DTMF {@code call} received since {@code before}; whether it printed any. */
  private static boolean printDtmf(Terminal t, String ext, FakeCall before, FakeCall call) {
    List<String> heard = call.dtmfReceived();
    int from = before == null ? 0 : Math.min(before.dtmfReceived().size(), heard.size());
    for (String digits : heard.subList(from, heard.size())) {
      t.out().println(ext + "  call " + call.callId() + ": DTMF received " + digits);
    }
    return from < heard.size();
  }

  /** What was printed of one snom fake so far. */
  private static final class Seen {
    int rejected;
    FiredEvent lastFired; // the last one printed; null: none yet
    Map<String, FakeCall> calls = Map.of();
    final Set<String> ended = new HashSet<>();
    final ScreenLines screen = new ScreenLines();
  }

  private static void print(Terminal t, FakeLab lab) {
    Map<FakeSnomPhone, Seen> seen = new HashMap<>();
    int[] pushes = new int[lab.unifyPhones().size()];
    try {
      while (t.stop().getCount() > 0) {
        boolean any = false;
        for (FakeSnomPhone p : lab.snomPhones()) {
          any |= printSnom(t, p, seen.computeIfAbsent(p, k -> new Seen()));
        }
        for (int i = 0; i < pushes.length; i++) {
          FakeUnifyPhone u = lab.unifyPhones().get(i);
          List<FakeRequest> all = u.pushes();
          for (FakeRequest push : all.subList(pushes[i], all.size())) {
            t.out().println(u.extension().orElseThrow() + "  push " + push);
            any = true;
          }
          pushes[i] = all.size();
        }
        if (any) {
          t.out().flush();
        } else {
          t.stop().await(POLL.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static boolean printSnom(Terminal t, FakeSnomPhone p, Seen seen)
      throws InterruptedException {
    boolean any = false;
    String ext = p.extension();
    for (Optional<FakeRequest> r = p.takeRequest(Duration.ZERO);
        r.isPresent();
        r = p.takeRequest(Duration.ZERO)) {
      t.out().println(ext + "  " + r.get());
      any = true;
    }
    List<RejectedRequest> rejected = p.rejected();
    for (RejectedRequest rej : rejected.subList(seen.rejected, rejected.size())) {
      t.out()
          .println(
              ext
                  + "    "
                  + t.paint("not carried out", Terminal.Colour.YELLOW)
                  + ": "
                  + rej.reason());
      any = true;
    }
    seen.rejected = rejected.size();
    Map<String, FakeCall> now = new HashMap<>();
    for (FakeCall c : p.calls()) {
      now.put(c.callId(), c);
      FakeCall before = seen.calls.get(c.callId());
      any |= printDtmf(t, ext, before, c);
      if (before == null || before.state() != c.state()) {
        t.out()
            .println(
                ext
                    + "  call "
                    + c.callId()
                    + (c.direction() == FakeCall.Direction.INCOMING ? " from " : " to ")
                    + c.remote()
                    + ": "
                    + c.state());
        any = true;
      }
    }
    for (FakeCall over : p.endedCalls()) {
      if (seen.ended.add(over.callId())) {
        FakeCall before = seen.calls.get(over.callId());
        any |= printDtmf(t, ext, before, over);
        t.out()
            .println(
                ext
                    + "  call "
                    + over.callId()
                    + (over.direction() == FakeCall.Direction.INCOMING ? " from " : " to ")
                    + over.remote()
                    + ": ENDED");
        any = true;
      }
    }
    seen.calls = now;
    List<FiredEvent> fired = p.firedEvents();
    // the journal keeps the last 10,000: print what follows the last one printed
    int from = seen.lastFired == null ? 0 : fired.lastIndexOf(seen.lastFired) + 1;
    for (FiredEvent e : fired.subList(from, fired.size())) {
      t.out().println(ext + "  fired " + e);
      any = true;
    }
    if (!fired.isEmpty()) {
      seen.lastFired = fired.get(fired.size() - 1);
    }
    any |= seen.screen.print(p, line -> t.out().println(ext + "  " + line));
    return any;
  }
}
