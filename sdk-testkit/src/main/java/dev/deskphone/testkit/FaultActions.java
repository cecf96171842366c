package dev.deskphone.testkit;

import dev.deskphone.testkit.internal.Action;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** Turns a {@link Fault} into what the loopback server does. */
final class FaultActions {
  private static final byte[] GARBAGE =
      "\u0000\u00ffNOT-HTTP garbage from a fake phone\r\n\r\n"
          .getBytes(StandardCharsets.ISO_8859_1);

  private FaultActions() {}

  static Action beforeReading(Fault fault) {
    return fault.kind() == Fault.Kind.TLS_HANDSHAKE_FAILURE
        ? new Action.TlsFailure()
        : Action.close();
  }

  /** The fault applied to the answer the fake meant to give. */
  static Action answer(Fault fault, Action planned) {
    Action.Respond meant =
        planned instanceof Action.Respond r
            ? r
            : Action.respond(200, new byte[0]); // the fake meant to close: break a plain answer
    return switch (fault.kind()) {
      case CLOSE_WITHOUT_ANSWER -> Action.close();
      case NEVER_ANSWER -> Action.stall();
      case RESET -> Action.reset();
      case HEADERS_THEN_STALL -> new Action.Raw(meant.head(), true);
      case SLOW_BODY -> new Action.Slow(meant, fault.time());
      case DELAY -> meant.delayed(fault.time());
      case EMPTY_RESPONSE -> respond(200, meant);
      case STATUS -> respond(fault.statusCode(), meant);
      case GARBAGE_RESPONSE -> new Action.Raw(GARBAGE, false);
      case CLOSE_BEFORE_READING, TLS_HANDSHAKE_FAILURE -> planned;
    };
  }

  private static Action respond(int status, Action.Respond meant) {
    Action.Respond r =
        new Action.Respond(status, "Status", List.of(), new byte[0], Duration.ZERO, false);
    return meant.closeAfter() ? r.closing() : r;
  }
}
