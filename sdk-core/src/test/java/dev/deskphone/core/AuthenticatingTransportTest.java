package dev.deskphone.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthenticatingTransportTest {
  private static final String SENTINEL = "Sentinel-Pa55-9d1e";
  private static final String DIGEST_MD5 =
      "Digest realm=\"{realm}\", nonce=\"{nonce}\", qop=\"auth\", algorithm=MD5";
  private static final String DIGEST_SHA256 =
      "Digest realm=\"{realm}\", nonce=\"{nonce}\", qop=\"auth\", algorithm=SHA-256";
  private static final URI PHONE = URI.create("http://10.0.0.5/command.htm?key=ENTER");
  private static final URI PHONE_TLS = URI.create("https://10.0.0.5/command.htm?key=ENTER");

  private final MutableClock clock = new MutableClock();
  private final Map<List<Integer>, PhoneTransport> clients = new HashMap<>();
  private final PhoneAuth auth = PhoneAuth.of(Credentials.of("admin", SENTINEL));

  @BeforeEach
  void setUp() {
    RecordingLogs.clear();
  }

  /** Whether the tests go through the blocking {@code sendAndWait}; see the subclass. */
  boolean blocking() {
    return false;
  }

  /** One authenticating transport per phone and authentication, as one client per phone has. */
  private PhoneTransport client(PhoneTransport phone, PhoneAuth auth) {
    return clients.computeIfAbsent(
        List.of(System.identityHashCode(phone), System.identityHashCode(auth)),
        k -> new AuthenticatingTransport(phone, auth, clock, new SecureRandom()));
  }

  private PhoneResponse send(PhoneTransport phone, URI uri, PhoneAuth auth) {
    if (blocking()) {
      return client(phone, auth).sendAndWait(PhoneRequest.get(uri));
    }
    try {
      return client(phone, auth).send(PhoneRequest.get(uri)).join();
    } catch (CompletionException e) {
      throw (RuntimeException) e.getCause();
    }
  }

  private static InMemoryAuthPhone digestPhone(String... challenges) {
    return new InMemoryAuthPhone("snom", "admin", SENTINEL, challenges);
  }

  private static List<String> nonceCounts(InMemoryAuthPhone phone) {
    Pattern nc = Pattern.compile("nc=([0-9a-f]{8})");
    List<String> counts = new ArrayList<>();
    for (Optional<String> a : phone.authorizations()) {
      a.map(nc::matcher).filter(Matcher::find).ifPresent(m -> counts.add(m.group(1)));
    }
    return counts;
  }

  @Test
  void withoutCredentialsA401IsAnAuthenticationError() {
    InMemoryAuthPhone phone = digestPhone(DIGEST_MD5);
    assertThatThrownBy(() -> send(phone, PHONE, PhoneAuth.none()))
        .isInstanceOf(PhoneAuthenticationException.class)
        .hasMessageContaining("none are configured");
    assertThat(phone.deliveries).hasSize(1);
  }

  @Test
  void digestCostsTwoRoundTripsFirstThenOneWithTheNextNonceCount() {
    InMemoryAuthPhone phone = digestPhone(DIGEST_MD5);
    assertThat(send(phone, PHONE, auth).status()).isEqualTo(200);
    assertThat(phone.deliveries).hasSize(2);

    assertThat(send(phone, PHONE, auth).status()).isEqualTo(200);
    assertThat(send(phone, PHONE, auth).status()).isEqualTo(200);
    assertThat(phone.deliveries).as("one round trip per later command").hasSize(4);
    assertThat(nonceCounts(phone)).containsExactly("00000001", "00000002", "00000003");
  }

  @Test
  void sha256IsPreferredOverMd5InSeparateHeadersOrOne() {
    InMemoryAuthPhone separate = digestPhone(DIGEST_MD5, DIGEST_SHA256);
    send(separate, PHONE, auth);
    assertThat(separate.authorizations().get(1)).get().asString().contains("algorithm=SHA-256");

    InMemoryAuthPhone oneHeader = digestPhone(DIGEST_MD5 + ", " + DIGEST_SHA256);
    send(oneHeader, URI.create("http://10.0.0.9/command.htm"), auth);
    assertThat(oneHeader.authorizations().get(1)).get().asString().contains("algorithm=SHA-256");
  }

  @Test
  void digestIsPreferredOverBasic() {
    InMemoryAuthPhone phone = digestPhone("Basic realm=\"snom\"", DIGEST_MD5);
    send(phone, PHONE, auth);
    assertThat(phone.authorizations().get(1)).get().asString().startsWith("Digest ");
  }

  @Test
  void aWrongPasswordFailsAfterExactlyOneAuthenticatedAttempt() {
    InMemoryAuthPhone phone = digestPhone(DIGEST_SHA256);
    phone.password = "another";
    assertThatThrownBy(() -> send(phone, PHONE, auth))
        .isInstanceOf(PhoneAuthenticationException.class)
        .hasMessageContaining("refused the credentials for user admin")
        .hasMessageNotContaining(SENTINEL);
    assertThat(phone.authorizations()).filteredOn(Optional::isPresent).hasSize(1);
    assertThat(phone.deliveries).hasSize(2);
  }

  @Test
  void twoRefusedLoginsInAMinuteStopFurtherCallsUntilTheMinutePasses() {
    InMemoryAuthPhone phone = digestPhone(DIGEST_MD5);
    phone.password = "changed-on-the-phone";
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> send(phone, PHONE, auth))
          .isInstanceOf(PhoneAuthenticationException.class);
    }
    int before = phone.deliveries.size();
    assertThatThrownBy(() -> send(phone, PHONE, auth))
        .isInstanceOf(PhoneAuthenticationException.class)
        .hasMessageContaining("not contacting the phone");
    assertThat(phone.deliveries).as("fails fast without contacting").hasSize(before);

    clock.advance(Duration.ofSeconds(61));
    phone.password = SENTINEL;
    assertThat(send(phone, PHONE, auth).status()).isEqualTo(200);
  }

  @Test
  void aClientWithNewCredentialsIsNotLockedOut() {
    InMemoryAuthPhone phone = digestPhone(DIGEST_MD5);
    phone.password = "right";
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> send(phone, PHONE, auth))
          .isInstanceOf(PhoneAuthenticationException.class);
    }
    phone.rotateNonce(); // the phone's next challenge, as the new client's first request gets
    PhoneAuth fixed = PhoneAuth.of(Credentials.of("admin", "right"));
    assertThat(send(phone, PHONE, fixed).status()).isEqualTo(200);
  }

  @Test
  void failuresOnOnePhoneDoNotLockAnother() {
    InMemoryAuthPhone phone = digestPhone(DIGEST_MD5);
    phone.password = "other";
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> send(phone, PHONE, auth))
          .isInstanceOf(PhoneAuthenticationException.class);
    }
    InMemoryAuthPhone second = digestPhone(DIGEST_MD5);
    assertThat(send(second, URI.create("http://10.0.0.6/command.htm"), auth).status())
        .isEqualTo(200);
  }

  @Test
  void aStaleNonceGetsExactlyOneRetryWithTheNewNonce() {
    InMemoryAuthPhone phone = digestPhone(DIGEST_MD5);
    send(phone, PHONE, auth);
    phone.expireNonceAsStale();
    assertThat(send(phone, PHONE, auth).status()).isEqualTo(200);
    assertThat(phone.deliveries).hasSize(4);
    assertThat(phone.authorizations().get(3))
        .get()
        .asString()
        .contains(phone.nonce(), "nc=00000001");
  }

  @Test
  void aFreshNonceWithoutStaleAlsoGetsOneRetry() {
    InMemoryAuthPhone phone = digestPhone(DIGEST_MD5);
    send(phone, PHONE, auth);
    phone.rotateNonce();
    assertThat(send(phone, PHONE, auth).status()).isEqualTo(200);
    assertThat(phone.deliveries).hasSize(4);
  }

  @Test
  void aPreemptiveAnswerRefusedWithTheSameNonceIsNotRetried() {
    InMemoryAuthPhone phone = digestPhone(DIGEST_MD5);
    send(phone, PHONE, auth);
    phone.password = "changed";
    assertThatThrownBy(() -> send(phone, PHONE, auth))
        .isInstanceOf(PhoneAuthenticationException.class);
    assertThat(phone.deliveries).hasSize(3);
  }

  @Test
  void basicOverPlainHttpIsRefusedUnlessAllowedForThatPhone() {
    InMemoryAuthPhone phone = digestPhone("Basic realm=\"snom\"");
    assertThatThrownBy(() -> send(phone, PHONE, auth))
        .isInstanceOf(PhoneAuthenticationException.class)
        .hasMessageContaining("allowingBasicOverHttp()");
    assertThat(phone.authorizations()).allMatch(Optional::isEmpty);

    PhoneAuth allowed = auth.allowingBasicOverHttp();
    assertThat(send(phone, PHONE, allowed).status()).isEqualTo(200);
    assertThat(send(phone, PHONE, allowed).status()).isEqualTo(200);
    assertThat(phone.deliveries).as("probe, refused, probe + basic, preemptive basic").hasSize(4);
  }

  @Test
  void basicOverHttpsNeedsNoOptIn() {
    InMemoryAuthPhone phone = digestPhone("Basic realm=\"snom\"");
    assertThat(send(phone, PHONE_TLS, auth).status()).isEqualTo(200);
  }

  @Test
  void aPhoneThatUsedDigestAndNowOffersOnlyBasicIsRefused() {
    InMemoryAuthPhone phone = digestPhone(DIGEST_MD5);
    send(phone, PHONE_TLS, auth);
    phone.challenges = List.of("Basic realm=\"snom\"");
    phone.rotateNonce();
    assertThatThrownBy(() -> send(phone, PHONE_TLS, auth))
        .isInstanceOf(PhoneAuthenticationException.class)
        .hasMessageContaining("downgrade");
    assertThat(phone.authorizations())
        .noneMatch(a -> a.filter(v -> v.startsWith("Basic")).isPresent());

    assertThat(send(phone, PHONE_TLS, auth.allowingDowngrade()).status()).isEqualTo(200);
  }

  @Test
  void anUnknownAlgorithmFailsClosed() {
    InMemoryAuthPhone phone =
        digestPhone("Digest realm=\"snom\", nonce=\"{nonce}\", qop=\"auth\", algorithm=SHA3-512");
    assertThatThrownBy(() -> send(phone, PHONE, auth))
        .isInstanceOf(PhoneAuthenticationException.class)
        .hasMessageContaining("SHA3-512");
    assertThat(phone.authorizations()).allMatch(Optional::isEmpty);
  }

  @Test
  void manyThreadsOnOnePhoneUseEveryNonceCountOnce() throws Exception {
    InMemoryAuthPhone phone = digestPhone(DIGEST_SHA256);
    send(phone, PHONE, auth);
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < 800; i++) {
        results.add(pool.submit(() -> send(phone, PHONE, auth).status()));
      }
      for (Future<Integer> f : results) {
        assertThat(f.get()).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }
    List<String> counts = nonceCounts(phone);
    Set<String> unique = new HashSet<>(counts);
    assertThat(counts).hasSize(801);
    assertThat(unique).hasSize(801);
    assertThat(phone.deliveries).hasSize(802);
  }

  @Test
  void phonesWithTheSameRealmNeverShareNonces() {
    InMemoryAuthPhone a = new InMemoryAuthPhone("shared", "admin", SENTINEL, DIGEST_MD5);
    InMemoryAuthPhone b = new InMemoryAuthPhone("shared", "admin", SENTINEL, DIGEST_MD5);
    b.rotateNonce();
    URI uriA = URI.create("http://10.0.0.5/command.htm");
    URI uriB = URI.create("http://10.0.0.6/command.htm");
    for (int i = 0; i < 3; i++) {
      assertThat(send(a, uriA, auth).status()).isEqualTo(200);
      assertThat(send(b, uriB, auth).status()).isEqualTo(200);
    }
    assertThat(a.deliveries).hasSize(4);
    assertThat(b.deliveries).hasSize(4);
    assertThat(nonceCounts(a)).containsExactly("00000001", "00000002", "00000003");
    assertThat(nonceCounts(b)).containsExactly("00000001", "00000002", "00000003");
  }

  @Test
  void digestOverPlainHttpWarnsOncePerPhone() {
    InMemoryAuthPhone phone = digestPhone(DIGEST_MD5);
    send(phone, PHONE, auth);
    phone.rotateNonce();
    send(phone, PHONE, auth);
    phone.rotateNonce();
    send(phone, PHONE_TLS, auth);
    assertThat(RecordingLogs.lines())
        .filteredOn(l -> l.startsWith("WARN") && l.contains("plain http"))
        .hasSize(1);
  }

  @Test
  void thePasswordNeverReachesALogLineOrMessage() {
    InMemoryAuthPhone phone = digestPhone(DIGEST_MD5);
    send(phone, PHONE, auth);
    phone.password = "wrong";
    phone.rotateNonce();
    Throwable error = catchFailure(() -> send(phone, PHONE, auth));
    assertThat(error).hasMessageNotContaining(SENTINEL);
    assertThat(RecordingLogs.lines()).noneMatch(l -> l.contains(SENTINEL));
    assertThat(auth.toString()).doesNotContain(SENTINEL);
  }

  @Test
  void aRefusedRequestIsNotAnAuthenticatedRetryOfACommandThatRan() {
    // The first delivery was refused with 401, so the phone did not run it: answering the
    // challenge sends the command once.
    InMemoryAuthPhone phone = digestPhone(DIGEST_MD5);
    send(phone, PHONE, auth);
    assertThat(phone.deliveredTargets())
        .containsExactly("/command.htm?key=ENTER", "/command.htm?key=ENTER");
    assertThat(phone.authorizations().get(0)).isEmpty();
  }

  @Test
  void sendDoesNotBlockAndCompletesWhenTheTransportDoes() {
    CompletableFuture<PhoneResponse> pending = new CompletableFuture<>();
    CompletableFuture<PhoneResponse> result =
        client(r -> pending, auth).send(PhoneRequest.get(PHONE));
    assertThat(result).isNotDone();
    pending.complete(PhoneResponse.of(200, PhoneHeaders.empty(), new byte[0]));
    assertThat(result.join().status()).isEqualTo(200);
  }

  private static Throwable catchFailure(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      return e;
    }
    throw new AssertionError("expected a failure");
  }

  /** A clock tests move by hand. */
  static final class MutableClock extends Clock {
    private volatile Instant now = Instant.parse("2026-11-23T12:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
