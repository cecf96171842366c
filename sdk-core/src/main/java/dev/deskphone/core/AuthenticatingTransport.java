package dev.deskphone.core;

import dev.deskphone.core.internal.auth.BasicAuthorization;
import dev.deskphone.core.internal.auth.Challenge;
import dev.deskphone.core.internal.auth.ChallengeParser;
import dev.deskphone.core.internal.auth.DigestHash;
import dev.deskphone.core.internal.auth.PhoneAuthState;
import dev.deskphone.core.internal.auth.PhoneAuthState.DigestSession;
import dev.deskphone.core.internal.auth.UnusableChallengeException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link PhoneTransport#withAuth}: HTTP authentication above another transport, with the rules of
 * {@link PhoneAuth}. Per phone ({@code scheme://host:port}) it remembers the scheme the phone asked
 * for, its Digest nonce and count, and recent failed logins, for the {@value #MAX_PHONES} most
 * recently used phones. Thread-safe; {@link #send} never blocks.
 */
final class AuthenticatingTransport implements PhoneTransport {
  private static final Logger LOG = LoggerFactory.getLogger(PhoneAuth.class);

  /** Refused logins within {@link #LOCKOUT_WINDOW} after which calls fail fast. */
  static final int LOCKOUT_THRESHOLD = 2;

  /** How long failed logins count against a phone. */
  static final Duration LOCKOUT_WINDOW = Duration.ofMinutes(1);

  /** The most phones whose login state is kept. */
  static final int MAX_PHONES = 1024;

  private final PhoneTransport base;
  private final PhoneAuth auth;
  private final Credentials creds;
  private final Clock clock;
  private final SecureRandom random;
  private final Map<String, PhoneAuthState> phones =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PhoneAuthState> eldest) {
          return size() > MAX_PHONES;
        }
      };

  AuthenticatingTransport(PhoneTransport base, PhoneAuth auth) {
    this(base, auth, Clock.systemUTC(), new SecureRandom());
  }

  AuthenticatingTransport(PhoneTransport base, PhoneAuth auth, Clock clock, SecureRandom random) {
    this.base = Objects.requireNonNull(base, "base");
    this.auth = Objects.requireNonNull(auth, "auth");
    this.creds = auth.credentials().orElse(null);
    this.clock = clock;
    this.random = random;
  }

  @Override
  public CompletableFuture<PhoneResponse> send(PhoneRequest request) {
    Attempt attempt;
    try {
      attempt = new Attempt(request);
    } catch (PhoneAuthenticationException e) {
      return CompletableFuture.failedFuture(e);
    }
    CompletableFuture<PhoneResponse> first = base.send(attempt.first);
    CompletableFuture<PhoneResponse> result =
        first.thenCompose(
            response -> {
              PhoneRequest retry = attempt.retryAfter(response);
              if (retry == null) {
                return CompletableFuture.completedFuture(response);
              }
              return base.send(retry).thenApply(attempt::afterRetry);
            });
    // Cancelling the result aborts the exchange in flight.
    result.whenComplete(
        (r, e) -> {
          if (result.isCancelled()) {
            first.cancel(true);
          }
        });
    return result;
  }

  @Override
  public PhoneResponse sendAndWait(PhoneRequest request) {
    Attempt attempt = new Attempt(request);
    PhoneResponse response = base.sendAndWait(attempt.first);
    PhoneRequest retry = attempt.retryAfter(response);
    return retry == null ? response : attempt.afterRetry(base.sendAndWait(retry));
  }

  @Override
  public void close() {
    base.close();
  }

  private PhoneAuthState state(String phone) {
    synchronized (phones) {
      return phones.computeIfAbsent(phone, p -> new PhoneAuthState());
    }
  }

  /**
   * One request's way through authentication: the first request (with credentials at once when the
   * phone's scheme is known), then at most one retry answering the phone's challenge. A request
   * refused with {@code 401} was not run by the phone, so answering the challenge repeats no
   * command. Its methods throw {@link PhoneAuthenticationException}.
   */
  private final class Attempt {
    final PhoneRequest request;
    final PhoneAuthState state;
    final DigestSession used;
    final PhoneRequest first;

    Attempt(PhoneRequest request) {
      this.request = Objects.requireNonNull(request, "request");
      if (creds == null) {
        state = null;
        used = null;
        first = request;
        return;
      }
      state = state(request.phone());
      Instant lockedUntil = state.lockedUntil(clock.instant(), LOCKOUT_THRESHOLD, LOCKOUT_WINDOW);
      if (lockedUntil != null) {
        throw refused(
            request,
            "not contacting the phone: it refused these credentials "
                + LOCKOUT_THRESHOLD
                + " times in the last minute and locks its web interface after 3 failed"
                + " logins; try again after "
                + lockedUntil
                + " or with other credentials");
      }
      used = state.digest();
      try {
        if (used != null) {
          first = withHeader(request, digest(used));
        } else if (state.basic()) {
          first =
              withHeader(request, BasicAuthorization.header(creds.username(), creds.password()));
        } else {
          first = request;
        }
      } catch (UnusableChallengeException | IllegalArgumentException e) {
        throw refused(request, e.getMessage());
      }
    }

    /** After the answer to {@link #first}: null if it is final, else the retry to send. */
    PhoneRequest retryAfter(PhoneResponse response) {
      if (response.status() != 401) {
        if (first != request) {
          state.succeeded();
        }
        return null;
      }
      if (creds == null) {
        throw refused(request, "the phone asks for credentials and none are configured");
      }
      return answer(response);
    }

    /** After the answer to the retry: the answer, unless the phone refused the credentials. */
    PhoneResponse afterRetry(PhoneResponse response) {
      if (response.status() == 401) {
        state.forgetPreemptive();
        throw failed(state, request);
      }
      state.succeeded();
      return response;
    }

    private String digest(DigestSession session) {
      return session.authorization(
          request.method(),
          request.target(),
          request.body(),
          creds.username(),
          creds.password(),
          random);
    }

    private PhoneRequest answer(PhoneResponse challengeResponse) {
      List<Challenge> challenges =
          ChallengeParser.parse(challengeResponse.headers().allValues("WWW-Authenticate"));
      Optional<Challenge> digest = strongestDigest(challenges);
      Optional<Challenge> basic = challenges.stream().filter(c -> c.isScheme("Basic")).findFirst();
      boolean preemptive = first != request;
      if (preemptive && !worthOneRetry(digest, basic, used)) {
        state.forgetPreemptive();
        throw failed(state, request);
      }

      PhoneRequest retry;
      try {
        if (digest.isPresent()) {
          DigestSession session = state.sessionFor(digest.get());
          retry = withHeader(request, digest(session));
          state.useDigest(session);
          if (!isHttps(request) && state.firstPlainHttpDigest()) {
            LOG.warn(
                "{}: Digest over plain http protects the password but not the commands;"
                    + " prefer https",
                request.phone());
          }
        } else if (basic.isPresent()) {
          if (state.usedDigest() && !auth.downgradeAllowed()) {
            throw refused(
                request,
                "the phone used Digest before and now offers only Basic: refused as a possible"
                    + " downgrade; if the phone's setting really changed, build its client with"
                    + " PhoneAuth.allowingDowngrade()");
          }
          if (!isHttps(request) && !auth.basicOverHttpAllowed()) {
            throw refused(
                request,
                "the phone asks for Basic over plain http, which would send the password in"
                    + " clear; use https, set the phone to Digest, or opt in for this phone with"
                    + " PhoneAuth.allowingBasicOverHttp()");
          }
          retry =
              withHeader(
                  request,
                  BasicAuthorization.header(
                      creds.username(), creds.password(), BasicAuthorization.charset(basic.get())));
          state.useBasic();
        } else {
          throw refused(request, unsupported(challenges));
        }
      } catch (UnusableChallengeException | IllegalArgumentException e) {
        throw refused(request, e.getMessage());
      }
      if (LOG.isDebugEnabled()) {
        LOG.debug(
            "{}: answering {} challenge{}",
            request.phone(),
            digest
                .map(c -> "Digest " + DigestHash.of(c).map(DigestHash::wireName).orElse(""))
                .orElse("Basic"),
            preemptive ? " with the fresh nonce" : "");
      }
      return retry;
    }
  }

  private static boolean isHttps(PhoneRequest request) {
    return request.uri().getScheme().equalsIgnoreCase("https");
  }

  /**
   * After a refused preemptive answer, whether one retry may fix it: the phone asks for Digest with
   * {@code stale=true} or a nonce other than the one used, or it changed scheme (Digest where Basic
   * was used, or only Basic where Digest was used, which the downgrade rule then judges). Otherwise
   * the credentials themselves were refused.
   */
  private static boolean worthOneRetry(
      Optional<Challenge> digest, Optional<Challenge> basic, DigestSession used) {
    if (digest.isEmpty()) {
      return used != null && basic.isPresent();
    }
    if (used == null) {
      return true;
    }
    Challenge c = digest.get();
    return c.param("stale").filter("true"::equalsIgnoreCase).isPresent()
        || !c.param("nonce").orElse("").equals(used.nonce());
  }

  private PhoneAuthenticationException failed(PhoneAuthState state, PhoneRequest request) {
    state.failed(clock.instant(), LOCKOUT_WINDOW);
    return refused(request, "the phone refused the credentials for user " + creds.username());
  }

  private static Optional<Challenge> strongestDigest(List<Challenge> challenges) {
    return challenges.stream()
        .filter(c -> c.isScheme("Digest"))
        .filter(c -> DigestHash.of(c).isPresent())
        .max(Comparator.comparingInt(c -> DigestHash.of(c).orElseThrow().strength()));
  }

  private static String unsupported(List<Challenge> challenges) {
    if (challenges.isEmpty()) {
      return "the phone answered 401 without a usable WWW-Authenticate challenge";
    }
    StringBuilder offered = new StringBuilder();
    for (Challenge c : challenges) {
      if (offered.length() > 0) {
        offered.append(", ");
      }
      offered.append(c.scheme());
      c.param("algorithm").ifPresent(a -> offered.append(' ').append(a));
    }
    return "the phone offers only authentication the SDK does not support ("
        + offered
        + "); supported: Digest MD5, SHA-256, SHA-512-256 (and -sess), Basic";
  }

  private static PhoneRequest withHeader(PhoneRequest request, String authorization) {
    return request.toBuilder().setHeader("Authorization", authorization).build();
  }

  private static PhoneAuthenticationException refused(PhoneRequest request, String detail) {
    return new PhoneAuthenticationException(request.phone(), request.operation(), detail, null);
  }

  /** The authentication and the transport below, never the password. */
  @Override
  public String toString() {
    return "AuthenticatingTransport[" + auth + " over " + base + "]";
  }
}
