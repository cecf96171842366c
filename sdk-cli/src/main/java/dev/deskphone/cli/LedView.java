package dev.deskphone.cli;

import dev.deskphone.core.LedColour;
import dev.deskphone.core.PhoneResponse;
import dev.deskphone.core.Turnled;
import dev.deskphone.core.TurnledResponse;
import dev.deskphone.unify.TurnledXml;
import java.util.Optional;

/** What a Unify phone's key LED shows after a Send URL answer, as one line of text. */
final class LedView {
  private LedView() {}

  /** The LED after {@code response} to the request of key {@code symbolicName}. */
  static String of(Terminal terminal, String symbolicName, PhoneResponse response) {
    if (response.status() != 200) {
      return "unchanged (the server answered HTTP " + response.status() + ")";
    }
    Optional<Turnled> led = Optional.empty();
    try {
      TurnledResponse reply = TurnledXml.read(response.body());
      led =
          reply.turnleds().stream().filter(t -> t.symbolicName().equals(symbolicName)).findFirst();
      if (led.isEmpty()) {
        return "unchanged (the reply sets no LED with ID " + symbolicName + ")";
      }
    } catch (RuntimeException e) {
      return terminal.paint("● GREEN", Terminal.Colour.GREEN)
          + " for 2 s, then OFF (200 with an empty or invalid XML body: acknowledged)";
    }
    return describe(terminal, led.get());
  }

  /** One LED, coloured when the terminal has colours. */
  static String describe(Terminal terminal, Turnled led) {
    String colour = led.colour().map(LedColour::name).orElse("");
    String text = "● " + led.state() + (colour.isEmpty() ? "" : " " + colour);
    Terminal.Colour paint =
        led.colour().isEmpty()
            ? Terminal.Colour.DIM
            : switch (led.colour().get()) {
              case RED -> Terminal.Colour.RED;
              case YELLOW -> Terminal.Colour.YELLOW;
              case GREEN -> Terminal.Colour.GREEN;
            };
    return terminal.paint(text, paint)
        + led.label().map(l -> "  label \"" + l + "\"").orElse("")
        + (led.wake() ? "  (wakes the screen)" : "");
  }
}
