package dev.deskphone.core.internal.auth;

import dev.deskphone.core.Credentials;
import dev.deskphone.core.internal.Checks;
import dev.deskphone.core.internal.auth.UnusableChallengeException.Reason;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The arithmetic and header layout of {@link DigestAuthorization}; see there for the rules. */
final class DigestComputation {

  private DigestComputation() {}

  static DigestAuthorization compute(
      Challenge challenge,
      Credentials credentials,
      String method,
      String target,
      String nc,
      String cnonce,
      byte[] body) {
    if (!challenge.isScheme("Digest")) {
      throw new UnusableChallengeException(
          Reason.WRONG_SCHEME,
          "not a Digest challenge: the scheme is " + Checks.quote(challenge.scheme()));
    }
    String realm = echoable(challenge, "realm").orElseThrow(() -> missing("realm"));
    String nonce = echoable(challenge, "nonce").orElseThrow(() -> missing("nonce"));
    Optional<String> opaque = echoable(challenge, "opaque");
    Optional<String> algorithmName = challenge.param("algorithm");
    DigestAlgorithm algorithm =
        DigestAlgorithm.of(challenge)
            .orElseThrow(
                () ->
                    new UnusableChallengeException(
                        Reason.UNSUPPORTED_ALGORITHM,
                        "Digest algorithm "
                            + Checks.quote(algorithmName.orElse(""))
                            + " is not supported: MD5, MD5-sess, SHA-256, SHA-256-sess,"
                            + " SHA-512-256 and SHA-512-256-sess are"));
    String qop = chooseQop(challenge, algorithm, body != null);

    String username = credentials.username();
    String password = credentials.password();
    boolean utf8 =
        challenge.param("charset").filter("UTF-8"::equalsIgnoreCase).isPresent()
            || !isLatin1Quotable(username)
            || !isLatin1(password);
    Charset userCharset = utf8 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
    byte[] user = username.getBytes(userCharset);
    byte[] pass = password.getBytes(userCharset);

    byte[] a1 = join(user, wire(realm), pass);
    String ha1 = algorithm.hash(a1);
    Arrays.fill(a1, (byte) 0);
    Arrays.fill(pass, (byte) 0);
    if (algorithm.isSession()) {
      ha1 = algorithm.hash(join(wire(ha1), wire(nonce), wire(cnonce)));
    }
    String ha2 =
        "auth-int".equals(qop)
            ? algorithm.hash(join(wire(method), wire(target), wire(algorithm.hash(body))))
            : algorithm.hash(join(wire(method), wire(target)));
    String response =
        qop == null
            ? algorithm.hash(join(wire(ha1), wire(nonce), wire(ha2)))
            : algorithm.hash(
                join(wire(ha1), wire(nonce), wire(nc), wire(cnonce), wire(qop), wire(ha2)));

    boolean userhash = challenge.param("userhash").filter("true"::equalsIgnoreCase).isPresent();
    AuthParams header = new AuthParams("Digest");
    if (userhash) {
      header.quoted("username", algorithm.hash(join(user, wire(realm))));
    } else if (utf8 && !isPrintableAscii(username)) {
      header.token("username*", AuthParams.extValue(username));
    } else {
      header.quoted("username", username);
    }
    header.quoted("realm", realm).quoted("nonce", nonce).quoted("uri", target);
    // Validated against the known wire names above, so it is a token.
    algorithmName.ifPresent(name -> header.token("algorithm", name));
    header.quoted("response", response);
    opaque.ifPresent(value -> header.quoted("opaque", value));
    if (qop != null) {
      header.token("qop", qop).token("nc", nc).quoted("cnonce", cnonce);
    }
    if (userhash) {
      header.token("userhash", "true");
    }
    return new DigestAuthorization(header.build(), algorithm, qop);
  }

  private static String chooseQop(Challenge challenge, DigestAlgorithm algorithm, boolean body) {
    Optional<String> offered = challenge.param("qop");
    if (offered.isEmpty()) {
      if (algorithm.isSession()) {
        throw new UnusableChallengeException(
            Reason.UNSUPPORTED_QOP,
            "Digest algorithm "
                + algorithm.wireName()
                + " needs a qop for its cnonce, and the challenge offers none");
      }
      return null;
    }
    Set<String> options =
        Arrays.stream(offered.get().split(",", -1))
            .map(s -> s.trim().toLowerCase(Locale.ROOT))
            .collect(Collectors.toSet());
    if (options.contains("auth")) {
      return "auth";
    }
    if (options.contains("auth-int") && body) {
      return "auth-int";
    }
    throw new UnusableChallengeException(
        Reason.UNSUPPORTED_QOP,
        options.contains("auth-int")
            ? "the challenge offers only qop auth-int, which needs the request body"
            : "none of the offered qop "
                + Checks.quote(offered.get())
                + " is supported: auth or auth-int");
  }

  /** A param that will be echoed, refused if it holds a control character other than TAB. */
  private static Optional<String> echoable(Challenge challenge, String name) {
    Optional<String> value = challenge.param(name);
    value.ifPresent(
        v -> {
          for (int i = 0; i < v.length(); i++) {
            if (ChallengeParser.isUnsafe(v.charAt(i))) {
              throw new UnusableChallengeException(
                  Reason.UNSAFE_VALUE,
                  "the challenge's "
                      + name
                      + " holds the control character "
                      + Checks.codePoint(v.charAt(i))
                      + " at index "
                      + i
                      + ": it would break the Authorization header, so it is not echoed");
            }
          }
        });
    return value;
  }

  private static UnusableChallengeException missing(String name) {
    return new UnusableChallengeException(
        Reason.MISSING_PARAMETER, "the Digest challenge has no " + name);
  }

  /** The bytes a value travels as: ISO-8859-1 when it fits, as java.net.http reads headers. */
  private static byte[] wire(String value) {
    return value.getBytes(isLatin1(value) ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
  }

  private static byte[] join(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        out.write(':');
      }
      out.writeBytes(parts[i]);
    }
    return out.toByteArray();
  }

  private static boolean isLatin1(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 0xff) {
        return false;
      }
    }
    return true;
  }

  /** Printable ASCII or Latin-1 letters and signs: what a quoted-string can carry as ISO-8859-1. */
  private static boolean isLatin1Quotable(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= 0x20 && c < 0x7f) || (c >= 0xa0 && c <= 0xff))) {
        return false;
      }
    }
    return true;
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
