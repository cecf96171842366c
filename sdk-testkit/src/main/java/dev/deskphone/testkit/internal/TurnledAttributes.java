package dev.deskphone.testkit.internal;

import dev.deskphone.core.LedColour;
import dev.deskphone.core.LedState;
import dev.deskphone.testkit.FakeLed;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** How the fake Unify phone reads one {@code <Turnled>}'s attributes into its LED. Stateless. */
public final class TurnledAttributes {
  private TurnledAttributes() {}

  /**
   * The LED after this Turnled, or empty if an attribute is invalid (the reply then counts as
   * invalid: green for 2 seconds). STATE is required; COLOUR only with a lit state; WAKE TRUE or
   * FALSE in any case; LABEL kept from before when absent, and ignored by models without labels.
   */
  public static Optional<FakeLed> toLed(
      Map<String, String> attributes, FakeLed before, boolean labels) {
    Optional<LedState> state = parse(LedState.class, attributes.get("STATE"));
    if (state.isEmpty()) {
      return Optional.empty();
    }
    String colourText = attributes.get("COLOUR");
    Optional<LedColour> colour = Optional.empty();
    if (colourText != null) {
      colour = parse(LedColour.class, colourText);
      if (colour.isEmpty() || state.get() == LedState.OFF) {
        return Optional.empty();
      }
    }
    String wakeText = attributes.getOrDefault("WAKE", "FALSE").toUpperCase(Locale.ROOT);
    if (!wakeText.equals("TRUE") && !wakeText.equals("FALSE")) {
      return Optional.empty();
    }
    Optional<String> label = before.label();
    if (labels && attributes.containsKey("LABEL")) {
      label = Optional.of(attributes.get("LABEL"));
    }
    return Optional.of(new FakeLed(state.get(), colour, label, wakeText.equals("TRUE")));
  }

  private static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
    if (text == null) {
      return Optional.empty();
    }
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(text)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }
}
