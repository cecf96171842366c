package dev.deskphone.cli;

import dev.deskphone.snom.SnomCallChange;
import dev.deskphone.snom.SnomEvent;
import dev.deskphone.snom.SnomEventEndpoint;
import dev.deskphone.snom.SnomEventType;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * snom events as the lines {@code deskphone snom events} prints: {@code 12:00:01 10.0.0.5 incoming
 * call 4f9a@10.0.0.5 from 102@pbx "Anna Müller"}. Every value from the wire is shown safely:
 * control and formatting characters (a display name with terminal escapes or a right-to-left
 * override) as {@code \}{@code uXXXX}, and long values cut.
 */
final class EventLines {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
  private static final int MAX_VALUE = 100;

  /** The parameters every event URL carries, shown by the line itself or not at all. */
  private static final Set<String> SHOWN =
      Set.of("e", "p", "ip", "mac", "cid", "l", "r", "dr", "n");

  private EventLines() {}

  /** One event: time, phone, event, call, remote party and what else the event carries. */
  static String event(SnomEvent event, ZoneId zone) {
    StringBuilder line = new StringBuilder(time(event.receivedAt(), zone));
    line.append("  ").append(clean(event.phone()));
    line.append("  ").append(clean(event.eventName()));
    event.callId().ifPresent(id -> line.append("  call ").append(clean(id)));
    if (event.remote().isPresent() || event.displayRemote().isPresent()) {
      line.append("  ").append(direction(event.type()));
      event.remote().ifPresent(r -> line.append(' ').append(clean(r)));
      event.displayRemote().ifPresent(d -> line.append(" \"").append(clean(d)).append('"'));
    }
    Map<String, String> p = event.parameters();
    if (event.type().isEmpty()) {
      // An event this SDK does not know: everything it carries, since nothing else explains it.
      p.forEach(
          (name, value) -> {
            if (!SHOWN.contains(name)) {
              line.append("  ").append(clean(name)).append('=').append(clean(value));
            }
          });
    } else {
      append(line, "key", p.get("k"));
      append(line, "user", p.get("u"));
      append(line, "reason", p.get("cr"));
    }
    return line.toString();
  }

  /** A phone's change of call state: {@code 12:00:02 10.0.0.5 RINGING -> CONNECTED}. */
  static String change(SnomCallChange change, ZoneId zone) {
    return time(change.at(), zone)
        + "  "
        + clean(change.phone())
        + "  "
        + change.from()
        + " -> "
        + change.to()
        + (change.event().isEmpty() ? "  (no event for too long)" : "");
  }

  /** What the endpoint counted: {@code received 3, delivered 3, forged 1, malformed 0, ...}. */
  static String summary(SnomEventEndpoint.Counters c) {
    return "received "
        + c.received()
        + ", delivered "
        + c.delivered()
        + ", forged "
        + c.forged()
        + ", malformed "
        + c.malformed()
        + ", dropped "
        + c.dropped();
  }

  private static String direction(Optional<SnomEventType> type) {
    return type.isEmpty()
        ? "with"
        : switch (type.get()) {
          case INCOMING, MISSED, BLACKLIST -> "from";
          case OUTGOING -> "to";
          default -> "with";
        };
  }

  /** A value the SDK kept: never empty, never an unreplaced {@code $variable}. */
  private static void append(StringBuilder line, String label, String value) {
    if (value != null) {
      line.append("  ").append(label).append(' ').append(clean(value));
    }
  }

  private static String time(Instant at, ZoneId zone) {
    return TIME.format(at.atZone(zone));
  }

  /**
   * {@code text} safe to print on a terminal: no control or formatting characters, not too long.
   */
  static String clean(String text) {
    StringBuilder s = new StringBuilder(Math.min(text.length(), MAX_VALUE + 1));
    int shown = 0;
    for (int i = 0; i < text.length(); i++) {
      if (shown == MAX_VALUE) {
        return s.append('…').toString();
      }
      char c = text.charAt(i);
      int type = Character.getType(c);
      if (Character.isISOControl(c)
          || type == Character.FORMAT
          || type == Character.LINE_SEPARATOR
          || type == Character.PARAGRAPH_SEPARATOR) {
        s.append(String.format("\\u%04x", (int) c));
      } else {
        s.append(c);
      }
      shown++;
    }
    return s.toString();
  }
}
