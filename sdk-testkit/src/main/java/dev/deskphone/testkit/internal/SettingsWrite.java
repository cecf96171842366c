package dev.deskphone.testkit.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A settings write as the fake snom phone reads it from its own {@link FormQuery}: {@code
 * settings=save}, setting {@code NAME=VALUE} pairs in any order, and {@code store_settings=save} to
 * store them. Peers send it to {@code dummy.htm} or {@code settings.htm}. Immutable.
 *
 * @param settings the settings, decoded, in the order sent
 * @param store whether {@code store_settings=save} came with them
 */
record SettingsWrite(Map<String, String> settings, boolean store) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");

  SettingsWrite {
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
  }

  /** Whether {@code q} asks for a settings write at all. */
  static boolean isAsked(FormQuery q) {
    return q.get("settings").isPresent() || q.get("store_settings").isPresent();
  }

  /**
   * Reads a write, whole or not at all.
   *
   * @throws Unintelligible (ignored) without {@code settings=save}, with another value for it or
   *     for {@code store_settings}, with {@code swload}, or with a setting that has no {@code =} or
   *     a name a phone has no setting for
   */
  static SettingsWrite parse(FormQuery q) throws Unintelligible {
    Map<String, String> settings = new LinkedHashMap<>();
    boolean save = false;
    boolean store = false;
    for (FormQuery.Parameter p : q.parameters()) {
      switch (p.name()) {
        case "settings" -> save = save(p);
        case "store_settings" -> store = save(p);
        case "swload" ->
            throw Unintelligible.ignored("swload (a firmware load) in a settings write");
        default -> {
          if (!NAME.matcher(p.name()).matches()) {
            throw Unintelligible.ignored(
                "setting name '" + p.name() + "' is not 1 to 64 ASCII letters, digits and '_'");
          }
          if (p.rawValue().isEmpty()) {
            throw Unintelligible.ignored("setting '" + p.name() + "' has no '=': no value");
          }
          settings.put(p.name(), p.value());
        }
      }
    }
    if (!save) {
      throw Unintelligible.ignored("no settings=save: the settings " + q.names() + " not written");
    }
    return new SettingsWrite(settings, store);
  }

  private static boolean save(FormQuery.Parameter p) throws Unintelligible {
    if (!p.value().equals("save")) {
      throw Unintelligible.ignored(p.name() + "='" + p.value() + "' is not " + p.name() + "=save");
    }
    return true;
  }
}
