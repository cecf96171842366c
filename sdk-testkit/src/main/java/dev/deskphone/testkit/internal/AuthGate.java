package dev.deskphone.testkit.internal;

import dev.deskphone.testkit.DigestAlgorithm;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether a request gets through the fake phone's web authentication: none, Basic or
 * Digest, behind the lockout after failed logins. Not thread-safe; the owner holds its lock.
 */
public final class AuthGate {
  /** Which authentication the phone asks for. */
  public enum Scheme {
    /** None (firmware 10's default). */
    NONE,
    /** HTTP Basic. */
    BASIC,
    /** HTTP Digest. */
    DIGEST
  }

  /** What to do with a request. */
  public sealed interface Decision {}

  /** Let it through. */
  public record Pass() implements Decision {}

  /**
   * Answer 401 with these challenges.
   *
   * @param challenges the {@code WWW-Authenticate} values
   * @param failure why the credentials were refused; empty when none were sent
   */
  public record Challenge(List<String> challenges, Optional<String> failure) implements Decision {}

  /**
   * Locked after failed logins.
   *
   * @param until when it unlocks
   * @param failure the failed login that locked it, if this request was that one
   */
  public record Locked(Instant until, Optional<String> failure) implements Decision {}

  /**
   * Answer 400.
   *
   * @param reason why
   */
  public record BadRequest(String reason) implements Decision {}

  private final Scheme scheme;
  private final String user;
  private final String password;
  private final String realm;
  private final LoginLockout lockout;
  private final DigestAuth digest;

  /** A gate; {@code algorithms} and {@code nonceLifetime} matter for Digest only. */
  public AuthGate(
      Scheme scheme,
      String user,
      String password,
      String realm,
      List<DigestAlgorithm> algorithms,
      Duration nonceLifetime,
      Clock clock) {
    this.scheme = scheme;
    this.user = user;
    this.password = password;
    this.realm = realm;
    this.lockout = new LoginLockout(clock);
    this.digest = new DigestAuth(user, password, realm, algorithms, nonceLifetime, clock);
  }

  /** Decides on a request with {@code authorization} (if it had one). */
  public Decision check(String method, String target, Optional<String> authorization) {
    Optional<Instant> locked = lockout.lockedUntil();
    if (locked.isPresent()) {
      return new Locked(locked.get(), Optional.empty());
    }
    if (scheme == Scheme.NONE) {
      return new Pass();
    }
    if (authorization.isEmpty()) {
      return challenge(false, Optional.empty());
    }
    String value = authorization.get().trim();
    int space = value.indexOf(' ');
    String word = (space < 0 ? value : value.substring(0, space)).toLowerCase(Locale.ROOT);
    String rest = space < 0 ? "" : value.substring(space + 1);
    if (scheme == Scheme.BASIC) {
      return word.equals("basic") && basicMatches(rest.trim())
          ? pass()
          : failed("wrong Basic credentials (" + word + " sent)");
    }
    if (!word.equals("digest")) {
      return failed(word + " credentials, but this phone wants Digest");
    }
    Optional<Map<String, String>> params = DigestParamParser.parse(rest);
    if (params.isEmpty()) {
      return failed("malformed Digest credentials");
    }
    DigestAuth.Result r = digest.verify(method, target, params.get());
    return switch (r.verdict()) {
      case OK -> pass();
      case STALE -> challenge(true, Optional.empty());
      case REPLAY -> challenge(false, Optional.of(r.reason()));
      case WRONG_URI -> new BadRequest(r.reason());
      case WRONG -> failed(r.reason());
    };
  }

  /** Forgets nonces and the lockout, as a reboot does. */
  public void reboot() {
    digest.forget();
    lockout.forget();
  }

  /** Expires every Digest nonce given so far: the next request on one gets a stale 401. */
  public void expireNonces() {
    digest.expireNonces();
  }

  /** Until when logins are locked, if they are now. */
  public Optional<Instant> lockedUntil() {
    return lockout.lockedUntil();
  }

  private boolean basicMatches(String encoded) {
    try {
      String pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
      return pair.equals(user + ":" + password);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private Decision pass() {
    lockout.succeeded();
    return new Pass();
  }

  private Decision failed(String reason) {
    lockout.failed();
    Optional<Instant> locked = lockout.lockedUntil();
    if (locked.isPresent()) {
      return new Locked(locked.get(), Optional.of(reason));
    }
    return challenge(false, Optional.of(reason));
  }

  private Decision challenge(boolean stale, Optional<String> failure) {
    List<String> challenges =
        scheme == Scheme.BASIC
            ? List.of("Basic realm=\"" + realm + "\"")
            : digest.challenges(stale);
    return new Challenge(challenges, failure);
  }
}
