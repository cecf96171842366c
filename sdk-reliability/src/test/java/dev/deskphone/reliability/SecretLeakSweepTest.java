package dev.deskphone.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deskphone.core.Credentials;
import dev.deskphone.core.JdkHttpTransport;
import dev.deskphone.core.LedColour;
import dev.deskphone.core.LedState;
import dev.deskphone.core.PhoneAuth;
import dev.deskphone.core.PhoneRequest;
import dev.deskphone.core.PhoneTransport;
import dev.deskphone.core.PushRequest;
import dev.deskphone.core.Turnled;
import dev.deskphone.core.TurnledResponse;
import dev.deskphone.core.server.EndpointServer;
import dev.deskphone.snom.SnomEvent;
import dev.deskphone.snom.SnomEventEndpoint;
import dev.deskphone.snom.SnomEventType;
import dev.deskphone.snom.SnomPhone;
import dev.deskphone.testkit.FakeSnomPhone;
import dev.deskphone.testkit.FakeUnifyPhone;
import dev.deskphone.unify.SendUrlKey;
import dev.deskphone.unify.SendUrlRequest;
import dev.deskphone.unify.SendUrlServer;
import dev.deskphone.unify.UnifyPhone;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs end-to-end scenarios, failures included, with a sentinel password and every logger at TRACE,
 * then searches every log line, exception message, stack trace and {@code toString()} for the
 * sentinel (plain, and as the Base64 of a Basic header), and for the snom event endpoint's key and
 * the phones' secrets.
 */
class SecretLeakSweepTest {
  private static final String USER = "admin";
  private static final String SENTINEL = "Sentinel-7f3a-PW";
  private static final String WRONG = "Wrong-Sentinel-99";
  private static final List<String> FORBIDDEN =
      List.of(
          SENTINEL,
          WRONG,
          base64(USER + ":" + SENTINEL),
          base64(USER + ":" + WRONG),
          urlEncoded(SENTINEL));

  /** The events' server key: 32 bytes that spell a sentinel, so that a leak of it is findable. */
  private static final byte[] EVENT_KEY =
      "Event-Key-Sentinel-0123456789abc".getBytes(StandardCharsets.US_ASCII);

  private final List<String> seen = new ArrayList<>();
  private final List<AutoCloseable> open = new ArrayList<>();

  /** The phones' event secrets, found while the scenarios run. */
  private final List<String> eventSecrets = new ArrayList<>();

  @TempDir Path dir;

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  private static String base64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private static String urlEncoded(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Runs {@code action}, keeping its failure's message, stack trace and toString. */
  private void attempt(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      seen.add(e.toString());
      seen.add(String.valueOf(e.getMessage()));
      seen.add(SweepLogs.stackTrace(e));
    }
  }

  private void keep(Object... objects) {
    for (Object o : objects) {
      seen.add(String.valueOf(o));
    }
  }

  private <T extends AutoCloseable> T opened(Supplier<T> s) {
    T t = s.get();
    open.add(t);
    return t;
  }

  @Test
  void theSentinelPasswordAppearsNowhere() {
    snomScenarios();
    unifyScenarios();
    snomEventScenarios();

    List<String> everything = new ArrayList<>(seen);
    everything.addAll(SweepLogs.lines());
    assertThat(SweepLogs.lines())
        .as("the sweep saw log lines at DEBUG")
        .anyMatch(l -> l.startsWith("DEBUG"));
    assertThat(SweepLogs.lines())
        .as("the sweep saw access-log lines")
        .anyMatch(l -> l.contains("dev.deskphone.server.access"));
    assertThat(seen).as("the sweep saw failures").anyMatch(s -> s.contains("Exception"));
    List<String> secrets = new ArrayList<>(FORBIDDEN);
    secrets.addAll(eventSecrets);
    secrets.add(new String(EVENT_KEY, StandardCharsets.US_ASCII));
    secrets.add(Base64.getEncoder().encodeToString(EVENT_KEY));
    assertThat(eventSecrets).as("the event scenarios ran").hasSize(2);
    assertThat(SweepLogs.lines())
        .as("the sweep saw the event endpoint refuse a forged event")
        .anyMatch(l -> l.contains("forged event"));
    for (String forbidden : secrets) {
      assertThat(everything)
          .as("texts containing " + forbidden)
          .filteredOn(s -> s.contains(forbidden))
          .isEmpty();
    }
  }

  private void snomScenarios() {
    FakeSnomPhone digest = opened(() -> FakeSnomPhone.builder().digestAuth(USER, SENTINEL).start());
    FakeSnomPhone basic =
        opened(() -> FakeSnomPhone.builder().basicAuth(USER, SENTINEL).https().start());
    SnomPhone good = SnomPhone.builder().uri(digest.uri()).credentials(USER, SENTINEL).build();
    SnomPhone wrong = SnomPhone.builder().uri(digest.uri()).credentials(USER, WRONG).build();
    SnomPhone basicOverHttps =
        SnomPhone.builder()
            .uri(basic.uri())
            .tls(basic.tls())
            .credentials(Credentials.of(USER, SENTINEL))
            .build();
    SnomPhone basicRefused =
        SnomPhone.builder()
            .uri(URI.create(basic.uri().toString().replace("https:", "http:")))
            .credentials(USER, SENTINEL)
            .build();
    SnomPhone slow =
        SnomPhone.builder()
            .uri(digest.uri())
            .credentials(USER, SENTINEL)
            .timeout(Duration.ofMillis(200))
            .build();

    attempt(() -> good.press("OFFHOOK;1,200,100;#"));
    attempt(() -> good.dial("+4930123456"));
    attempt(() -> wrong.dial("1"));
    attempt(() -> wrong.dial("2"));
    attempt(() -> wrong.dial("3")); // locked out by the SDK: fails fast
    attempt(() -> basicOverHttps.reboot());
    attempt(() -> basicRefused.dial("1"));
    digest
        .faults()
        .when(
            r -> r.target().contains("REREGISTER"),
            dev.deskphone.testkit.Fault.closeWithoutAnswer());
    attempt(() -> good.reregister(1));
    digest.faults().always(dev.deskphone.testkit.Fault.delay(Duration.ofSeconds(5)));
    attempt(() -> slow.dial("9"));
    digest.faults().clear();
    attempt(
        () ->
            SnomPhone.builder().uri(URI.create("http://" + USER + ":" + SENTINEL + "@127.0.0.1/")));
    keep(
        good,
        wrong,
        basicOverHttps,
        PhoneAuth.of(Credentials.of(USER, SENTINEL)).allowingBasicOverHttp(),
        Credentials.of(USER, SENTINEL),
        digest.requests(),
        digest.rejected(),
        digest.state(),
        PhoneRequest.builder("GET", digest.uri())
            .header("Authorization", "Basic " + base64(USER + ":" + SENTINEL))
            .build());
  }

  private void unifyScenarios() {
    SendUrlServer server =
        opened(
            () ->
                SendUrlServer.builder()
                    .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                    .credentials(USER, SENTINEL)
                    .handler(
                        r ->
                            TurnledResponse.of(
                                Turnled.builder(r.symbolicName())
                                    .state(LedState.ON)
                                    .colour(LedColour.RED)
                                    .build()))
                    .start());
    SendUrlKey good = key("Good", "GET", server.uri(), SENTINEL);
    SendUrlKey post = key("Post", "POST", server.uri(), SENTINEL);
    SendUrlKey wrong = key("Wrong", "GET", server.uri(), WRONG);
    FakeUnifyPhone phone =
        opened(() -> FakeUnifyPhone.builder().key(good).key(post).key(wrong).start());

    attempt(() -> keep(phone.pressKey("Good")));
    attempt(() -> keep(phone.pressKey("Post")));
    attempt(() -> keep(phone.pressKey("Wrong")));
    UnifyPhone push = UnifyPhone.builder().uri(phone.uri()).build();
    attempt(() -> keep(push.push(good.pushRequest())));
    attempt(
        () -> push.push(PushRequest.builder().symbolicName("Nobody").server(server.uri()).build()));
    attempt(
        () ->
            SendUrlRequest.parse(
                "GET", "userid=" + USER + "&password=" + SENTINEL + "&symbn=%zz", new byte[0]));
    attempt(
        () ->
            keep(
                SendUrlRequest.parse(
                    "GET", "userid=" + USER + "&password=" + SENTINEL + "&symbn=K", new byte[0])));
    keep(good, post, wrong, good.request("10.0.0.7", "+4930"), phone.ledHistory());
    try {
      for (int i = 0; i < 4; i++) { // three presses, then the key request the push fired
        keep(phone.takeRequest(Duration.ofSeconds(5)));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // reading the refusals also tells the strict fake
    keep(phone.requests(), phone.pushes(), phone.rejected());
  }

  private void snomEventScenarios() {
    List<SnomEvent> delivered = new CopyOnWriteArrayList<>();
    SnomEventEndpoint events =
        opened(() -> SnomEventEndpoint.builder().key(EVENT_KEY).listener(delivered::add).build());
    EndpointServer server =
        opened(
            () ->
                EndpointServer.builder()
                    .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                    .endpoint("/snom/events", events)
                    .start());
    PhoneTransport transport = opened(() -> JdkHttpTransport.builder().build());
    URI base = server.uri("/snom/events");
    // The URLs themselves carry the secrets: they are what a phone is configured with.
    String url = events.actionUrl("10.0.0.5", SnomEventType.INCOMING, base);
    String other = events.actionUrl("10.0.0.6", SnomEventType.INCOMING, base);
    String secret = sig(url);
    eventSecrets.add(secret);
    eventSecrets.add(sig(other));

    attempt(
        () ->
            keep(
                transport.sendAndWait(
                    PhoneRequest.get(URI.create(url.replace("$remote", "102"))))));
    attempt(
        () ->
            keep(
                transport.sendAndWait(
                    PhoneRequest.get(URI.create(other.replace("p=10.0.0.6", "p=10.0.0.5"))))));
    attempt(
        () -> keep(transport.sendAndWait(PhoneRequest.get(URI.create(url + "&sig=" + secret)))));
    attempt(
        () ->
            keep(
                transport.sendAndWait(
                    PhoneRequest.builder("POST", URI.create(url)).body(new byte[] {'x'}).build())));
    attempt(
        () -> {
          try {
            Path bad = Files.writeString(dir.resolve("bad.key"), SENTINEL);
            SnomEventEndpoint.builder().keyFile(bad);
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
    attempt(() -> SnomEventEndpoint.builder().key(SENTINEL.getBytes(StandardCharsets.US_ASCII)));
    attempt(
        () ->
            events.actionUrl(
                "10.0.0.5",
                SnomEventType.INCOMING,
                URI.create("http://" + USER + ":" + SENTINEL + "@pbx/e")));
    events.close(); // waits for the listener
    keep(events, events.counters(), delivered);
    for (SnomEvent e : delivered) {
      keep(e.parameters());
    }
    assertThat(delivered).as("the real event was delivered").hasSize(1);
  }

  private static String sig(String url) {
    int at = url.indexOf("&sig=") + 5;
    return url.substring(at, url.indexOf('&', at));
  }

  private static SendUrlKey key(String name, String method, URI server, String password) {
    return SendUrlKey.builder()
        .symbolicName(name)
        .method(method)
        .server(server)
        .userId(USER)
        .password(password)
        .build();
  }
}
