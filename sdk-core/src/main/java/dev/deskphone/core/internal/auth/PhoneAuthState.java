package dev.deskphone.core.internal.auth;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one client's authentication learned about one phone ({@code scheme://host:port}) for its one
 * set of credentials: the scheme it asked for, the current Digest nonce and its count, whether it
 * ever used Digest, and recent failed logins. Thread-safe: the session is replaced as a whole; the
 * nonce count is atomic.
 */
public final class PhoneAuthState {
  /**
   * A Digest challenge in use and the next nonce count for its nonce. The answer's shared part is
   * worked out once per credentials ({@link PreparedDigest}), so each request hashes only what it
   * changes. Thread-safe.
   */
  public static final class DigestSession {
    private final Challenge challenge;
    private final String nonce;
    private final AtomicInteger nonceCount;
    private volatile PreparedDigest prepared;

    private DigestSession(Challenge challenge, String nonce, AtomicInteger nonceCount) {
      this.challenge = challenge;
      this.nonce = nonce;
      this.nonceCount = nonceCount;
    }

    /** A session whose first answer carries nc=00000001. */
    public static DigestSession of(Challenge challenge) {
      return new DigestSession(challenge, challenge.param("nonce").orElse(""), new AtomicInteger());
    }

    /** The challenge answered. */
    public Challenge challenge() {
      return challenge;
    }

    /** The challenge's nonce. */
    public String nonce() {
      return nonce;
    }

    /**
     * The {@code Authorization} value for a request (its method, raw target and body), with the
     * next nonce count and a fresh cnonce from {@code random}. Keep it out of logs.
     *
     * @throws UnusableChallengeException if the challenge cannot be answered safely
     */
    public String authorization(
        String method,
        String target,
        byte[] body,
        String username,
        String password,
        SecureRandom random) {
      PreparedDigest p = prepared;
      if (p == null) {
        // One session serves one set of credentials: its owner never changes them.
        p = PreparedDigest.of(challenge, username, password);
        prepared = p;
      }
      return p.answer(
              method,
              target,
              HexFormat.of().toHexDigits(nonceCount.incrementAndGet()),
              DigestAuthorization.newCnonce(random),
              body)
          .headerValue();
    }

    /** The session's object for a challenge that repeats its nonce: the nonce count goes on. */
    DigestSession renewed(Challenge repeated) {
      return new DigestSession(repeated, nonce, nonceCount);
    }

    /** The nonce count only: never the nonce, the credentials or an answer. */
    @Override
    public String toString() {
      return "DigestSession[nc=" + nonceCount.get() + "]";
    }
  }

  private volatile DigestSession digest;
  private volatile boolean preemptiveDigest;
  private volatile boolean basic;
  private volatile boolean usedDigest;
  private final AtomicBoolean warnedPlainHttp = new AtomicBoolean();

  private int failures;
  private Instant firstFailure;

  /** The Digest session to answer preemptively with, or null. */
  public DigestSession digest() {
    return preemptiveDigest ? digest : null;
  }

  /**
   * The session for a challenge: the current one when the phone repeats its nonce (so nonce counts
   * go on rising and are never replayed), else a new one starting at 1.
   */
  public DigestSession sessionFor(Challenge challenge) {
    DigestSession current = digest;
    if (current != null
        && current.nonce().equals(challenge.param("nonce").orElse(""))
        && current.challenge().param("realm").equals(challenge.param("realm"))) {
      return current.renewed(challenge);
    }
    return DigestSession.of(challenge);
  }

  /** Whether the phone's last accepted scheme was Basic. */
  public boolean basic() {
    return basic;
  }

  /** Whether this phone ever asked for Digest. */
  public boolean usedDigest() {
    return usedDigest;
  }

  /** Remembers a Digest challenge for preemptive answers. */
  public void useDigest(DigestSession session) {
    digest = session;
    preemptiveDigest = true;
    basic = false;
    usedDigest = true;
  }

  /** Remembers that the phone takes Basic. */
  public void useBasic() {
    preemptiveDigest = false;
    basic = true;
  }

  /** Forgets the preemptive answer (after the phone refused it). */
  public void forgetPreemptive() {
    preemptiveDigest = false;
    basic = false;
  }

  /** True the first time only: for a warning logged once per phone. */
  public boolean firstPlainHttpDigest() {
    return warnedPlainHttp.compareAndSet(false, true);
  }

  /** Records a refused login at {@code now}; failures older than {@code window} start anew. */
  public synchronized void failed(Instant now, Duration window) {
    if (firstFailure == null || now.isAfter(firstFailure.plus(window))) {
      failures = 0;
      firstFailure = now;
    }
    failures++;
  }

  /** Records an accepted login. */
  public synchronized void succeeded() {
    failures = 0;
    firstFailure = null;
  }

  /**
   * When calls may contact the phone again, or null if they may now: after {@code threshold}
   * failures within {@code window}.
   */
  public synchronized Instant lockedUntil(Instant now, int threshold, Duration window) {
    if (failures < threshold) {
      return null;
    }
    Instant until = firstFailure.plus(window);
    return now.isBefore(until) ? until : null;
  }
}
