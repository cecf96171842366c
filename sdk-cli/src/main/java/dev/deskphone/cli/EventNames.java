package dev.deskphone.cli;

import dev.deskphone.snom.SnomEventType;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads {@code --events}: snom event wire names ({@code incoming}, {@code dnd-on}) or {@code all}.
 */
final class EventNames {
  /** The events configured when none are named: a call's life on the phone. */
  static final Set<SnomEventType> DEFAULT =
      Collections.unmodifiableSet(
          EnumSet.of(
              SnomEventType.INCOMING,
              SnomEventType.OUTGOING,
              SnomEventType.CONNECTED,
              SnomEventType.DISCONNECTED,
              SnomEventType.MISSED,
              SnomEventType.OFFHOOK,
              SnomEventType.ONHOOK,
              SnomEventType.HOLD,
              SnomEventType.UNHOLD));

  private EventNames() {}

  /**
   * The events named, or {@link #DEFAULT} when {@code names} is null or empty.
   *
   * @throws IllegalArgumentException naming the unknown name and the known ones
   */
  static Set<SnomEventType> parse(List<String> names) {
    if (names == null || names.isEmpty()) {
      return DEFAULT;
    }
    Set<SnomEventType> types = EnumSet.noneOf(SnomEventType.class);
    for (String name : names) {
      String wire = name.strip().toLowerCase(Locale.ROOT);
      if (wire.equals("all")) {
        types.addAll(EnumSet.allOf(SnomEventType.class));
        continue;
      }
      types.add(
          SnomEventType.fromWireName(wire)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "unknown event '"
                              + name
                              + "'; known: "
                              + join(EnumSet.allOf(SnomEventType.class))
                              + ", or all")));
    }
    return types;
  }

  /** The wire names, comma-separated, in the order of {@link SnomEventType}. */
  static String join(Set<SnomEventType> types) {
    return Arrays.stream(SnomEventType.values())
        .filter(types::contains)
        .map(SnomEventType::wireName)
        .collect(Collectors.joining(", "));
  }
}
