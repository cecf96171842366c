package dev.deskphone.reliability;

import dev.deskphone.core.PhoneConnectException;
import dev.deskphone.core.PhoneOutcomeUnknownException;
import dev.deskphone.core.PhoneResponseException;
import dev.deskphone.core.PhoneTimeoutException;
import dev.deskphone.core.PhoneTlsException;
import dev.deskphone.testkit.internal.Action;
import dev.deskphone.testkit.internal.ScriptedHttpServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * One fault of the matrix: what the server does with the request under test, how many deliveries it
 * may count, and which typed errors are right.
 */
enum Fault {
  CLOSE_BEFORE_READING(0, PhoneOutcomeUnknownException.class),
  CLOSE_AFTER_READING(1, PhoneOutcomeUnknownException.class),
  CLOSE_ON_SECOND_KEPT_ALIVE_REQUEST(1, PhoneOutcomeUnknownException.class),
  NEVER_ANSWER(1, PhoneTimeoutException.class),
  HEADERS_THEN_STALL(1, PhoneTimeoutException.class),
  BODY_STALLS_MIDWAY(1, PhoneTimeoutException.class),
  SLOW_ANSWER_PAST_THE_DEADLINE(1, PhoneTimeoutException.class),
  RESET_AFTER_READING(1, PhoneOutcomeUnknownException.class),
  GARBAGE_ANSWER(1, PhoneOutcomeUnknownException.class, PhoneResponseException.class),
  TRUNCATED_BODY(1, PhoneResponseException.class),
  EMPTY_200(1),
  REFUSED_CONNECTION(0, PhoneConnectException.class),
  TLS_HANDSHAKE_FAILURE(0, PhoneTlsException.class);

  static final Duration DEADLINE = Duration.ofMillis(800);

  final int deliveries;
  final Set<Class<?>> errors;

  Fault(int deliveries, Class<?>... errors) {
    this.deliveries = deliveries;
    this.errors = Set.of(errors);
  }

  boolean succeeds() {
    return errors.isEmpty();
  }

  /** Whether the request under test is the second on a kept-alive connection. */
  boolean needsWarmUp() {
    return this == CLOSE_ON_SECOND_KEPT_ALIVE_REQUEST;
  }

  /** The server's script: {@code /warm} is answered, the request under test meets the fault. */
  ScriptedHttpServer.Script script(String answerBody) {
    return new ScriptedHttpServer.Script() {
      @Override
      public Action beforeRead(int connection, int index) {
        return Fault.this == CLOSE_BEFORE_READING && connection == 1 ? Action.close() : null;
      }

      @Override
      public Action answer(dev.deskphone.testkit.internal.RecordedRequest r) {
        if (r.target().equals("/warm")) {
          return Action.respond(200, "warm");
        }
        if (Fault.this == CLOSE_ON_SECOND_KEPT_ALIVE_REQUEST && r.indexOnConnection() == 1) {
          return Action.respond(200, answerBody);
        }
        return switch (Fault.this) {
          case CLOSE_AFTER_READING, CLOSE_ON_SECOND_KEPT_ALIVE_REQUEST -> Action.close();
          case NEVER_ANSWER -> Action.stall();
          case HEADERS_THEN_STALL -> Action.headThenStall(200, 100);
          case BODY_STALLS_MIDWAY -> stallAfter(head(100), "0123456789");
          case SLOW_ANSWER_PAST_THE_DEADLINE ->
              Action.respond(200, answerBody).delayed(DEADLINE.multipliedBy(3));
          case RESET_AFTER_READING -> Action.reset();
          case GARBAGE_ANSWER ->
              new Action.Raw("NOT HTTP AT ALL\r\n\r\n".getBytes(StandardCharsets.US_ASCII), false);
          case TRUNCATED_BODY -> Action.truncated(200, 100, 10);
          case EMPTY_200 -> Action.respond(200, "");
          default -> throw new IllegalStateException("no script for " + Fault.this);
        };
      }
    };
  }

  private static String head(int length) {
    return "HTTP/1.1 200 OK\r\nContent-Length: " + length + "\r\n\r\n";
  }

  private static Action stallAfter(String head, String partialBody) {
    return new Action.Raw((head + partialBody).getBytes(StandardCharsets.US_ASCII), true);
  }

  static List<Fault> all() {
    return List.of(values());
  }
}
