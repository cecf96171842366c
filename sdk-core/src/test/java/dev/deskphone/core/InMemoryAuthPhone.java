package dev.deskphone.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A phone's authentication as a transport, in memory: answers 401 with the configured challenges
 * and checks Digest (computed here with MessageDigest, independently of the SDK) or Basic. Counts
 * every delivery and refuses a replayed nonce count. Thread-safe.
 */
final class InMemoryAuthPhone implements PhoneTransport {
  private static final Pattern PARAM =
      Pattern.compile("([A-Za-z0-9*]+)\\s*=\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|([^,\\s]+))");

  final String realm;
  volatile String user;
  volatile String password;

  /** Each entry one WWW-Authenticate header; {nonce} is replaced with the current nonce. */
  volatile List<String> challenges;

  final List<PhoneRequest> deliveries = new CopyOnWriteArrayList<>();
  private final AtomicInteger nonces = new AtomicInteger();
  private volatile String nonce;
  private final Map<String, Set<String>> seenNc = new HashMap<>();
  private volatile boolean nextStale;

  InMemoryAuthPhone(String realm, String user, String password, String... challenges) {
    this.realm = realm;
    this.user = user;
    this.password = password;
    this.challenges = List.of(challenges);
    rotateNonce();
  }

  /** A new nonce; answers with the old one are refused (with stale=true if asked). */
  void rotateNonce() {
    nonce = realm.hashCode() + "-n" + nonces.incrementAndGet();
  }

  /** The next challenge after a refused old nonce says stale=true. */
  void expireNonceAsStale() {
    rotateNonce();
    nextStale = true;
  }

  String nonce() {
    return nonce;
  }

  List<Optional<String>> authorizations() {
    return deliveries.stream().map(r -> r.headers().firstValue("Authorization")).toList();
  }

  @Override
  public CompletableFuture<PhoneResponse> send(PhoneRequest request) {
    deliveries.add(request);
    Optional<String> auth = request.headers().firstValue("Authorization");
    if (auth.isPresent() && accepted(auth.get(), request)) {
      return CompletableFuture.completedFuture(
          PhoneResponse.of(200, PhoneHeaders.empty(), new byte[0]));
    }
    PhoneHeaders.Builder headers = PhoneHeaders.builder();
    boolean stale = nextStale;
    nextStale = false;
    for (String c : challenges) {
      String value = c.replace("{nonce}", nonce).replace("{realm}", realm);
      if (stale && value.startsWith("Digest")) {
        value += ", stale=true";
      }
      headers.add("WWW-Authenticate", value);
    }
    return CompletableFuture.completedFuture(PhoneResponse.of(401, headers.build(), new byte[0]));
  }

  private boolean accepted(String authorization, PhoneRequest request) {
    if (authorization.startsWith("Basic ")) {
      String expected =
          Base64.getEncoder()
              .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
      return challenges.stream().anyMatch(c -> c.startsWith("Basic"))
          && authorization.substring(6).equals(expected);
    }
    if (!authorization.startsWith("Digest ")) {
      return false;
    }
    Map<String, String> p = new HashMap<>();
    Matcher m = PARAM.matcher(authorization.substring(7));
    while (m.find()) {
      p.put(m.group(1).toLowerCase(), m.group(3) != null ? m.group(3) : m.group(4));
    }
    String algorithm = p.getOrDefault("algorithm", "MD5");
    String javaName =
        switch (algorithm) {
          case "MD5" -> "MD5";
          case "SHA-256" -> "SHA-256";
          default -> null;
        };
    if (javaName == null
        || !user.equals(p.get("username"))
        || !realm.equals(p.get("realm"))
        || !nonce.equals(p.get("nonce"))
        || !request.target().equals(p.get("uri"))) {
      return false;
    }
    String nc = p.get("nc");
    synchronized (seenNc) {
      if (nc == null || !seenNc.computeIfAbsent(nonce, k -> new HashSet<>()).add(nc)) {
        return false; // replayed nonce count
      }
    }
    String ha1 = h(javaName, user + ":" + realm + ":" + password);
    String ha2 = h(javaName, request.method() + ":" + p.get("uri"));
    String expected =
        h(javaName, ha1 + ":" + nonce + ":" + nc + ":" + p.get("cnonce") + ":auth:" + ha2);
    return expected.equals(p.get("response")) && "auth".equals(p.get("qop"));
  }

  private static String h(String algorithm, String text) {
    try {
      byte[] d = MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder();
      for (byte b : d) {
        hex.append(String.format("%02x", b));
      }
      return hex.toString();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  List<String> deliveredTargets() {
    List<String> targets = new ArrayList<>();
    deliveries.forEach(r -> targets.add(r.target()));
    return targets;
  }
}
