package dev.deskphone.testkit.internal;

import dev.deskphone.snom.SnomModel;
import dev.deskphone.snom.TouchScreen;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What the fake needs to know about the phone model it plays: its catalogue data, copied once from
 * the SDK's model list (or the permissive profile when no model was chosen). Immutable.
 *
 * @param name the model's display name, for reasons and logs
 * @param remoteControl whether {@code command.htm} exists at all (false on the D8xx)
 * @param programmableKeys the P key count, empty when not documented (then any P key passes)
 * @param functionKeys how many of F1..F4 exist
 * @param expansionKeys whether EK keys exist
 * @param keySet which named keys exist
 * @param touchWidth touch screen width in pixels, 0 without one
 * @param touchHeight touch screen height in pixels, 0 without one
 * @param lineInfoLayerFix whether {@code FIX_LIL} applies
 */
public record ModelProfile(
    String name,
    boolean remoteControl,
    OptionalInt programmableKeys,
    int functionKeys,
    boolean expansionKeys,
    KeySet keySet,
    int touchWidth,
    int touchHeight,
    boolean lineInfoLayerFix) {

  /** The named keys a model has. */
  public enum KeySet {
    /** snom 3xx, 7xx, 8xx and the D-series. */
    CURRENT,
    /** snom 190, 200, 220. */
    LEGACY,
    /** Both (no model chosen). */
    ANY
  }

  /** The profile when no model was chosen: everything documented for any model passes. */
  public static final ModelProfile ANY =
      new ModelProfile(
          "snom (any model)", true, OptionalInt.empty(), 4, true, KeySet.ANY, 480, 272, true);

  /** Checks the parts. */
  public ModelProfile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(programmableKeys, "programmableKeys");
    Objects.requireNonNull(keySet, "keySet");
    if (functionKeys < 0 || functionKeys > 4 || touchWidth < 0 || touchHeight < 0) {
      throw new IllegalArgumentException("bad profile " + name);
    }
  }

  /** The catalogue data of {@code model}. */
  public static ModelProfile of(SnomModel model) {
    return new ModelProfile(
        model.displayName(),
        model.hasRemoteControl(),
        model.programmableKeys(),
        model.functionKeys(),
        model.hasExpansionKeys(),
        model.hasLegacyKeySet() ? KeySet.LEGACY : KeySet.CURRENT,
        model.touchScreen().map(TouchScreen::width).orElse(0),
        model.touchScreen().map(TouchScreen::height).orElse(0),
        model.hasLineInfoLayerFix());
  }

  /** Whether it has a touch screen. */
  public boolean hasTouchScreen() {
    return touchWidth > 0 && touchHeight > 0;
  }
}
