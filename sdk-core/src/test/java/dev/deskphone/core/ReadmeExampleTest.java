package dev.deskphone.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The README's sdk-core example, compiled and run against loopback servers. */
class ReadmeExampleTest {
  private final List<HttpServer> servers = new ArrayList<>();

  @AfterEach
  void stop() {
    servers.forEach(s -> s.stop(0));
  }

  private URI startPhone(int status) throws Exception {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
    servers.add(server);
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  @Test
  void coreExampleRunsOneRequestOnManyPhones() throws Exception {
    List<URI> phones = List.of(startPhone(200), startPhone(200), startPhone(404));

    // README:core
    PhoneTransport transport =
        JdkHttpTransport.builder()
            .connectTimeout(Duration.ofSeconds(2))
            .timeout(Duration.ofSeconds(5)) // whole exchange, body included
            .build(); // one for the application: it owns threads and connections

    PhoneBatch batch = PhoneBatch.builder().concurrency(64).deadline(Duration.ofMinutes(1)).build();
    BatchResult<URI, Integer> result =
        batch.run(
            phones,
            phone ->
                transport
                    .send(
                        PhoneRequest.builder("GET", phone.resolve("/index.htm"))
                            .tls(TlsPolicy.system()) // or TlsPolicy.pinned("AB:CD:...") per phone
                            .build())
                    .thenApply(PhoneResponse::status));
    for (BatchOutcome<URI, Integer> outcome : result.outcomes()) {
      if (outcome instanceof BatchOutcome.Succeeded<URI, Integer> ok) {
        System.out.println(ok.phone() + " answered " + ok.value());
      } else if (outcome instanceof BatchOutcome.Failed<URI, Integer> failed) {
        System.out.println(failed.phone() + " failed: " + failed.error().getMessage());
      }
    }
    transport.close(); // when the application stops
    // README:end

    assertThat(result.allSucceeded()).isTrue();
    assertThat(result.succeeded())
        .extracting(BatchOutcome.Succeeded::value)
        .containsExactly(200, 200, 404);
  }
}
