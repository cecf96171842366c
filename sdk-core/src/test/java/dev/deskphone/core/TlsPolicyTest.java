package dev.deskphone.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TlsPolicyTest {
  private static final HeldCertificate PHONE_BY_NAME =
      new HeldCertificate.Builder()
          .commonName("phone.example")
          .addSubjectAlternativeName("phone.example")
          .build();
  private static final HeldCertificate PHONE_BY_IP =
      new HeldCertificate.Builder()
          .commonName("127.0.0.1")
          .addSubjectAlternativeName("127.0.0.1")
          .build();

  // --- pinned: behaviour over a real handshake ---

  @Test
  void pinnedAcceptsItsCertificateNamingOnlyAHostNameWhenConnectingByIp() throws Exception {
    TlsPolicy policy = TlsPolicy.pinned(fingerprint(PHONE_BY_NAME.certificate()));
    try (JdkTestServer server = JdkTestServer.https(TlsPolicyTest::ok, PHONE_BY_NAME)) {
      HttpResponse<String> response = get(server, policy);

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("ok");
    }
  }

  @Test
  void pinnedAcceptsAnExpiredCertificate() throws Exception {
    long day = TimeUnit.DAYS.toMillis(1);
    long now = System.currentTimeMillis();
    HeldCertificate expired =
        new HeldCertificate.Builder()
            .commonName("old.phone")
            .validityInterval(now - 3650 * day, now - 365 * day)
            .build();
    try (JdkTestServer server = JdkTestServer.https(TlsPolicyTest::ok, expired)) {
      HttpResponse<String> response =
          get(server, TlsPolicy.pinned(fingerprint(expired.certificate())));

      assertThat(response.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void pinnedRejectsAnotherCertificateNamingBothFingerprints() throws Exception {
    String expected = fingerprint(PHONE_BY_IP.certificate());
    String presented = fingerprint(PHONE_BY_NAME.certificate());
    try (JdkTestServer server = JdkTestServer.https(TlsPolicyTest::ok, PHONE_BY_NAME)) {
      Throwable thrown = catchThrowable(() -> get(server, TlsPolicy.pinned(expected)));

      assertThat(thrown).isInstanceOf(SSLHandshakeException.class);
      assertThat(messages(thrown)).anySatisfy(m -> assertThat(m).contains(presented, expected));
    }
  }

  // --- pinned: fingerprint forms ---

  @Test
  void everyAcceptedFingerprintFormParsesToTheSamePin() {
    byte[] digest = sha256(PHONE_BY_NAME.certificate());
    String colons = fingerprint(PHONE_BY_NAME.certificate());
    String plain = colons.replace(":", "");
    List<String> forms =
        List.of(
            colons,
            plain,
            plain.toLowerCase(Locale.ROOT),
            colons.toLowerCase(Locale.ROOT),
            "sha256 Fingerprint=" + colons,
            "SHA256 Fingerprint=" + colons,
            "  SHA256 Fingerprint=" + colons + "\n",
            "sha256/" + plain,
            "sha256/" + plain.toLowerCase(Locale.ROOT),
            "sha256/" + Base64.getEncoder().encodeToString(digest));
    TlsPolicy reference = TlsPolicy.pinned(colons);

    assertThat(reference).hasToString("TlsPolicy[pinned sha256 " + colons + "]");
    assertThat(forms)
        .allSatisfy(
            form -> {
              TlsPolicy policy = TlsPolicy.pinned(form);
              assertThat(policy).as(form).isEqualTo(reference).hasSameHashCodeAs(reference);
              assertThat(policy).as(form).hasToString(reference.toString());
            });
  }

  @Test
  void base64PinWorksOverAHandshake() throws Exception {
    String pin =
        "sha256/" + Base64.getEncoder().encodeToString(sha256(PHONE_BY_NAME.certificate()));
    try (JdkTestServer server = JdkTestServer.https(TlsPolicyTest::ok, PHONE_BY_NAME)) {
      assertThat(get(server, TlsPolicy.pinned(pin)).statusCode()).isEqualTo(200);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "AB:CD",
        // 31 bytes, 33 bytes
        "000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E",
        "000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F20",
        // 64 characters, one of them not hex
        "000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1G",
        // colons in the wrong places
        "000:102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F",
        "00:01:02:03:04:05:06:07:08:09:0A:0B:0C:0D:0E:0F:10:11:12:13:14:15:16:17:18:19:1A:1B:1C:1D:1E",
        "sha1/2jmj7l5rSw0yVb/vlWAYkK/YBwk=",
        "SHA1 Fingerprint=DA:39:A3:EE:5E:6B:4B:0D:32:55:BF:EF:95:60:18:90:AF:D8:07:09",
        "sha256/",
        "sha256/2jmj7l5rSw0yVb/vlWAYkK/YBwk=",
        "sha256/47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuF",
        "sha256/47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU=",
        "sha256/00:01:02:03:04:05:06:07:08:09:0A:0B:0C:0D:0E:0F:10:11:12:13:14:15:16:17:18:19:1A",
        "sha256 Fingerprint=",
        "pin-sha256=\"47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\""
      })
  void malformedFingerprintIsRejectedNamingTheInput(String input) {
    assertThatThrownBy(() -> TlsPolicy.pinned(input))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"" + input + "\"")
        .hasMessageContaining("sha256/")
        .hasMessageContaining("openssl x509");
  }

  @Test
  void veryLongFingerprintIsQuotedShortened() {
    String input = "A".repeat(10_000);

    assertThatThrownBy(() -> TlsPolicy.pinned(input))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("A".repeat(120) + "...(10000)")
        .hasMessageNotContaining("A".repeat(121));
  }

  @Test
  void nullFingerprintIsRejected() {
    assertThatThrownBy(() -> TlsPolicy.pinned(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("fingerprint");
  }

  // --- trustStore ---

  @Test
  void trustStoreAcceptsServerSignedByAnchorAndNamingTheIp() throws Exception {
    HeldCertificate root = root("Deskphone Test Root");
    HeldCertificate leaf = signedBy(root, "127.0.0.1");
    try (JdkTestServer server = JdkTestServer.https(TlsPolicyTest::ok, leaf)) {
      HttpResponse<String> response = get(server, TlsPolicy.trustStore(storeOf(root)));

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("ok");
    }
  }

  @Test
  void trustStoreKeepsIpVerification() throws Exception {
    HeldCertificate root = root("Deskphone Test Root");
    HeldCertificate leaf = signedBy(root, "phone.example");
    try (JdkTestServer server = JdkTestServer.https(TlsPolicyTest::ok, leaf)) {
      Throwable thrown = catchThrowable(() -> get(server, TlsPolicy.trustStore(storeOf(root))));

      assertThat(thrown).isInstanceOf(SSLHandshakeException.class);
      assertThat(causes(thrown))
          .anySatisfy(
              cause ->
                  assertThat(cause)
                      .isInstanceOf(CertificateException.class)
                      .hasMessageContaining("127.0.0.1"));
    }
  }

  @Test
  void trustStoreRejectsServerSignedByAnotherRoot() throws Exception {
    HeldCertificate trusted = root("Trusted Root");
    HeldCertificate leaf = signedBy(root("Other Root"), "127.0.0.1");
    try (JdkTestServer server = JdkTestServer.https(TlsPolicyTest::ok, leaf)) {
      Throwable thrown = catchThrowable(() -> get(server, TlsPolicy.trustStore(storeOf(trusted))));

      assertThat(thrown).isInstanceOf(SSLHandshakeException.class);
      assertThat(causes(thrown)).anyMatch(CertPathBuilderException.class::isInstance);
    }
  }

  @Test
  void trustStoreCopiesTheAnchorsSoLaterChangesDoNotMatter() throws Exception {
    HeldCertificate root = root("Deskphone Test Root");
    KeyStore store = storeOf(root);
    TlsPolicy policy = TlsPolicy.trustStore(store);
    store.deleteEntry("root");
    store.setCertificateEntry("other", root("Other Root").certificate());

    try (JdkTestServer server =
        JdkTestServer.https(TlsPolicyTest::ok, signedBy(root, "127.0.0.1"))) {
      assertThat(get(server, policy).statusCode()).isEqualTo(200);
    }
    assertThat(policy).hasToString("TlsPolicy[trustStore CN=Deskphone Test Root]");
  }

  @Test
  void trustStoreWithoutTrustedCertificateEntryIsRejected() throws Exception {
    KeyStore empty = KeyStore.getInstance("PKCS12");
    empty.load(null, null);
    KeyStore keyOnly = KeyStore.getInstance("PKCS12");
    keyOnly.load(null, null);
    keyOnly.setKeyEntry(
        "key",
        PHONE_BY_IP.keyPair().getPrivate(),
        "secret".toCharArray(),
        new X509Certificate[] {PHONE_BY_IP.certificate()});

    assertThatThrownBy(() -> TlsPolicy.trustStore(empty))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no trusted X.509 certificate");
    assertThatThrownBy(() -> TlsPolicy.trustStore(keyOnly))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no trusted X.509 certificate");
  }

  @Test
  void unloadedTrustStoreIsRejected() throws Exception {
    KeyStore unloaded = KeyStore.getInstance("PKCS12");

    assertThatThrownBy(() -> TlsPolicy.trustStore(unloaded))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not loaded");
    assertThatThrownBy(() -> TlsPolicy.trustStore(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("keyStore");
  }

  // --- system ---

  @Test
  void systemRejectsSelfSignedLoopbackServer() throws Exception {
    try (JdkTestServer server = JdkTestServer.https(TlsPolicyTest::ok, PHONE_BY_IP)) {
      Throwable thrown = catchThrowable(() -> get(server, TlsPolicy.system()));

      assertThat(thrown).isInstanceOf(SSLHandshakeException.class);
      assertThat(causes(thrown)).anyMatch(CertPathBuilderException.class::isInstance);
    }
  }

  // --- contexts and JVM-wide state ---

  @Test
  void policiesChangeNoJvmWideState() throws Exception {
    SSLContext defaultBefore = SSLContext.getDefault();
    Object socketFactoryBefore = HttpsURLConnection.getDefaultSSLSocketFactory();
    Object verifierBefore = HttpsURLConnection.getDefaultHostnameVerifier();

    HeldCertificate root = root("Deskphone Test Root");
    List<TlsPolicy> policies =
        List.of(
            TlsPolicy.system(),
            TlsPolicy.pinned(fingerprint(PHONE_BY_NAME.certificate())),
            TlsPolicy.trustStore(storeOf(root)));
    List<SSLContext> contexts = new ArrayList<>();
    for (TlsPolicy policy : policies) {
      contexts.add(policy.sslContext());
    }
    try (JdkTestServer server = JdkTestServer.https(TlsPolicyTest::ok, PHONE_BY_NAME)) {
      assertThat(get(server, policies.get(1)).statusCode()).isEqualTo(200);
    }

    assertThat(SSLContext.getDefault()).isSameAs(defaultBefore);
    assertThat(HttpsURLConnection.getDefaultSSLSocketFactory()).isSameAs(socketFactoryBefore);
    assertThat(HttpsURLConnection.getDefaultHostnameVerifier()).isSameAs(verifierBefore);
    assertThat(contexts).doesNotContain(defaultBefore);
  }

  @Test
  void everyCallReturnsANewTlsContext() {
    TlsPolicy policy = TlsPolicy.pinned(fingerprint(PHONE_BY_NAME.certificate()));

    SSLContext first = policy.sslContext();
    SSLContext second = policy.sslContext();

    assertThat(first).isNotSameAs(second);
    assertThat(first.getProtocol()).isEqualTo("TLS");
    assertThat(TlsPolicy.system().sslContext()).isNotSameAs(TlsPolicy.system().sslContext());
  }

  // --- values ---

  @Test
  void equalityFollowsWhatIsTrusted() throws Exception {
    HeldCertificate root = root("Deskphone Test Root");
    TlsPolicy pinnedName = TlsPolicy.pinned(fingerprint(PHONE_BY_NAME.certificate()));
    TlsPolicy pinnedIp = TlsPolicy.pinned(fingerprint(PHONE_BY_IP.certificate()));
    TlsPolicy store = TlsPolicy.trustStore(storeOf(root));

    assertThat(TlsPolicy.system()).isEqualTo(TlsPolicy.system()).hasToString("TlsPolicy[system]");
    assertThat(pinnedName).isNotEqualTo(pinnedIp).isNotEqualTo(TlsPolicy.system());
    assertThat(store)
        .isEqualTo(TlsPolicy.trustStore(storeOf(root)))
        .hasSameHashCodeAs(TlsPolicy.trustStore(storeOf(root)))
        .isNotEqualTo(TlsPolicy.trustStore(storeOf(root("Other Root"))))
        .isNotEqualTo(TlsPolicy.system())
        .isNotEqualTo(pinnedName)
        .isNotEqualTo("TlsPolicy[trustStore CN=Deskphone Test Root]");
  }

  // --- helpers ---

  private static HeldCertificate root(String name) {
    return new HeldCertificate.Builder().certificateAuthority(0).commonName(name).build();
  }

  private static HeldCertificate signedBy(HeldCertificate issuer, String subjectAltName) {
    return new HeldCertificate.Builder()
        .signedBy(issuer)
        .commonName(subjectAltName)
        .addSubjectAlternativeName(subjectAltName)
        .build();
  }

  private static KeyStore storeOf(HeldCertificate root) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setCertificateEntry("root", root.certificate());
    return store;
  }

  private static byte[] sha256(X509Certificate certificate) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** The fingerprint as openssl prints it, computed independently of the code under test. */
  private static String fingerprint(X509Certificate certificate) {
    StringJoiner hex = new StringJoiner(":");
    for (byte b : sha256(certificate)) {
      hex.add(String.format("%02X", b));
    }
    return hex.toString();
  }

  private static List<Throwable> causes(Throwable thrown) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = thrown; t != null && !chain.contains(t); t = t.getCause()) {
      chain.add(t);
    }
    return chain;
  }

  private static List<String> messages(Throwable thrown) {
    return causes(thrown).stream().map(String::valueOf).toList();
  }

  private static void ok(HttpExchange exchange) throws IOException {
    byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
  }

  /** GETs the server's root with a fresh HTTP/1.1 client using {@code policy}. */
  private static HttpResponse<String> get(JdkTestServer server, TlsPolicy policy)
      throws IOException, InterruptedException {
    HttpClient client =
        HttpClient.newBuilder()
            .sslContext(policy.sslContext())
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    return client.send(
        HttpRequest.newBuilder(server.uri("/")).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
