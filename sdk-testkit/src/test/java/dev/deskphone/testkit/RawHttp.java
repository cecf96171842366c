package dev.deskphone.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Requests written by hand for the fake's tests: the JDK client, or bytes on a socket. */
final class RawHttp {
  static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private RawHttp() {}

  /** GETs {@code target} (raw path and query) with header name/value pairs. */
  static HttpResponse<String> get(FakeSnomPhone fake, String target, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(fake.uri() + target.substring(1)))
            .timeout(Duration.ofSeconds(10));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Sends {@code method} to {@code target} (raw path and query) with {@code body}, as {@code
   * contentType} unless that is null.
   */
  static HttpResponse<String> send(
      FakeSnomPhone fake, String method, String target, String contentType, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(fake.uri() + target.substring(1)))
            .timeout(Duration.ofSeconds(10))
            .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** GETs {@code target} and returns the status. */
  static int status(FakeSnomPhone fake, String target) throws IOException, InterruptedException {
    return get(fake, target).statusCode();
  }

  /**
   * Writes {@code requestLine} and a Host header on a new connection, reads until the server closes
   * (Connection: close), returns what came back.
   */
  static String socket(FakeSnomPhone fake, String requestLine) throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), fake.uri().getPort())) {
      s.setSoTimeout(10_000);
      String request = requestLine + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
      s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      s.getOutputStream().flush();
      InputStream in = s.getInputStream();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toString(StandardCharsets.ISO_8859_1);
    }
  }
}
