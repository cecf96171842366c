package dev.deskphone.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HeadInputTest {

  /** Hands out at most 3 bytes per read, as a slow socket does. */
  private static InputStream trickle(byte[] data) {
    return new ByteArrayInputStream(data) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 3));
      }
    };
  }

  @Test
  void bytesSingleAndInBlocksComeOutInOrderAcrossRefillsThenEof() throws IOException {
    byte[] data = new byte[20_000];
    new Random(7).nextBytes(data);
    InputStream in = new HeadInput(trickle(data));
    byte[] out = new byte[data.length];
    int n = 0;
    while (n < 10) {
      out[n++] = (byte) in.read();
    }
    while (n < data.length) {
      int r = in.read(out, n, Math.min(9_000, data.length - n));
      assertThat(r).isPositive();
      n += r;
    }
    assertThat(out).isEqualTo(data);
    assertThat(in.read()).isEqualTo(-1);
    assertThat(in.read(new byte[4], 0, 4)).isEqualTo(-1);
    assertThat(in.read(new byte[4], 0, 0)).isZero();
  }

  @Test
  void aWholeRequestReadsAsWithAnyBufferedStream() throws IOException {
    byte[] request =
        ("POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello"
                + "GET /y HTTP/1.1\r\nHost: a\r\n\r\n")
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    HeadInput in = new HeadInput(trickle(request));
    RecordedRequest first = HttpRequestReader.read(in, 1, 1);
    RecordedRequest second = HttpRequestReader.read(in, 1, 2);
    assertThat(first.body())
        .isEqualTo("hello".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    assertThat(second.target()).isEqualTo("/y");
    assertThat(HttpRequestReader.read(in, 1, 3)).isNull();
  }

  @Test
  void readLineSpansRefillsDropsCrLfAndKeepsLatin1() throws IOException {
    String longLine = "x".repeat(1_000);
    byte[] data =
        ("GET / HTTP/1.1\r\n" + longLine + "\nGr\u00fc\u00dfe\r\n\r\n")
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    HeadInput in = new HeadInput(trickle(data));
    assertThat(in.readLine(64 * 1024)).isEqualTo("GET / HTTP/1.1");
    assertThat(in.readLine(64 * 1024)).isEqualTo(longLine);
    assertThat(in.readLine(64 * 1024)).isEqualTo("Gr\u00fc\u00dfe");
    assertThat(in.readLine(64 * 1024)).isEmpty();
    assertThat(in.readLine(64 * 1024)).isNull();
  }

  @Test
  void readLineRefusesALineTooLongOrCutOff() {
    HeadInput tooLong = new HeadInput(trickle("abcdefgh\r\n".getBytes()));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> tooLong.readLine(4))
        .isInstanceOf(IOException.class)
        .hasMessage("line too long");
    HeadInput cut = new HeadInput(trickle("abc".getBytes()));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> cut.readLine(64))
        .isInstanceOf(IOException.class)
        .hasMessage("connection closed in the middle of a request");
  }
}
