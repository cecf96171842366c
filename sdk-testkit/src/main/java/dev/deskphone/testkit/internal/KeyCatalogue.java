package dev.deskphone.testkit.internal;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The key names of the snom remote-control page, checked against a {@link ModelProfile} as the
 * phone would: its own list, written from the vendor page, not the SDK's. Stateless.
 */
public final class KeyCatalogue {
  private static final Set<String> CURRENT =
      Set.of(
          "CANCEL",
          "ENTER",
          "OFFHOOK",
          "ONHOOK",
          "RIGHT",
          "LEFT",
          "UP",
          "DOWN",
          "VOLUME_UP",
          "VOLUME_DOWN",
          "MENU",
          "REDIAL",
          "DND",
          "REC",
          "SPEAKER",
          "HEADSET",
          "TRANSFER",
          "F_HOLD",
          "F_R");
  private static final Set<String> LEGACY = Set.of("DISCONNECT", "CLEAR", "FUNCTION", "RECALL");
  private static final Pattern NUMBERED = Pattern.compile("(F|P|EK)(0|[1-9][0-9]{0,3})");

  private KeyCatalogue() {}

  /** Why {@code name} is not a key of {@code model}, or empty if it is one. */
  public static Optional<String> problem(String name, ModelProfile model) {
    if (name.length() == 1 && "0123456789*#".indexOf(name.charAt(0)) >= 0) {
      return Optional.empty();
    }
    boolean current = model.keySet() != ModelProfile.KeySet.LEGACY;
    boolean legacy = model.keySet() != ModelProfile.KeySet.CURRENT;
    if (CURRENT.contains(name)) {
      return current ? Optional.empty() : notOn(name, model);
    }
    if (LEGACY.contains(name)) {
      return legacy ? Optional.empty() : notOn(name, model);
    }
    Matcher m = NUMBERED.matcher(name);
    if (!m.matches()) {
      return Optional.of("unknown key '" + name + "'");
    }
    int n = Integer.parseInt(m.group(2));
    switch (m.group(1)) {
      case "F":
        return n >= 1 && n <= model.functionKeys() ? Optional.empty() : notOn(name, model);
      case "P":
        boolean inRange = n >= 1 && n <= model.programmableKeys().orElse(Integer.MAX_VALUE);
        return inRange ? Optional.empty() : notOn(name, model);
      default:
        return model.expansionKeys() ? Optional.empty() : notOn(name, model);
    }
  }

  private static Optional<String> notOn(String name, ModelProfile model) {
    return Optional.of("key '" + name + "' does not exist on the " + model.name());
  }
}
