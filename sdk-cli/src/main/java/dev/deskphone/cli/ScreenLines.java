package dev.deskphone.cli;

import dev.deskphone.testkit.FakeScreen;
import dev.deskphone.testkit.FakeSnomLed;
import dev.deskphone.testkit.FakeSnomPhone;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Prints what a fake snom phone's minibrowser shows as it changes: the screen, its LEDs, and what
 * could not be shown. Not thread-safe: one printer thread per phone.
 */
final class ScreenLines {
  private Optional<FakeScreen> screen = Optional.empty();
  private Map<Integer, FakeSnomLed> leds = Map.of();
  private int failures;

  /** Prints, each line through {@code out}, what changed since the last call; whether any did. */
  boolean print(FakeSnomPhone phone, Consumer<String> out) {
    boolean any = false;
    Optional<FakeScreen> now = phone.screen();
    if (!now.equals(screen)) {
      out.accept(now.map(ScreenLines::describe).orElse("screen: nothing shown"));
      screen = now;
      any = true;
    }
    Map<Integer, FakeSnomLed> ledsNow = phone.leds();
    for (FakeSnomLed led : ledsNow.values()) {
      if (!Objects.equals(leds.get(led.number()), led)) {
        out.accept(
            "LED "
                + led.number()
                + ": "
                + led.state()
                + (led.color().isEmpty() ? "" : " " + led.color()));
        any = true;
      }
    }
    leds = ledsNow;
    List<String> failed = phone.screenFailures();
    for (String f : failed.subList(Math.min(failures, failed.size()), failed.size())) {
      out.accept("screen: not shown: " + f);
      any = true;
    }
    failures = failed.size();
    return any;
  }

  /** One line: kind, title, then the text, items or input. */
  static String describe(FakeScreen s) {
    StringBuilder sb = new StringBuilder("screen: ").append(s.kind());
    if (!s.title().isEmpty()) {
      sb.append(" \"").append(s.title()).append('"');
    }
    if (!s.prompt().isEmpty()) {
      sb.append(" (").append(s.prompt()).append(')');
    }
    switch (s.kind()) {
      case TEXT -> sb.append(": ").append(s.text().strip().replace('\n', ' '));
      case MENU, DIRECTORY -> {
        sb.append(':');
        for (int i = 0; i < s.items().size(); i++) {
          FakeScreen.Item item = s.items().get(i);
          sb.append(' ').append(i).append(". ").append(item.name());
          if (s.kind() == FakeScreen.Kind.DIRECTORY) {
            sb.append(" <").append(item.target()).append('>');
          }
        }
      }
      case INPUT ->
          s.input()
              .ifPresent(
                  in ->
                      sb.append(": [")
                          .append(in.displayName())
                          .append(": ")
                          .append(in.flags().startsWith("p") ? "***" : in.defaultValue())
                          .append(']'));
    }
    return sb.append("  from ").append(s.source()).toString();
  }
}
