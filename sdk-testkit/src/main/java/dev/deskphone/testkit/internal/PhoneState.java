package dev.deskphone.testkit.internal;

import dev.deskphone.snom.CallList;
import dev.deskphone.testkit.Dialed;
import dev.deskphone.testkit.HookState;
import dev.deskphone.testkit.PressedKey;
import dev.deskphone.testkit.SnomPhoneState;
import dev.deskphone.testkit.Touch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a fake snom phone holds, changed by the commands it carries out. Not thread-safe: its owner
 * guards every call with one lock.
 */
public final class PhoneState {
  /** Identities a snom desk phone has. */
  public static final int LINES = 12;

  private final List<PressedKey> pressedKeys = new ArrayList<>();
  private final List<Touch> touches = new ArrayList<>();
  private final List<Dialed> dialed = new ArrayList<>();
  private final List<String> dtmf = new ArrayList<>();
  private final SortedSet<Integer> loggedOff = new TreeSet<>();
  private final Map<Integer, Integer> reregistrations = new TreeMap<>();
  private final Map<CallList, List<String>> callLists = new EnumMap<>(CallList.class);
  private final Map<String, String> settings = new LinkedHashMap<>();
  private final Map<String, String> storedSettings = new LinkedHashMap<>();
  private HookState hook = HookState.ONHOOK;
  private boolean online = true;
  private int releasedCalls;
  private int logoffAlls;
  private OptionalInt lastRinger = OptionalInt.empty();
  private int reboots;
  private int resets;
  private String firmwareUrl;
  private int lineInfoLayerFixes;
  private CallLine line = CallLine.NONE;

  /** Connects the phone's calls to {@code line}. */
  public void line(CallLine line) {
    this.line = line;
  }

  /** Presses keys in order, moving the hook as {@link HookState} describes. */
  public void press(List<PressedKey> keys) {
    for (PressedKey k : keys) {
      pressedKeys.add(k);
      hook =
          switch (k.key()) {
            case "OFFHOOK" -> HookState.OFFHOOK;
            case "ONHOOK", "CANCEL", "DISCONNECT" -> HookState.ONHOOK;
            case "SPEAKER" -> hook == HookState.SPEAKER ? HookState.ONHOOK : HookState.SPEAKER;
            case "HEADSET" -> hook == HookState.HEADSET ? HookState.ONHOOK : HookState.HEADSET;
            default -> hook;
          };
      line.pressed(k.key());
    }
  }

  /** Records touches. */
  public void touch(List<Touch> more) {
    touches.addAll(more);
  }

  /** Dials: off-hook if on-hook, and the number joins the dialed list. */
  public void dial(Dialed call) {
    dialed.add(call);
    callList(CallList.DIALED).add(call.number());
    if (hook == HookState.ONHOOK) {
      hook = HookState.OFFHOOK;
    }
    line.dialed(call.number());
  }

  /** Records DTMF digits. */
  public void dtmf(String digits) {
    dtmf.add(digits);
    line.dtmf(digits);
  }

  /** Ends every call. */
  public void releaseAllCalls() {
    releasedCalls++;
    hook = HookState.ONHOOK;
    line.releasedAll();
  }

  /** Logs off every identity. */
  public void logoffAll() {
    logoffAlls++;
    for (int line = 1; line <= LINES; line++) {
      loggedOff.add(line);
    }
  }

  /** Logs off one identity. */
  public void logoff(int line) {
    loggedOff.add(line);
  }

  /** Re-registers one identity (logged on again). */
  public void reregister(int line) {
    loggedOff.remove(line);
    reregistrations.merge(line, 1, Integer::sum);
  }

  /** Plays a ringer. */
  public void playRinger(int ringer) {
    lastRinger = OptionalInt.of(ringer);
  }

  /** Writes settings, and stores them too if the write asked for it. */
  void writeSettings(SettingsWrite write) {
    settings.putAll(write.settings());
    if (write.store()) {
      storedSettings.putAll(write.settings());
    }
  }

  /** Writes one setting, not stored. */
  void writeSetting(String name, String value) {
    settings.put(name, value);
  }

  /**
   * Goes offline for a reboot, which keeps only the stored settings ({@code factoryReset}: a reset,
   * which also empties the lists and forgets every setting).
   */
  public void goOffline(boolean factoryReset) {
    online = false;
    hook = HookState.ONHOOK;
    line.offline();
    settings.clear();
    if (factoryReset) {
      resets++;
      callLists.clear();
      storedSettings.clear();
    } else {
      settings.putAll(storedSettings);
      reboots++;
    }
  }

  /** Back after a reboot or reset. */
  public void comeBack() {
    online = true;
    line.booted();
  }

  /** Whether it is online. */
  public boolean online() {
    return online;
  }

  /** Replaces a call list. */
  public void seed(CallList kind, List<String> entries) {
    callList(kind).clear();
    callList(kind).addAll(entries);
  }

  /** Empties a call list. */
  public void clear(CallList kind) {
    callList(kind).clear();
  }

  /** Records a firmware upgrade request. */
  public void upgradeFirmware(String url) {
    firmwareUrl = url;
  }

  /** Records a line-info layer fix. */
  public void fixLineInfoLayer() {
    lineInfoLayerFixes++;
  }

  private List<String> callList(CallList kind) {
    return callLists.computeIfAbsent(kind, k -> new ArrayList<>());
  }

  /** Every key pressed so far. */
  public List<PressedKey> pressedKeys() {
    return List.copyOf(pressedKeys);
  }

  /** Every touch so far. */
  public List<Touch> touches() {
    return List.copyOf(touches);
  }

  /** Every dial so far. */
  public List<Dialed> dialed() {
    return List.copyOf(dialed);
  }

  /** Every DTMF request's digits so far. */
  public List<String> dtmf() {
    return List.copyOf(dtmf);
  }

  /** The settings written and not lost to a reboot, in the order first written. */
  public Map<String, String> settings() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(settings));
  }

  /** A snapshot; {@code lockedUntil} comes from the authentication side. */
  public SnomPhoneState snapshot(Optional<Instant> lockedUntil) {
    return new SnomPhoneState(
        online,
        hook,
        releasedCalls,
        logoffAlls,
        loggedOff,
        reregistrations,
        lastRinger,
        reboots,
        resets,
        callLists,
        Optional.ofNullable(firmwareUrl),
        lineInfoLayerFixes,
        lockedUntil);
  }
}
