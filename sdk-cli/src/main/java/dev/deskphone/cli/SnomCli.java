package dev.deskphone.cli;

import dev.deskphone.core.TouchCommand;
import dev.deskphone.snom.CallList;
import dev.deskphone.snom.SnomCommand;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code deskphone snom ...}: the snom HTTP remote control. */
@Command(
    name = "snom",
    description = "Drive snom desk phones through their HTTP remote control; receive their events.",
    subcommands = {
      SnomCli.Press.class,
      SnomCli.Touch.class,
      SnomCli.Dial.class,
      SnomCli.Dtmf.class,
      SnomCli.ReleaseAll.class,
      SnomCli.Logoff.class,
      SnomCli.Reregister.class,
      SnomCli.Ringer.class,
      SnomCli.Reboot.class,
      SnomCli.FactoryReset.class,
      SnomCli.ClearList.class,
      SnomCli.Upgrade.class,
      SnomCli.FixLil.class,
      SnomShow.class,
      SnomEvents.class,
      SnomConfigureEvents.class
    })
final class SnomCli {
  @ParentCommand Deskphone root;

  /** A snom subcommand: builds its command, then runs it on the phones of its options. */
  abstract static class Base implements Callable<Integer> {
    @ParentCommand SnomCli snom;
    @Mixin SnomOptions options;

    abstract SnomCommand command();

    @Override
    public Integer call() {
      SnomCommand command = command(); // validated before any phone is contacted
      return options.run(snom.root.terminal(), command);
    }
  }

  @Command(
      name = "press",
      description = "Press keys: 'OFFHOOK;1,200,100;#' (Key[,PressMs[,PauseMs]] joined by ;).")
  static final class Press extends Base {
    @Parameters(
        arity = "1..*",
        paramLabel = "KEYS",
        description = "Key sequences, pressed in order")
    List<String> sequences;

    @Override
    SnomCommand command() {
      return SnomCommand.press(String.join(";", sequences));
    }
  }

  @Command(name = "touch", description = "Touch the screen (snom 870): X,Y[,tap|press|release] ...")
  static final class Touch extends Base {
    @Parameters(arity = "1..*", paramLabel = "X,Y[,ACTION]")
    List<String> points;

    @Override
    SnomCommand command() {
      return SnomCommand.touch(points.stream().map(Touch::point).toArray(TouchCommand[]::new));
    }

    private static TouchCommand point(String text) {
      String[] p = text.split(",", -1);
      if (p.length < 2 || p.length > 3) {
        throw new IllegalArgumentException(
            "a touch is X,Y[,tap|press|release], was '" + text + "'");
      }
      int x = Cli.integer("touch x", p[0]);
      int y = Cli.integer("touch y", p[1]);
      String action = p.length == 3 ? p[2].toLowerCase(Locale.ROOT) : "tap";
      switch (action) {
        case "tap":
        case "pr":
          return TouchCommand.tap(x, y);
        case "press":
        case "p":
          return TouchCommand.press(x, y);
        case "release":
        case "r":
          return TouchCommand.release(x, y);
        default:
          throw new IllegalArgumentException(
              "touch action must be tap, press or release, was '" + p[2] + "'");
      }
    }
  }

  @Command(name = "dial", description = "Dial a number: digits, *, # and a leading +.")
  static final class Dial extends Base {
    @Parameters(paramLabel = "NUMBER")
    String number;

    @Option(
        names = "--outgoing-uri",
        paramLabel = "SIP_URI",
        description = "Dial with this identity")
    String outgoingUri;

    @Override
    SnomCommand command() {
      return outgoingUri == null ? SnomCommand.dial(number) : SnomCommand.dial(number, outgoingUri);
    }
  }

  @Command(name = "dtmf", description = "Send DTMF tones in the current call.")
  static final class Dtmf extends Base {
    @Parameters(paramLabel = "DIGITS")
    String digits;

    @Override
    SnomCommand command() {
      return SnomCommand.dtmf(digits);
    }
  }

  @Command(name = "release-all", description = "End every call.")
  static final class ReleaseAll extends Base {
    @Override
    SnomCommand command() {
      return SnomCommand.releaseAllCalls();
    }
  }

  @Command(name = "logoff", description = "Log off identity N (1-12), or --all.")
  static final class Logoff extends Base {
    @Parameters(arity = "0..1", paramLabel = "N")
    Integer identity;

    @Option(names = "--all", description = "Log off every identity")
    boolean all;

    @Override
    SnomCommand command() {
      if (all == (identity != null)) {
        throw new IllegalArgumentException("give an identity N (1-12) or --all");
      }
      return all ? SnomCommand.logoffAll() : SnomCommand.logoff(identity);
    }
  }

  @Command(name = "reregister", description = "Register identity N (1-12) again.")
  static final class Reregister extends Base {
    @Parameters(paramLabel = "N")
    int identity;

    @Override
    SnomCommand command() {
      return SnomCommand.reregister(identity);
    }
  }

  @Command(name = "ringer", description = "Play ringer N (1-9).")
  static final class Ringer extends Base {
    @Parameters(paramLabel = "N")
    int ringer;

    @Override
    SnomCommand command() {
      return SnomCommand.playRinger(ringer);
    }
  }

  @Command(name = "reboot", description = "Reboot the phone.")
  static final class Reboot extends Base {
    @Override
    SnomCommand command() {
      return SnomCommand.reboot();
    }
  }

  @Command(
      name = "factory-reset",
      description = "Reset the phone to factory settings (needs --yes).")
  static final class FactoryReset extends Base {
    @Option(names = "--yes", description = "Confirm: this erases the phone's settings")
    boolean yes;

    @Override
    SnomCommand command() {
      if (!yes) {
        throw new IllegalArgumentException(
            "factory-reset erases the phone's settings; add --yes to confirm");
      }
      return SnomCommand.factoryReset();
    }
  }

  @Command(name = "clear-list", description = "Clear a call list: dialed, missed or received.")
  static final class ClearList extends Base {
    @Parameters(paramLabel = "LIST")
    String list;

    @Override
    SnomCommand command() {
      try {
        return SnomCommand.clearCallList(CallList.valueOf(list.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "call list must be dialed, missed or received, was '" + list + "'");
      }
    }
  }

  @Command(name = "upgrade", description = "Load firmware from an http or https URL.")
  static final class Upgrade extends Base {
    @Parameters(paramLabel = "FIRMWARE_URL")
    URI firmware;

    @Override
    SnomCommand command() {
      return SnomCommand.upgradeFirmware(firmware);
    }
  }

  @Command(name = "fix-lil", description = "Fix the line-info layer of screen.bmp (snom 820/821).")
  static final class FixLil extends Base {
    @Override
    SnomCommand command() {
      return SnomCommand.fixLineInfoLayer();
    }
  }
}
