package dev.deskphone.snom;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The snom desk phones and what their HTTP remote control can do, as the vendor page documents: how
 * many free programmable keys ({@code P1..Pn}) and soft keys ({@code F1..Fn}) they have, whether
 * they take expansion-module keys ({@code EK0..}), whether they use the snom 1xx/2xx key set, their
 * touch screen, and whether they have remote control at all.
 *
 * <p>For the current D series the vendor page documents nothing beyond the remote control itself:
 * their programmable keys are not checked ({@link #programmableKeys()} is empty). The D8xx phones
 * (D812, D815, D862, D865: the "Phone Manager" web interface) no longer accept {@code command.htm}
 * and have no HTTP remote control.
 *
 * <p>A {@link SnomPhone} built with a model checks keys, coordinates and features against it before
 * any byte is sent; without one, only model-independent checks apply.
 */
public enum SnomModel {
  /** snom 190: 1xx/2xx key set, P1-P5, F1-F3. */
  SNOM_190("snom 190", Family.LEGACY, 5, 3, false, null, false),
  /** snom 200: 1xx/2xx key set, P1-P5, F1-F3. */
  SNOM_200("snom 200", Family.LEGACY, 5, 3, false, null, false),
  /** snom 220: 1xx/2xx key set, P1-P5, F1-F4, extension keyboard. */
  SNOM_220("snom 220", Family.LEGACY, 5, 4, true, null, false),
  /** snom 300: P1-P4, F1-F4, expansion module. */
  SNOM_300("snom 300", Family.CURRENT, 4, 4, true, null, false),
  /** snom 320: P1-P12, F1-F4, expansion module. */
  SNOM_320("snom 320", Family.CURRENT, 12, 4, true, null, false),
  /** snom 360: P1-P12, F1-F4, expansion module. */
  SNOM_360("snom 360", Family.CURRENT, 12, 4, true, null, false),
  /** snom 370: P1-P12, F1-F4, expansion module. */
  SNOM_370("snom 370", Family.CURRENT, 12, 4, true, null, false),
  /** snom 820: P1-P12, F1-F4, line-info-layer fix. */
  SNOM_820("snom 820", Family.CURRENT, 12, 4, false, null, true),
  /** snom 821: F1-F4, line-info-layer fix; its P key count is not documented. */
  SNOM_821("snom 821", Family.CURRENT, -1, 4, false, null, true),
  /** snom 870: P1-P15, no F keys, a 480x272 touch screen. */
  SNOM_870("snom 870", Family.CURRENT, 15, 0, false, new TouchScreen(480, 272), false),
  /** snom D305. */
  D305("snom D305"),
  /** snom D315. */
  D315("snom D315"),
  /** snom D345. */
  D345("snom D345"),
  /** snom D375. */
  D375("snom D375"),
  /** snom D385. */
  D385("snom D385"),
  /** snom D712. */
  D712("snom D712"),
  /** snom D715. */
  D715("snom D715"),
  /** snom D717. */
  D717("snom D717"),
  /** snom D725. */
  D725("snom D725"),
  /** snom D735. */
  D735("snom D735"),
  /** snom D745. */
  D745("snom D745"),
  /** snom D765. */
  D765("snom D765"),
  /** snom D785. */
  D785("snom D785"),
  /** snom D812: no HTTP remote control. */
  D812("snom D812", Family.NO_REMOTE_CONTROL, -1, 4, false, null, false),
  /** snom D815: no HTTP remote control. */
  D815("snom D815", Family.NO_REMOTE_CONTROL, -1, 4, false, null, false),
  /** snom D862: no HTTP remote control. */
  D862("snom D862", Family.NO_REMOTE_CONTROL, -1, 4, false, null, false),
  /** snom D865: no HTTP remote control. */
  D865("snom D865", Family.NO_REMOTE_CONTROL, -1, 4, false, null, false);

  private enum Family {
    LEGACY,
    CURRENT,
    NO_REMOTE_CONTROL
  }

  private final String displayName;
  private final Family family;
  private final int programmableKeys;
  private final int functionKeys;
  private final boolean expansionKeys;
  private final TouchScreen touchScreen;
  private final boolean lineInfoLayerFix;

  SnomModel(String displayName) {
    this(displayName, Family.CURRENT, -1, 4, true, null, false);
  }

  SnomModel(
      String displayName,
      Family family,
      int programmableKeys,
      int functionKeys,
      boolean expansionKeys,
      TouchScreen touchScreen,
      boolean lineInfoLayerFix) {
    this.displayName = displayName;
    this.family = family;
    this.programmableKeys = programmableKeys;
    this.functionKeys = functionKeys;
    this.expansionKeys = expansionKeys;
    this.touchScreen = touchScreen;
    this.lineInfoLayerFix = lineInfoLayerFix;
  }

  /**
   * The model as people write it, for example {@code snom 870} or {@code snom D785}.
   *
   * @return the display name
   */
  public String displayName() {
    return displayName;
  }

  /**
   * Whether it has the HTTP remote control ({@code command.htm}); false for the D8xx.
   *
   * @return whether it has the remote control
   */
  public boolean hasRemoteControl() {
    return family != Family.NO_REMOTE_CONTROL;
  }

  /**
   * How many free programmable keys {@code P1..Pn} it has; empty where not documented.
   *
   * @return the number of {@code P} keys, if documented
   */
  public OptionalInt programmableKeys() {
    return programmableKeys < 0 ? OptionalInt.empty() : OptionalInt.of(programmableKeys);
  }

  /**
   * How many soft keys {@code F1..Fn} it has: 0 on the snom 870, 3 on the 190/200, else 4.
   *
   * @return the number of soft keys
   */
  public int functionKeys() {
    return functionKeys;
  }

  /**
   * Whether it takes expansion-module keys {@code EK0..}.
   *
   * @return whether it takes {@code EK} keys
   */
  public boolean hasExpansionKeys() {
    return expansionKeys;
  }

  /**
   * Whether it uses the snom 1xx/2xx key set (DISCONNECT, CLEAR, FUNCTION, RECALL) instead of the
   * named keys of the 3xx, 7xx and 8xx.
   *
   * @return whether it uses the 1xx/2xx key set
   */
  public boolean hasLegacyKeySet() {
    return family == Family.LEGACY;
  }

  /**
   * Its touch screen, if it has one the remote control can press (the snom 870's).
   *
   * @return the touch screen, if any
   */
  public Optional<TouchScreen> touchScreen() {
    return Optional.ofNullable(touchScreen);
  }

  /**
   * Whether it takes {@code FIX_LIL} (the line-info-layer fix of the snom 820/821).
   *
   * @return whether it takes {@code FIX_LIL}
   */
  public boolean hasLineInfoLayerFix() {
    return lineInfoLayerFix;
  }

  /**
   * Whether it has {@code key}; {@link #whyNot(SnomKey)} says why not.
   *
   * @param key the key
   * @return whether it has the key
   */
  public boolean supports(SnomKey key) {
    return whyNot(key).isEmpty();
  }

  /**
   * Why it lacks {@code key}, for an error message, or empty if it has the key.
   *
   * @param key the key
   * @return the reason, for example {@code "the snom 300 has P1-P4"}
   */
  public Optional<String> whyNot(SnomKey key) {
    Objects.requireNonNull(key, "key");
    if (!hasRemoteControl()) {
      return Optional.of("the " + displayName + " has no HTTP remote control");
    }
    switch (key.kind()) {
      case NAMED:
        return family == Family.LEGACY
            ? reason("uses the snom 1xx/2xx key set: DISCONNECT, CLEAR, FUNCTION, RECALL")
            : Optional.empty();
      case LEGACY:
        return family == Family.LEGACY
            ? Optional.empty()
            : reason("has no snom 1xx/2xx key " + key.wireName());
      case SOFT:
        int f = Integer.parseInt(key.wireName().substring(1));
        if (f <= functionKeys) {
          return Optional.empty();
        }
        return reason(functionKeys == 0 ? "has no F keys" : "has F1-F" + functionKeys);
      case PROGRAMMABLE:
        return programmableKeys < 0 || key.number() <= programmableKeys
            ? Optional.empty()
            : reason("has P1-P" + programmableKeys);
      case EXPANSION:
        return expansionKeys ? Optional.empty() : reason("takes no expansion-module (EK) keys");
      case KEYPAD:
      default:
        return Optional.empty();
    }
  }

  private Optional<String> reason(String what) {
    return Optional.of("the " + displayName + " " + what);
  }

  @Override
  public String toString() {
    return displayName;
  }
}
