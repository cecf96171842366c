package dev.deskphone.core.internal.auth;

import dev.deskphone.core.internal.Checks;
import dev.deskphone.core.internal.auth.UnusableChallengeException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * One Digest challenge checked and answered for one set of credentials up to what each request
 * changes, with the arithmetic and header layout of {@link DigestAuthorization} (see there for the
 * rules). Everything the challenge and the credentials decide (algorithm, charset, the offered qop,
 * HA1, the header up to the nonce) is worked out once in {@link #of}; {@link #answer} then hashes
 * only HA2 and the response (and HA1 again for a {@code -sess} algorithm, whose HA1 covers the
 * cnonce).
 *
 * <p>Immutable and thread-safe. It holds HA1, which stands in for the password in this realm, and
 * keeps no other copy of the password; {@link #toString()} shows neither.
 */
public final class PreparedDigest {
  private final DigestHash algorithm;
  private final String nonce;
  private final String ha1;
  private final String headerStart;
  private final String algorithmName;
  private final String opaque;
  private final boolean userhash;
  private final String offeredQop;
  private final boolean offersAuth;
  private final boolean offersAuthInt;

  private PreparedDigest(
      DigestHash algorithm,
      String nonce,
      String ha1,
      String headerStart,
      String algorithmName,
      String opaque,
      boolean userhash,
      String offeredQop) {
    this.algorithm = algorithm;
    this.nonce = nonce;
    this.ha1 = ha1;
    this.headerStart = headerStart;
    this.algorithmName = algorithmName;
    this.opaque = opaque;
    this.userhash = userhash;
    this.offeredQop = offeredQop;
    boolean auth = false;
    boolean authInt = false;
    if (offeredQop != null) {
      for (String option : offeredQop.split(",", -1)) {
        String o = option.trim().toLowerCase(Locale.ROOT);
        auth |= o.equals("auth");
        authInt |= o.equals("auth-int");
      }
    }
    this.offersAuth = auth;
    this.offersAuthInt = authInt;
  }

  /**
   * Checks {@code challenge} and works out what every answer to it with these credentials shares.
   *
   * @param challenge a Digest challenge
   * @param username the username
   * @param password the password
   * @return the prepared answer
   * @throws UnusableChallengeException if the challenge cannot be answered safely; its message
   *     never contains the password
   */
  public static PreparedDigest of(Challenge challenge, String username, String password) {
    if (!challenge.isScheme("Digest")) {
      throw new UnusableChallengeException(
          Reason.WRONG_SCHEME,
          "not a Digest challenge: the scheme is " + Checks.quote(challenge.scheme()));
    }
    String realm = echoable(challenge, "realm").orElseThrow(() -> missing("realm"));
    String nonce = echoable(challenge, "nonce").orElseThrow(() -> missing("nonce"));
    Optional<String> opaque = echoable(challenge, "opaque");
    Optional<String> algorithmName = challenge.param("algorithm");
    DigestHash algorithm =
        DigestHash.of(challenge)
            .orElseThrow(
                () ->
                    new UnusableChallengeException(
                        Reason.UNSUPPORTED_ALGORITHM,
                        "Digest algorithm "
                            + Checks.quote(algorithmName.orElse(""))
                            + " is not supported: MD5, MD5-sess, SHA-256, SHA-256-sess,"
                            + " SHA-512-256 and SHA-512-256-sess are"));
    Optional<String> offeredQop = challenge.param("qop");
    if (offeredQop.isEmpty() && algorithm.isSession()) {
      throw new UnusableChallengeException(
          Reason.UNSUPPORTED_QOP,
          "Digest algorithm "
              + algorithm.wireName()
              + " needs a qop for its cnonce, and the challenge offers none");
    }

    byte[] user = username.getBytes(StandardCharsets.UTF_8);
    byte[] pass = password.getBytes(StandardCharsets.UTF_8);
    MessageDigest md = algorithm.newDigest();
    md.update(user);
    colon(md, realm);
    md.update((byte) ':');
    md.update(pass);
    Arrays.fill(pass, (byte) 0);
    String ha1 = DigestHash.hex(md.digest());

    boolean userhash = challenge.param("userhash").filter("true"::equalsIgnoreCase).isPresent();
    AuthHeaderWriter header = new AuthHeaderWriter("Digest");
    if (userhash) {
      md.update(user);
      colon(md, realm);
      header.quoted("username", DigestHash.hex(md.digest()));
    } else if (isPrintableAscii(username)) {
      header.quoted("username", username);
    } else {
      // java.net.http writes header values as US-ASCII (anything else as '?'), so the one way to
      // carry such a name is RFC 8187's ext-value.
      header.token("username*", AuthHeaderWriter.extValue(username));
    }
    header.quoted("realm", realm).quoted("nonce", nonce);
    return new PreparedDigest(
        algorithm,
        nonce,
        ha1,
        header.build(),
        algorithmName.orElse(null),
        opaque.orElse(null),
        userhash,
        offeredQop.orElse(null));
  }

  /**
   * The answer for one request. The caller vouches for the method (an HTTP token), the target (a
   * raw path and query, printable ASCII) and the cnonce (see {@link
   * DigestAuthorization#newCnonce}).
   *
   * @param method the request method, an HTTP token
   * @param target the request target as sent, without whitespace or control characters
   * @param nc the nonce count as 8 lower-case hex digits
   * @param cnonce a checked client nonce
   * @param body the request body, or null when it is not known (then {@code auth-int} is refused)
   * @throws UnusableChallengeException if no offered qop fits the request
   */
  public DigestAuthorization answer(
      String method, String target, String nc, String cnonce, byte[] body) {
    String qop = chooseQop(body != null);
    MessageDigest md = algorithm.newDigest();
    String sessionHa1 = ha1;
    if (algorithm.isSession()) {
      md.update(wire(ha1));
      colon(md, nonce);
      colon(md, cnonce);
      sessionHa1 = DigestHash.hex(md.digest());
    }
    md.update(wire(method));
    colon(md, target);
    if ("auth-int".equals(qop)) {
      colon(md, algorithm.hash(body));
    }
    String ha2 = DigestHash.hex(md.digest());
    md.update(wire(sessionHa1));
    colon(md, nonce);
    if (qop != null) {
      colon(md, nc);
      colon(md, cnonce);
      colon(md, qop);
    }
    colon(md, ha2);
    String response = DigestHash.hex(md.digest());

    AuthHeaderWriter header = AuthHeaderWriter.resuming(headerStart).quoted("uri", target);
    if (algorithmName != null) {
      // Validated against the known wire names in of(), so it is a token.
      header.token("algorithm", algorithmName);
    }
    header.quoted("response", response);
    if (opaque != null) {
      header.quoted("opaque", opaque);
    }
    if (qop != null) {
      header.token("qop", qop).token("nc", nc).quoted("cnonce", cnonce);
    }
    if (userhash) {
      header.token("userhash", "true");
    }
    return new DigestAuthorization(header.build(), algorithm, qop);
  }

  /** The algorithm, never HA1 or the credentials. */
  @Override
  public String toString() {
    return "PreparedDigest[algorithm=" + algorithm.wireName() + ", ha1=***]";
  }

  private String chooseQop(boolean body) {
    if (offeredQop == null) {
      return null; // RFC 2069 mode; of() refused it for -sess algorithms
    }
    if (offersAuth) {
      return "auth";
    }
    if (offersAuthInt && body) {
      return "auth-int";
    }
    throw new UnusableChallengeException(
        Reason.UNSUPPORTED_QOP,
        offersAuthInt
            ? "the challenge offers only qop auth-int, which needs the request body"
            : "none of the offered qop "
                + Checks.quote(offeredQop)
                + " is supported: auth or auth-int");
  }

  /**
   * A param that will be echoed, refused if it holds a control character other than TAB (it would
   * break the header) or a character beyond ASCII ({@code java.net.http} would send it as {@code
   * ?}, so the echo could never match).
   */
  private static Optional<String> echoable(Challenge challenge, String name) {
    Optional<String> value = challenge.param(name);
    value.ifPresent(
        v -> {
          for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (ChallengeParser.isUnsafe(c)) {
              throw new UnusableChallengeException(
                  Reason.UNSAFE_VALUE,
                  "the challenge's "
                      + name
                      + " holds the control character "
                      + Checks.codePoint(c)
                      + " at index "
                      + i
                      + ": it would break the Authorization header, so it is not echoed");
            }
            if (c > 0x7e) {
              throw new UnusableChallengeException(
                  Reason.UNSAFE_VALUE,
                  "the challenge's "
                      + name
                      + " holds "
                      + Checks.codePoint(c)
                      + " at index "
                      + i
                      + ": header values go as US-ASCII, so it cannot be echoed as the phone sent"
                      + " it");
            }
          }
        });
    return value;
  }

  private static UnusableChallengeException missing(String name) {
    return new UnusableChallengeException(
        Reason.MISSING_PARAMETER, "the Digest challenge has no " + name);
  }

  /** Hashes {@code :} and then {@code value} as it travels. */
  private static void colon(MessageDigest md, String value) {
    md.update((byte) ':');
    md.update(wire(value));
  }

  /**
   * The bytes a value travels as. Echoed params are ASCII (see {@link #echoable}), and so are a
   * request's method and target, so one byte per character.
   */
  private static byte[] wire(String value) {
    return value.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static boolean isPrintableAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c >= 0x7f) {
        return false;
      }
    }
    return true;
  }
}
