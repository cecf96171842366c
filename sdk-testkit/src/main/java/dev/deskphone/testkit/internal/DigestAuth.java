package dev.deskphone.testkit.internal;

import dev.deskphone.testkit.DigestAlgorithm;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The server side of HTTP Digest (RFC 7616, {@code qop=auth}), written for the fake with {@link
 * MessageDigest} and nothing of the SDK's client: one nonce per offered algorithm and challenge,
 * nonces that expire on the injected clock ({@code stale=true} when the credentials were right),
 * {@code nc} that must grow per nonce, an {@code opaque} per boot. Not thread-safe; the owner holds
 * its lock.
 */
public final class DigestAuth {
  private static final HexFormat HEX = HexFormat.of();
  private static final List<String> REQUIRED =
      List.of("realm", "nonce", "uri", "response", "qop", "nc", "cnonce");

  /** How a Digest {@code Authorization} fared. */
  public enum Verdict {
    /** Right credentials, fresh nonce, growing nc. */
    OK,
    /** Right credentials on an expired or forgotten nonce: challenge again with stale=true. */
    STALE,
    /** An nc that does not grow: refused, the credentials may be right. */
    REPLAY,
    /** Wrong or malformed credentials: a failed login. */
    WRONG,
    /** A digest uri other than the request target (RFC 7616: 400). */
    WRONG_URI
  }

  /**
   * A verdict and what was wrong.
   *
   * @param verdict the verdict
   * @param reason why, for the journal of rejections
   */
  public record Result(Verdict verdict, String reason) {}

  private static final class Nonce {
    final DigestAlgorithm algorithm;
    final Instant expires;
    long highestNc;

    Nonce(DigestAlgorithm algorithm, Instant expires) {
      this.algorithm = algorithm;
      this.expires = expires;
    }
  }

  private final String user;
  private final String password;
  private final String realm;
  private final List<DigestAlgorithm> algorithms;
  private final Duration lifetime;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Nonce> nonces = new HashMap<>();
  private final Map<DigestAlgorithm, String> ha1s = new EnumMap<>(DigestAlgorithm.class);
  // One per algorithm, reused: the owner's lock keeps their use to one thread at a time.
  private final Map<DigestAlgorithm, MessageDigest> digests = new EnumMap<>(DigestAlgorithm.class);
  private String opaque;

  /** Digest for one user, offering {@code algorithms} in that order. */
  public DigestAuth(
      String user,
      String password,
      String realm,
      List<DigestAlgorithm> algorithms,
      Duration lifetime,
      Clock clock) {
    this.user = user;
    this.password = password;
    this.realm = realm;
    this.algorithms = List.copyOf(algorithms);
    this.lifetime = lifetime;
    this.clock = clock;
    for (DigestAlgorithm a : this.algorithms) {
      ha1s.put(a, hash(a, user + ":" + realm + ":" + password));
    }
    forget();
  }

  /** Forgets every nonce and takes a new opaque, as a reboot does. */
  public void forget() {
    nonces.clear();
    opaque = token(16);
  }

  /** Expires every nonce given so far; the opaque stays. */
  public void expireNonces() {
    nonces.clear();
  }

  /** One {@code WWW-Authenticate} value per offered algorithm, each with a new nonce. */
  public List<String> challenges(boolean stale) {
    Instant now = clock.instant();
    nonces.values().removeIf(n -> !now.isBefore(n.expires));
    List<String> out = new ArrayList<>();
    for (DigestAlgorithm a : algorithms) {
      String nonce = token(24);
      nonces.put(nonce, new Nonce(a, now.plus(lifetime)));
      out.add(
          "Digest realm=\""
              + realm
              + "\", qop=\"auth\", algorithm="
              + a.token()
              + ", nonce=\""
              + nonce
              + "\", opaque=\""
              + opaque
              + "\""
              + (stale ? ", stale=true" : ""));
    }
    return out;
  }

  /** Checks the parameters of a Digest {@code Authorization} for {@code method} {@code target}. */
  public Result verify(String method, String target, Map<String, String> p) {
    Optional<String> username = username(p);
    if (username.isEmpty()) {
      return wrong("Digest without one username or a well-formed username*");
    }
    for (String name : REQUIRED) {
      if (!p.containsKey(name)) {
        return wrong("Digest without " + name);
      }
    }
    if (!p.get("uri").equals(target)) {
      return new Result(Verdict.WRONG_URI, "digest uri '" + p.get("uri") + "' is not " + target);
    }
    String named = p.getOrDefault("algorithm", "MD5");
    DigestAlgorithm a = null;
    for (DigestAlgorithm offered : algorithms) {
      if (offered.token().equalsIgnoreCase(named)) {
        a = offered;
        break;
      }
    }
    if (a == null) {
      return wrong("algorithm " + named + " was not offered");
    }
    if (!p.get("qop").equals("auth") || !isNc(p.get("nc"))) {
      return wrong("qop must be auth and nc 8 hex digits");
    }
    // The user's own HA1: if another user name was sent, the check below fails on the name anyway.
    String ha1 = ha1s.get(a);
    String ha2 = hash(a, method + ":" + p.get("uri"));
    String expected =
        hash(
            a,
            ha1
                + ":"
                + p.get("nonce")
                + ":"
                + p.get("nc")
                + ":"
                + p.get("cnonce")
                + ":auth:"
                + ha2);
    boolean right =
        username.get().equals(user)
            && p.get("realm").equals(realm)
            && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII),
                p.get("response").toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    if (!right) {
      return wrong("wrong user name or password (Digest " + a.token() + ")");
    }
    Nonce nonce = nonces.get(p.get("nonce"));
    if (nonce == null || !clock.instant().isBefore(nonce.expires)) {
      return new Result(Verdict.STALE, nonce == null ? "unknown nonce" : "expired nonce");
    }
    if (nonce.algorithm != a || !opaque.equals(p.get("opaque"))) {
      return wrong("nonce or opaque not the ones the phone gave with " + a.token());
    }
    long nc = Long.parseLong(p.get("nc"), 16);
    if (nc <= nonce.highestNc) {
      return new Result(
          Verdict.REPLAY, "nc " + p.get("nc") + " not above " + nonce.highestNc + " for its nonce");
    }
    nonce.highestNc = nc;
    return new Result(Verdict.OK, "");
  }

  /**
   * The user name sent: a quoted {@code username} is read as the UTF-8 bytes it arrived as (header
   * text here is one character per byte), as httpd compares it with an htdigest file; {@code
   * username*} is RFC 8187's {@code UTF-8''} ext-value, as RFC 7616 servers such as lighttpd read
   * it. Both at once is malformed.
   */
  private static Optional<String> username(Map<String, String> p) {
    String quoted = p.get("username");
    String ext = p.get("username*");
    if (quoted != null && ext == null) {
      return Optional.of(
          new String(quoted.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }
    if (ext == null || quoted != null || !ext.regionMatches(true, 0, "UTF-8''", 0, 7)) {
      return Optional.empty();
    }
    try {
      // In an ext-value '+' is itself, not a space as in a form.
      return Optional.of(PercentDecoder.decode(ext.substring(7).replace("+", "%2B")));
    } catch (Unintelligible e) {
      return Optional.empty();
    }
  }

  private static boolean isNc(String nc) {
    if (nc.length() != 8) {
      return false;
    }
    for (int i = 0; i < 8; i++) {
      if (!HexFormat.isHexDigit(nc.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static Result wrong(String reason) {
    return new Result(Verdict.WRONG, reason);
  }

  private String hash(DigestAlgorithm a, String text) {
    MessageDigest md = digests.computeIfAbsent(a, DigestAuth::newDigest);
    return HEX.formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static MessageDigest newDigest(DigestAlgorithm a) {
    try {
      return MessageDigest.getInstance(a.jdkName());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has " + a.jdkName(), e);
    }
  }

  private String token(int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return HEX.formatHex(b);
  }
}
