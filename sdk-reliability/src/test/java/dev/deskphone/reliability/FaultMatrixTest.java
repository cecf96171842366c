package dev.deskphone.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskphone.core.JdkHttpTransport;
import dev.deskphone.core.LedColour;
import dev.deskphone.core.LedState;
import dev.deskphone.core.PhoneRequest;
import dev.deskphone.core.PhoneTransport;
import dev.deskphone.core.PushRequest;
import dev.deskphone.snom.SnomPhone;
import dev.deskphone.testkit.FakeLed;
import dev.deskphone.testkit.FakeUnifyPhone;
import dev.deskphone.testkit.internal.Action;
import dev.deskphone.testkit.internal.RecordedRequest;
import dev.deskphone.testkit.internal.RunCertificate;
import dev.deskphone.testkit.internal.ScriptedHttpServer;
import dev.deskphone.unify.SendUrlKey;
import dev.deskphone.unify.UnifyPhone;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fault x every kind of operation: the right typed error by the deadline, the caller never
 * left blocked, the broken connection evicted (the next request on the same client works), and a
 * request delivered at most once: exactly once when it succeeded, else reported as not sent or as
 * outcome unknown.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS) // a guard against a hang, not a speed assertion
class FaultMatrixTest {
  private static final RunCertificate SERVER = RunCertificate.create("matrix server");
  private static final RunCertificate OTHER = RunCertificate.create("someone else");
  private static final String REPLY =
      "<Batch><Remote_Control><Turnled ID=\"Key\" STATE=\"FLASH\" COLOUR=\"RED\"/></Remote_Control></Batch>";

  enum Operation {
    READ("/index.htm"),
    SNOM_REBOOT("/advanced_update.htm?reboot=Reboot"),
    UNIFY_PUSH("/server_push.html/ServerPush"),
    SEND_URL_KEY_PRESS("/?symbn=Key");

    final String target;

    Operation(String target) {
      this.target = target;
    }
  }

  /**
   * One https exchange before the matrix, so that no fault pays the cold start of the JDK's HTTP
   * client and TLS stack within its 800 ms: on JDK 17 with JaCoCo on 2 busy cores the first TLS
   * case ran out of time before its handshake failed.
   */
  @BeforeAll
  static void warmUp() throws IOException {
    try (ScriptedHttpServer server =
        ScriptedHttpServer.startTls(r -> Action.respond(200, "warm"), SERVER.serverContext())) {
      PhoneRequest warm =
          PhoneRequest.builder("GET", server.uri("/warm")).tls(SERVER.pinned()).build();
      try (PhoneTransport transport = JdkHttpTransport.create()) {
        assertThat(transport.sendAndWait(warm).status()).isEqualTo(200);
      }
    }
  }

  static Stream<Arguments> matrix() {
    return Stream.of(Operation.values())
        .flatMap(op -> Fault.all().stream().map(f -> Arguments.of(op, f)));
  }

  @ParameterizedTest(name = "{0} x {1}")
  @MethodSource("matrix")
  void eachFaultGivesTheRightOutcomeOnce(Operation op, Fault fault) throws IOException {
    int port = check(op, fault);
    assertThat(Thread.getAllStackTraces().keySet())
        .as("server threads left after close")
        .noneMatch(t -> t.getName().startsWith("loopback-http-" + port + "-"))
        .noneMatch(t -> t.getName().equals("loopback-http-accept-" + port));
  }

  private int check(Operation op, Fault fault) throws IOException {
    boolean tls = fault == Fault.TLS_HANDSHAKE_FAILURE;
    try (ScriptedHttpServer server =
        tls
            ? ScriptedHttpServer.startTls(fault.script(REPLY), SERVER.serverContext())
            : ScriptedHttpServer.start(fault.script(REPLY))) {
      PhoneTransport transport = JdkHttpTransport.builder().timeout(Fault.DEADLINE).build();
      if (fault == Fault.REFUSED_CONNECTION) {
        server.suspend();
      }
      if (op == Operation.SEND_URL_KEY_PRESS) {
        pressKey(server, fault);
        return server.port();
      }
      if (fault.needsWarmUp()) {
        assertThat(transport.send(get(server.uri("/warm"))).join().status()).isEqualTo(200);
      }

      Throwable error = run(op, server.uri("/"), transport);

      long deliveries = deliveries(server, op);
      if (fault.succeeds()) {
        assertThat(error).as("error").isNull();
        assertThat(deliveries).as("deliveries").isEqualTo(1);
      } else {
        assertThat(error).as("error").isNotNull();
        assertThat(fault.errors)
            .as("allowed errors for " + error)
            .anyMatch(c -> c.isInstance(error));
        assertThat(deliveries).as("deliveries").isEqualTo(fault.deliveries);
        assertThat(error.getMessage()).contains("://127.0.0.1:" + server.port());
      }
      if (fault != Fault.REFUSED_CONNECTION && fault != Fault.TLS_HANDSHAKE_FAILURE) {
        // The broken connection is gone: a new request on the same client gets its answer.
        assertThat(transport.send(get(server.uri("/warm"))).join().status()).isEqualTo(200);
      }
      return server.port();
    }
  }

  /** A GET trusting only the other certificate, so that a TLS server here always fails. */
  private static PhoneRequest get(URI uri) {
    return PhoneRequest.builder("GET", uri).tls(OTHER.pinned()).build();
  }

  private static Throwable run(Operation op, URI phone, PhoneTransport transport) {
    Consumer<URI> action =
        switch (op) {
          case READ -> u -> transport.send(get(u.resolve(op.target))).join();
          case SNOM_REBOOT ->
              u ->
                  SnomPhone.builder()
                      .uri(u)
                      .transport(transport)
                      .tls(OTHER.pinned())
                      .timeout(Fault.DEADLINE)
                      .build()
                      .reboot();
          case UNIFY_PUSH ->
              u ->
                  UnifyPhone.builder()
                      .uri(u)
                      .transport(transport)
                      .tls(OTHER.pinned())
                      .timeout(Fault.DEADLINE)
                      .build()
                      .push(
                          PushRequest.builder()
                              .symbolicName("Key")
                              .server(URI.create("https://10.0.0.1/"))
                              .build());
          case SEND_URL_KEY_PRESS -> throw new IllegalStateException("pressed by the fake phone");
        };
    try {
      action.accept(phone);
      return null;
    } catch (RuntimeException e) {
      return e instanceof java.util.concurrent.CompletionException && e.getCause() != null
          ? e.getCause()
          : e;
    }
  }

  /** The phone's side: a key press against a faulty server changes nothing, and is sent once. */
  private static void pressKey(ScriptedHttpServer server, Fault fault) {
    SendUrlKey key = SendUrlKey.builder().symbolicName("Key").server(server.uri("/")).build();
    try (FakeUnifyPhone phone =
        FakeUnifyPhone.builder().key(key).trust(OTHER.pinned()).timeout(Fault.DEADLINE).start()) {
      if (fault.needsWarmUp()) {
        phone.pressKey(
            "Key"); // the first press on the connection is answered /warm-like: see below
      }
      FakeLed before = phone.led("Key");
      FakeLed after = phone.pressKey("Key");

      long deliveries = deliveries(server, Operation.SEND_URL_KEY_PRESS);
      if (fault == Fault.EMPTY_200) {
        assertThat(after.colour()).as("acknowledged: green for 2 s").contains(LedColour.GREEN);
      } else if (fault.succeeds()) {
        assertThat(after.state()).isEqualTo(LedState.FLASH);
      } else {
        assertThat(after).as("a fault changes no LED").isEqualTo(before);
      }
      assertThat(deliveries).isLessThanOrEqualTo(fault.needsWarmUp() ? 2 : 1);
      assertThat(deliveries).isEqualTo(fault.needsWarmUp() ? 2 : fault.deliveries);
    }
  }

  private static long deliveries(ScriptedHttpServer server, Operation op) {
    return server.requests().stream()
        .map(RecordedRequest::target)
        .filter(
            t ->
                t.startsWith(
                    op.target.substring(
                        0,
                        op.target.indexOf('?') < 0 ? op.target.length() : op.target.indexOf('?'))))
        .filter(t -> !t.equals("/warm"))
        .count();
  }
}
