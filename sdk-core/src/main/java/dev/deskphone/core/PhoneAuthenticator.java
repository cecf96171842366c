package dev.deskphone.core;

import dev.deskphone.core.internal.auth.BasicAuthorization;
import dev.deskphone.core.internal.auth.Challenge;
import dev.deskphone.core.internal.auth.ChallengeParser;
import dev.deskphone.core.internal.auth.DigestAlgorithm;
import dev.deskphone.core.internal.auth.PhoneAuthState;
import dev.deskphone.core.internal.auth.PhoneAuthState.DigestSession;
import dev.deskphone.core.internal.auth.UnusableChallengeException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP authentication above any {@link PhoneTransport}: answers a phone's {@code 401} with Digest
 * (RFC 7616; SHA-512-256, SHA-256 and MD5, their {@code -sess} forms, {@code qop=auth}, {@code
 * auth-int} and RFC 2069 no-qop) or Basic, and remembers what each phone asked for so later
 * commands carry credentials preemptively and cost one round trip, not two.
 *
 * <ul>
 *   <li>Never more than one authenticated retry per request; a request refused with {@code 401} was
 *       not run by the phone, so answering the challenge does not repeat a command.
 *   <li>A preemptive Digest answer refused as {@code stale=true}, or with a fresh nonce, is retried
 *       once with the new nonce; refused otherwise, the credentials are wrong.
 *   <li>Lockout safety: after {@value #LOCKOUT_THRESHOLD} consecutive refused logins to one phone
 *       within a minute, calls with the same credentials fail fast without contacting it until the
 *       credentials change or the minute passes (snom phones lock their web interface after 3).
 *   <li>Basic over plain http is refused unless {@link PhoneAuth#allowingBasicOverHttp()}; a phone
 *       that used Digest and now offers only Basic is refused unless {@link
 *       PhoneAuth#allowingDowngrade()}; an unknown Digest algorithm is never answered with MD5.
 *   <li>Digest over plain http works and logs one WARN per phone.
 * </ul>
 *
 * <p>State is kept per phone ({@code scheme://host:port}) and realm, so phones sharing a realm
 * never share nonces. Share one authenticator between all clients of the same phones: {@link
 * #shared()} is the one the SDK's clients use unless given another, so two clients of one phone
 * never count nonces or failed logins apart. Thread-safe; {@link #send} never blocks.
 */
public final class PhoneAuthenticator {
  private static final Logger LOG = LoggerFactory.getLogger(PhoneAuthenticator.class);
  private static final PhoneAuthenticator SHARED = builder().build();

  /** Refused logins within {@link #LOCKOUT_WINDOW} after which calls fail fast: {@value}. */
  public static final int LOCKOUT_THRESHOLD = 2;

  /** How long failed logins count against a phone: one minute. */
  public static final Duration LOCKOUT_WINDOW = Duration.ofMinutes(1);

  private final Clock clock;
  private final SecureRandom random;
  private final ConcurrentMap<String, PhoneAuthState> phones = new ConcurrentHashMap<>();

  private PhoneAuthenticator(Builder b) {
    this.clock = b.clock;
    this.random = b.random;
  }

  /** The authenticator the SDK's phone clients share unless given another. */
  public static PhoneAuthenticator shared() {
    return SHARED;
  }

  /** A builder for an authenticator with its own state (for example with a test clock). */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Sends {@code request} through {@code transport}, answering an authentication challenge once if
   * {@code auth} has credentials.
   *
   * @return the phone's answer to the (possibly authenticated) request; fails with {@link
   *     PhoneAuthenticationException} when the credentials are refused, missing, or may not be sent
   */
  public CompletableFuture<PhoneResponse> send(
      PhoneTransport transport, PhoneRequest request, PhoneAuth auth) {
    Objects.requireNonNull(transport, "transport");
    Attempt attempt;
    try {
      attempt = new Attempt(request, auth);
    } catch (PhoneAuthenticationException e) {
      return CompletableFuture.failedFuture(e);
    }
    return transport
        .send(attempt.first)
        .thenCompose(
            response -> {
              PhoneRequest retry = attempt.retryAfter(response);
              if (retry == null) {
                return CompletableFuture.completedFuture(response);
              }
              return transport.send(retry).thenApply(attempt::afterRetry);
            });
  }

  /**
   * Like {@link #send}, blocking: sends with {@link PhoneTransport#sendAndWait} on the calling
   * thread.
   *
   * @return the phone's answer to the (possibly authenticated) request
   * @throws PhoneAuthenticationException when the credentials are refused, missing, or may not be
   *     sent
   * @throws PhoneException when the transport fails, as {@link PhoneTransport#sendAndWait} throws
   */
  public PhoneResponse sendAndWait(PhoneTransport transport, PhoneRequest request, PhoneAuth auth) {
    Objects.requireNonNull(transport, "transport");
    Attempt attempt = new Attempt(request, auth);
    PhoneResponse response = transport.sendAndWait(attempt.first);
    PhoneRequest retry = attempt.retryAfter(response);
    return retry == null ? response : attempt.afterRetry(transport.sendAndWait(retry));
  }

  /**
   * One request's way through authentication: the first request (with preemptive credentials when
   * the phone's scheme is known), then at most one retry answering the phone's challenge. Its
   * methods throw {@link PhoneAuthenticationException}.
   */
  private final class Attempt {
    final PhoneRequest request;
    final PhoneAuth auth;
    final Credentials creds;
    final PhoneAuthState state;
    final DigestSession used;
    final PhoneRequest first;

    Attempt(PhoneRequest request, PhoneAuth auth) {
      this.request = Objects.requireNonNull(request, "request");
      this.auth = Objects.requireNonNull(auth, "auth");
      this.creds = auth.credentials().orElse(null);
      if (creds == null) {
        state = null;
        used = null;
        first = request;
        return;
      }
      state = phones.computeIfAbsent(request.phone(), p -> new PhoneAuthState());
      Instant lockedUntil =
          state.lockedUntil(creds, clock.instant(), LOCKOUT_THRESHOLD, LOCKOUT_WINDOW);
      if (lockedUntil != null) {
        throw refused(
            request,
            "not contacting the phone: it refused these credentials "
                + LOCKOUT_THRESHOLD
                + " times in the last minute and locks its web interface after 3 failed"
                + " logins; try again after "
                + lockedUntil
                + " or with other credentials",
            null);
      }
      used = state.digest();
      try {
        if (used != null) {
          first = withHeader(request, used.authorization(request, creds, random));
        } else if (state.basic()) {
          first = withHeader(request, BasicAuthorization.header(creds));
        } else {
          first = request;
        }
      } catch (UnusableChallengeException | IllegalArgumentException e) {
        throw refused(request, e.getMessage(), null);
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
        throw refused(request, "the phone asks for credentials and none are configured", null);
      }
      return answer(response);
    }

    /** After the answer to the retry: the answer, unless the phone refused the credentials. */
    PhoneResponse afterRetry(PhoneResponse response) {
      if (response.status() == 401) {
        state.forgetPreemptive();
        throw failed(state, creds, request, "the phone refused the credentials");
      }
      state.succeeded();
      return response;
    }

    private PhoneRequest answer(PhoneResponse challengeResponse) {
      List<Challenge> challenges =
          ChallengeParser.parse(challengeResponse.headers().allValues("WWW-Authenticate"));
      Optional<Challenge> digest = strongestDigest(challenges);
      Optional<Challenge> basic = challenges.stream().filter(c -> c.isScheme("Basic")).findFirst();
      boolean preemptive = first != request;
      if (preemptive && !worthOneRetry(digest, basic, used)) {
        state.forgetPreemptive();
        throw failed(state, creds, request, "the phone refused the credentials");
      }

      PhoneRequest retry;
      try {
        if (digest.isPresent()) {
          DigestSession session = state.sessionFor(digest.get());
          retry = withHeader(request, session.authorization(request, creds, random));
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
                    + " PhoneAuth.allowingDowngrade()",
                null);
          }
          if (!isHttps(request) && !auth.basicOverHttpAllowed()) {
            throw refused(
                request,
                "the phone asks for Basic over plain http, which would send the password in"
                    + " clear; use https, set the phone to Digest, or opt in for this phone with"
                    + " PhoneAuth.allowingBasicOverHttp()",
                null);
          }
          retry =
              withHeader(
                  request,
                  BasicAuthorization.header(creds, BasicAuthorization.charset(basic.get())));
          state.useBasic();
        } else {
          throw refused(request, unsupported(challenges), null);
        }
      } catch (UnusableChallengeException | IllegalArgumentException e) {
        throw refused(request, e.getMessage(), null);
      }
      if (LOG.isDebugEnabled()) {
        LOG.debug(
            "{}: answering {} challenge{}",
            request.phone(),
            digest
                .map(
                    c ->
                        "Digest " + DigestAlgorithm.of(c).map(DigestAlgorithm::wireName).orElse(""))
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

  private PhoneAuthenticationException failed(
      PhoneAuthState state, Credentials creds, PhoneRequest request, String detail) {
    state.failed(creds, clock.instant(), LOCKOUT_WINDOW);
    return refused(request, detail + " for user " + creds.username(), null);
  }

  private static Optional<Challenge> strongestDigest(List<Challenge> challenges) {
    return challenges.stream()
        .filter(c -> c.isScheme("Digest"))
        .filter(c -> DigestAlgorithm.of(c).isPresent())
        .max(Comparator.comparingInt(c -> DigestAlgorithm.of(c).orElseThrow().strength()));
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

  private static PhoneAuthenticationException refused(
      PhoneRequest request, String detail, Throwable cause) {
    return new PhoneAuthenticationException(request.phone(), request.operation(), detail, cause);
  }

  @Override
  public String toString() {
    return "PhoneAuthenticator[" + phones.size() + " phones]";
  }

  /** Builds a {@link PhoneAuthenticator}. Not thread-safe. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private SecureRandom random = new SecureRandom();

    private Builder() {}

    /** The clock for the lockout window; the system clock by default. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The source of client nonces; a new {@link SecureRandom} by default. */
    public Builder random(SecureRandom random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /** The authenticator. */
    public PhoneAuthenticator build() {
      return new PhoneAuthenticator(this);
    }
  }
}
