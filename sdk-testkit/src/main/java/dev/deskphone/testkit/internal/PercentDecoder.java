package dev.deskphone.testkit.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes one raw query name or value the way a phone's form handler does: {@code %XX} is a byte,
 * {@code +} is a space, the bytes are UTF-8. Written for the fake alone, sharing nothing with the
 * SDK's encoders. Stateless.
 */
public final class PercentDecoder {
  private PercentDecoder() {}

  /**
   * Decodes {@code raw}.
   *
   * @throws Unintelligible (400) on a bad escape, a raw byte no URL may hold, or invalid UTF-8
   */
  public static String decode(String raw) throws Unintelligible {
    ByteBuffer bytes = ByteBuffer.allocate(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length()) {
          throw Unintelligible.malformed("truncated %-escape in '" + raw + "'");
        }
        int hi = Character.digit(raw.charAt(i + 1), 16);
        int lo = Character.digit(raw.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          throw Unintelligible.malformed("bad %-escape in '" + raw + "'");
        }
        bytes.put((byte) (hi << 4 | lo));
        i += 2;
      } else if (c == '+') {
        bytes.put((byte) ' ');
      } else if (c <= ' ' || c >= 0x7f || c == '#') {
        throw Unintelligible.malformed(
            "character U+" + String.format("%04X", (int) c) + " not allowed unencoded in a URL");
      } else {
        bytes.put((byte) c);
      }
    }
    bytes.flip();
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bytes)
          .toString();
    } catch (CharacterCodingException e) {
      throw Unintelligible.malformed("not UTF-8 after decoding: '" + raw + "'");
    }
  }
}
