package dev.deskphone.core;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A phone's complete answer as a {@link PhoneTransport} returns it. Any status, 1xx to 5xx, is a
 * value here, redirects included: what a status means is the vendor layer's decision. Immutable and
 * thread-safe.
 */
public final class PhoneResponse {
  private final int status;
  private final PhoneHeaders headers;
  private final byte[] body;

  private PhoneResponse(int status, PhoneHeaders headers, byte[] body) {
    if (status < 100 || status > 999) {
      throw new IllegalArgumentException("status must be a 3-digit HTTP status, was " + status);
    }
    this.status = status;
    this.headers = Objects.requireNonNull(headers, "headers");
    this.body = body;
  }

  /**
   * A response.
   *
   * @param status the status code, 100 to 999
   * @param headers the response headers
   * @param body the body bytes (copied)
   * @return the response
   */
  public static PhoneResponse of(int status, PhoneHeaders headers, byte[] body) {
    return new PhoneResponse(status, headers, Objects.requireNonNull(body, "body").clone());
  }

  /** {@return the status code} */
  public int status() {
    return status;
  }

  /** {@return whether the status is 2xx} */
  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  /** {@return the response headers} */
  public PhoneHeaders headers() {
    return headers;
  }

  /**
   * {@return the first value of header {@code name}, if present}
   *
   * @param name the header field name
   */
  public Optional<String> header(String name) {
    return headers.firstValue(name);
  }

  /** {@return a copy of the body bytes} */
  public byte[] body() {
    return body.clone();
  }

  /** {@return the body length in bytes} */
  public int bodyLength() {
    return body.length;
  }

  /**
   * The body as text, decoded with the {@code charset} of {@code Content-Type}, else UTF-8.
   * Malformed input is replaced, never thrown.
   *
   * @return the text
   */
  public String bodyText() {
    return new String(body, charset());
  }

  private Charset charset() {
    String type = headers.firstValue("Content-Type").orElse("");
    for (String param : type.split(";")) {
      String p = param.trim();
      if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
        String name = p.substring(8).trim().replace("\"", "");
        try {
          return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
          return StandardCharsets.UTF_8;
        }
      }
    }
    return StandardCharsets.UTF_8;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PhoneResponse r
        && status == r.status
        && headers.equals(r.headers)
        && Arrays.equals(body, r.body);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * status + headers.hashCode()) + Arrays.hashCode(body);
  }

  @Override
  public String toString() {
    return "PhoneResponse[" + status + ", " + body.length + " bytes]";
  }
}
