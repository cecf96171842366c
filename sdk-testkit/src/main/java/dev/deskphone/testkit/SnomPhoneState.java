package dev.deskphone.testkit;

import dev.deskphone.snom.CallList;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A snapshot of what a {@link FakeSnomPhone} did and holds, taken at one moment by {@link
 * FakeSnomPhone#state()}. Immutable.
 *
 * @param online false while it reboots or resets (connections refused)
 * @param hook the audio path, see {@link HookState}
 * @param releasedCalls how many {@code RELEASE_ALL_CALLS} it carried out
 * @param logoffAlls how many {@code LOGOFFALL} it carried out
 * @param loggedOffLines the identities (1..12) logged off and not re-registered since
 * @param reregistrations per identity, how many {@code REREGISTER} it carried out
 * @param lastRinger the ringer (1..9) played last, if any
 * @param reboots how many reboots it went through
 * @param resets how many factory resets it went through
 * @param callLists the call lists, newest entry last
 * @param firmwareUrl the firmware URL requested last, if any
 * @param lineInfoLayerFixes how many {@code FIX_LIL=true} it carried out
 * @param lockedUntil while its web interface is locked after failed logins, until when
 */
public record SnomPhoneState(
    boolean online,
    HookState hook,
    int releasedCalls,
    int logoffAlls,
    SortedSet<Integer> loggedOffLines,
    Map<Integer, Integer> reregistrations,
    OptionalInt lastRinger,
    int reboots,
    int resets,
    Map<CallList, List<String>> callLists,
    Optional<String> firmwareUrl,
    int lineInfoLayerFixes,
    Optional<Instant> lockedUntil) {

  /**
   * Copies the collections.
   *
   * @param online false while it reboots or resets (connections refused)
   * @param hook the audio path, see {@link HookState}
   * @param releasedCalls how many {@code RELEASE_ALL_CALLS} it carried out
   * @param logoffAlls how many {@code LOGOFFALL} it carried out
   * @param loggedOffLines the identities (1..12) logged off and not re-registered since
   * @param reregistrations per identity, how many {@code REREGISTER} it carried out
   * @param lastRinger the ringer (1..9) played last, if any
   * @param reboots how many reboots it went through
   * @param resets how many factory resets it went through
   * @param callLists the call lists, newest entry last
   * @param firmwareUrl the firmware URL requested last, if any
   * @param lineInfoLayerFixes how many {@code FIX_LIL=true} it carried out
   * @param lockedUntil while its web interface is locked after failed logins, until when
   */
  public SnomPhoneState {
    Objects.requireNonNull(hook, "hook");
    loggedOffLines = Collections.unmodifiableSortedSet(new TreeSet<>(loggedOffLines));
    reregistrations = Map.copyOf(reregistrations);
    EnumMap<CallList, List<String>> lists = new EnumMap<>(CallList.class);
    for (CallList kind : CallList.values()) {
      lists.put(kind, List.copyOf(callLists.getOrDefault(kind, List.of())));
    }
    callLists = Collections.unmodifiableMap(lists);
    Objects.requireNonNull(lastRinger, "lastRinger");
    Objects.requireNonNull(firmwareUrl, "firmwareUrl");
    Objects.requireNonNull(lockedUntil, "lockedUntil");
  }

  /**
   * {@return one call list, newest entry last}
   *
   * @param kind the call list
   */
  public List<String> callList(CallList kind) {
    return callLists.get(Objects.requireNonNull(kind, "kind"));
  }

  /**
   * {@return how many times identity {@code line} was re-registered}
   *
   * @param line the identity, 1 to 12
   */
  public int reregistrations(int line) {
    return reregistrations.getOrDefault(line, 0);
  }

  /**
   * {@return whether identity {@code line} is logged off now}
   *
   * @param line the identity, 1 to 12
   */
  public boolean isLoggedOff(int line) {
    return loggedOffLines.contains(line);
  }
}
