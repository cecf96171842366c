package dev.deskphone.testkit.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What a {@link ScriptedHttpServer} does with a request. */
public sealed interface Action {

  /** Answers normally, after an optional delay, and optionally closes the connection after. */
  record Respond(
      int status,
      String reason,
      List<HeaderField> headers,
      byte[] body,
      Duration delay,
      boolean closeAfter)
      implements Action {
    /** Copies the parts. */
    public Respond {
      headers = List.copyOf(headers);
      body = body.clone();
      Objects.requireNonNull(delay, "delay");
    }

    byte[] encode() {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes(head());
      out.writeBytes(body);
      return out.toByteArray();
    }

    /** The status line and headers, Content-Length and Connection included, without the body. */
    public byte[] head() {
      List<HeaderField> all = new ArrayList<>(headers);
      boolean bodyless = status < 200 || status == 204 || status == 304;
      if (!bodyless && headers.stream().noneMatch(h -> h.is("Content-Length"))) {
        all.add(new HeaderField("Content-Length", Integer.toString(body.length)));
      }
      if (closeAfter) {
        all.add(new HeaderField("Connection", "close"));
      }
      return ScriptedHttpServer.head(status, reason, all);
    }

    /** The same answer after {@code d}. */
    public Respond delayed(Duration d) {
      return new Respond(status, reason, headers, body, d, closeAfter);
    }

    /** The same answer, closing the connection after it. */
    public Respond closing() {
      return new Respond(status, reason, headers, body, delay, true);
    }

    /** The same answer with one more header. */
    public Respond header(String name, String value) {
      List<HeaderField> more = new ArrayList<>(headers);
      more.add(new HeaderField(name, value));
      return new Respond(status, reason, more, body, delay, closeAfter);
    }
  }

  /** Closes the connection without answering. */
  record Close() implements Action {}

  /** Resets the connection (RST) without answering. */
  record Reset() implements Action {}

  /** Never answers; holds the connection open until the server closes. */
  record Stall() implements Action {}

  /** Writes these bytes as they are, then closes or stalls. */
  record Raw(byte[] bytes, boolean thenStall) implements Action {
    /** Copies the bytes. */
    public Raw {
      bytes = bytes.clone();
    }
  }

  /** Writes the answer's head at once, then its body one byte per {@code pause}. */
  record Slow(Respond answer, Duration pause) implements Action {
    /** Checks the parts. */
    public Slow {
      Objects.requireNonNull(answer, "answer");
      Objects.requireNonNull(pause, "pause");
    }
  }

  /** Before reading: fails the TLS handshake (on a plain connection: closes it). */
  record TlsFailure() implements Action {}

  /** A plain answer with a body and no extra headers. */
  static Respond respond(int status, byte[] body) {
    return new Respond(status, "Status", List.of(), body, Duration.ZERO, false);
  }

  /** A plain answer with a UTF-8 text body. */
  static Respond respond(int status, String body) {
    return respond(status, body.getBytes(StandardCharsets.UTF_8));
  }

  /** Closes without answering. */
  static Action close() {
    return new Close();
  }

  /** Resets without answering. */
  static Action reset() {
    return new Reset();
  }

  /** Never answers. */
  static Action stall() {
    return new Stall();
  }

  /** Sends a head announcing {@code declared} body bytes, sends {@code sent} of them, closes. */
  static Action truncated(int status, int declared, int sent) {
    byte[] head =
        ScriptedHttpServer.head(
            status, "Status", List.of(new HeaderField("Content-Length", "" + declared)));
    byte[] all = new byte[head.length + sent];
    System.arraycopy(head, 0, all, 0, head.length);
    return new Raw(all, false);
  }

  /** Sends a head announcing {@code declared} body bytes, then nothing, holding the connection. */
  static Action headThenStall(int status, int declared) {
    return new Raw(
        ScriptedHttpServer.head(
            status, "Status", List.of(new HeaderField("Content-Length", "" + declared))),
        true);
  }
}
