package dev.deskphone.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FakeSnomPhoneConcurrencyTest {
  private static final int CLIENTS = 6;
  private static final int EACH = 10;

  @Test
  void manyDigestClientsAtOnceAreAllServedAndRecordedOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    try (FakeSnomPhone fake = FakeSnomPhone.builder().digestAuth("admin", "secret").start()) {
      List<Future<Integer>> served = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        String key = Integer.toString(c);
        served.add(
            pool.submit(
                () -> {
                  String target = "/command.htm?key=" + key;
                  Map<String, String> ch = DigestByHand.challenge(RawHttp.get(fake, target));
                  int ok = 0;
                  for (int nc = 1; nc <= EACH; nc++) {
                    HttpResponse<String> r = DigestByHand.get(fake, target, "secret", ch, nc);
                    ok += r.statusCode() == 200 ? 1 : 0;
                  }
                  return ok;
                }));
      }
      for (Future<Integer> f : served) {
        assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo(EACH);
      }

      assertThat(fake.pressedKeys()).hasSize(CLIENTS * EACH);
      assertThat(fake.requests()).hasSize(CLIENTS * (EACH + 1));
      assertThat(fake.requests()).extracting(FakeRequest::sequence).doesNotHaveDuplicates();
      assertThat(fake.rejected()).isEmpty();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aRebootDropsOpenKeepAliveConnections() throws Exception {
    try (FakeSnomPhone fake = FakeSnomPhone.builder().rebootDowntime(Duration.ofDays(1)).start();
        Socket idle = new Socket(InetAddress.getLoopbackAddress(), fake.uri().getPort())) {
      idle.setSoTimeout(10_000);
      idle.getOutputStream()
          .write("GET /index.htm HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      InputStream in = idle.getInputStream();
      StringBuilder answer = new StringBuilder();
      while (!answer.toString().endsWith("</html>\n")) {
        answer.append((char) in.read());
      }

      RawHttp.get(fake, "/advanced_update.htm?reboot=Reboot");

      assertThat(answer.toString()).startsWith("HTTP/1.1 200 OK");
      assertThat(in.read()).isEqualTo(-1);
    }
  }
}
