package dev.deskphone.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class ScriptedHttpServerSuspendTest {

  private static String exchange(int port) throws Exception {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      s.setSoTimeout(10_000);
      s.getOutputStream()
          .write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      byte[] head = new byte[15];
      int n = s.getInputStream().readNBytes(head, 0, head.length);
      return new String(head, 0, n, StandardCharsets.ISO_8859_1);
    }
  }

  @RepeatedTest(20) // the JDK keeps the socket listening while accept() is blocked on it
  void suspendRefusesConnectionsAndResumeListensOnTheSamePort() throws Exception {
    try (ScriptedHttpServer server = ScriptedHttpServer.start(r -> Action.respond(200, "ok"))) {
      int port = server.port();
      assertThat(exchange(port)).isEqualTo("HTTP/1.1 200 St");

      server.suspend();
      assertThat(server.isListening()).isFalse();
      assertThatThrownBy(() -> exchange(port)).isInstanceOf(ConnectException.class);

      server.resume();
      assertThat(server.isListening()).isTrue();
      assertThat(server.port()).isEqualTo(port);
      assertThat(exchange(port)).isEqualTo("HTTP/1.1 200 St");
      assertThat(server.requestCount()).isEqualTo(2);
    }
  }

  @Test
  void answeredRunsAfterTheAnswerWasWritten() throws Exception {
    StringBuilder seen = new StringBuilder();
    ScriptedHttpServer.Script script =
        new ScriptedHttpServer.Script() {
          @Override
          public Action answer(RecordedRequest request) {
            return Action.respond(200, "ok");
          }

          @Override
          public void answered(RecordedRequest request) {
            synchronized (seen) {
              seen.append(request.target());
              seen.notifyAll();
            }
          }
        };
    try (ScriptedHttpServer server = ScriptedHttpServer.start(script)) {
      assertThat(exchange(server.port())).startsWith("HTTP/1.1 200");
      synchronized (seen) {
        long end = System.nanoTime() + 10_000_000_000L;
        while (seen.length() == 0 && System.nanoTime() < end) {
          seen.wait(100);
        }
      }
      assertThat(seen.toString()).isEqualTo("/");
    }
  }
}
