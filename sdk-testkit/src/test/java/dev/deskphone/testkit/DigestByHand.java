package dev.deskphone.testkit;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The client side of RFC 7616 Digest written out in the test, for the fake to check. */
final class DigestByHand {
  private static final Pattern PARAM = Pattern.compile("([A-Za-z]+)=(?:\"([^\"]*)\"|([^,\\s]+))");

  private DigestByHand() {}

  /** The parameters of one {@code WWW-Authenticate: Digest ...} value. */
  static Map<String, String> challenge(String header) {
    if (!header.startsWith("Digest ")) {
      throw new IllegalArgumentException("not a Digest challenge: " + header);
    }
    Map<String, String> out = new HashMap<>();
    Matcher m = PARAM.matcher(header.substring(7));
    while (m.find()) {
      out.put(m.group(1), m.group(2) != null ? m.group(2) : m.group(3));
    }
    return out;
  }

  /** The first Digest challenge of a 401. */
  static Map<String, String> challenge(HttpResponse<?> unauthorized) {
    return challenge(unauthorized.headers().firstValue("WWW-Authenticate").orElseThrow());
  }

  /** GETs {@code target} as {@code admin} with {@code password}, answering {@code challenge}. */
  static HttpResponse<String> get(
      FakeSnomPhone fake, String target, String password, Map<String, String> challenge, int nc)
      throws IOException, InterruptedException {
    return RawHttp.get(
        fake, target, "Authorization", authorization("admin", password, target, challenge, nc));
  }

  /** An {@code Authorization} value answering {@code challenge} for {@code GET uri}. */
  static String authorization(
      String user, String password, String uri, Map<String, String> challenge, int nc) {
    String algorithm = challenge.getOrDefault("algorithm", "MD5");
    String realm = challenge.get("realm");
    String nonce = challenge.get("nonce");
    String ncText = String.format("%08x", nc);
    String cnonce = "0a4f113b";
    String ha1 = hash(algorithm, user + ":" + realm + ":" + password);
    String ha2 = hash(algorithm, "GET:" + uri);
    String response =
        hash(algorithm, ha1 + ":" + nonce + ":" + ncText + ":" + cnonce + ":auth:" + ha2);
    return "Digest username=\""
        + user
        + "\", realm=\""
        + realm
        + "\", nonce=\""
        + nonce
        + "\", uri=\""
        + uri
        + "\", algorithm="
        + algorithm
        + ", qop=auth, nc="
        + ncText
        + ", cnonce=\""
        + cnonce
        + "\", response=\""
        + response
        + "\", opaque=\""
        + challenge.get("opaque")
        + "\"";
  }

  static String hash(String algorithm, String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalArgumentException(algorithm, e);
    }
  }
}
