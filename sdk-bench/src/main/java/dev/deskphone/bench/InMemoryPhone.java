package dev.deskphone.bench;

import dev.deskphone.core.Credentials;
import dev.deskphone.core.PhoneAuth;
import dev.deskphone.core.PhoneHeaders;
import dev.deskphone.core.PhoneRequest;
import dev.deskphone.core.PhoneResponse;
import dev.deskphone.core.PhoneTransport;
import dev.deskphone.snom.SnomPhone;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A phone answered in memory, without a socket: a transport that challenges a request without
 * {@code Authorization} (Basic or Digest, as asked) and answers any other with 200. It leaves only
 * the SDK's own work per press to time: building and checking the command, authenticating, reading
 * the answer.
 */
final class InMemoryPhone implements PhoneTransport {
  private static final byte[] OK = "<html>OK</html>".getBytes(StandardCharsets.US_ASCII);
  private static final PhoneHeaders HTML = PhoneHeaders.of("Content-Type", "text/html");

  private final String challenge;

  private InMemoryPhone(String challenge) {
    this.challenge = challenge;
  }

  /** A client of an in-memory phone wanting {@code auth}: none, basic or digest. */
  static SnomPhone client(String auth) {
    String challenge =
        switch (auth) {
          case "none" -> null;
          case "basic" -> "Basic realm=\"snom\"";
          case "digest" ->
              "Digest realm=\"snom\", nonce=\"0123456789abcdef\", qop=\"auth\", algorithm=MD5";
          default -> throw new IllegalArgumentException("auth must be none, basic or digest");
        };
    // A port of its own for each kind, for messages. Nothing listens there; no byte leaves the
    // process.
    int port = 1 + List.of("none", "basic", "digest").indexOf(auth);
    SnomPhone.Builder b =
        SnomPhone.builder()
            .uri(URI.create("http://127.0.0.1:" + port))
            .transport(new InMemoryPhone(challenge));
    if (challenge != null) {
      b.auth(PhoneAuth.of(Credentials.of("admin", "secret")).allowingBasicOverHttp());
    }
    return b.build();
  }

  @Override
  public CompletableFuture<PhoneResponse> send(PhoneRequest request) {
    return CompletableFuture.completedFuture(sendAndWait(request));
  }

  @Override
  public PhoneResponse sendAndWait(PhoneRequest request) {
    if (challenge != null && request.headers().firstValue("Authorization").isEmpty()) {
      return PhoneResponse.of(401, PhoneHeaders.of("WWW-Authenticate", challenge), new byte[0]);
    }
    return PhoneResponse.of(200, HTML, OK);
  }
}
