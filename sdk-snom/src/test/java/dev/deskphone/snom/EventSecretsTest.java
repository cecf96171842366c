package dev.deskphone.snom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventSecretsTest {
  /** The bytes 0 to 31. */
  static final byte[] KEY = new byte[32];

  static {
    for (int i = 0; i < KEY.length; i++) {
      KEY[i] = (byte) i;
    }
  }

  @Test
  void theSecretIsTheFirst128BitsOfHmacSha256OfVersionAndPhoneAsBase64Url() {
    // Computed with Python's hmac: hmac.new(bytes(range(32)), b'\x01' + phone, sha256), first 16
    // bytes, urlsafe_b64encode without '='. Pinned: a change would break every configured phone.
    EventSecrets secrets = EventSecrets.of(KEY);

    assertThat(secrets.secretFor("10.0.0.5")).isEqualTo("2ogbVXsyn-ZdbUTWx0maAA");
    assertThat(secrets.secretFor("phone-2")).isEqualTo("IYE7YSdLnCI71DF4pAtQSg");
  }

  @Test
  void matchesOnlyTheExactSecretOfThatPhone() {
    EventSecrets secrets = EventSecrets.of(KEY);
    String mine = secrets.secretFor("10.0.0.5");

    assertThat(secrets.matches("10.0.0.5", mine)).isTrue();
    assertThat(secrets.matches("phone-2", mine)).isFalse();
    assertThat(secrets.matches("10.0.0.5", mine.substring(1))).isFalse();
    assertThat(secrets.matches("10.0.0.5", mine + "A")).isFalse();
    assertThat(secrets.matches("10.0.0.5", "")).isFalse();
    assertThat(EventSecrets.random().matches("10.0.0.5", mine)).isFalse();
  }

  @Test
  void randomKeysDifferAndEqualKeysAgree() {
    assertThat(EventSecrets.random().secretFor("p"))
        .isNotEqualTo(EventSecrets.random().secretFor("p"));
    assertThat(EventSecrets.of(KEY.clone()).secretFor("p"))
        .isEqualTo(EventSecrets.of(KEY).secretFor("p"));
  }

  @Test
  void aShortKeyIsRefused() {
    assertThatThrownBy(() -> EventSecrets.of(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 to 4096 bytes");
  }

  @Test
  void theKeyIsCopiedSoChangingTheArrayLaterChangesNothing() {
    byte[] key = KEY.clone();
    EventSecrets secrets = EventSecrets.of(key);
    key[0] = 42;

    assertThat(secrets.secretFor("10.0.0.5")).isEqualTo("2ogbVXsyn-ZdbUTWx0maAA");
  }

  @Test
  void aCreatedKeyFileIsOwnerOnlyNeverOverwrittenAndReadsBackTheSameKey(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("events.key");
    EventSecrets.createKeyFile(file);
    String content = Files.readString(file).strip();

    assertThat(Base64.getDecoder().decode(content)).hasSize(32);
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
    }
    assertThatThrownBy(() -> EventSecrets.createKeyFile(file))
        .isInstanceOf(FileAlreadyExistsException.class);
    assertThat(Files.readString(file).strip()).isEqualTo(content);
    assertThat(EventSecrets.fromFile(file).secretFor("x"))
        .isEqualTo(EventSecrets.of(Base64.getDecoder().decode(content)).secretFor("x"));
  }

  @Test
  void aKeyFileMayUseEitherAlphabetAndSurroundingWhiteSpace(@TempDir Path dir) throws Exception {
    byte[] key = new byte[32];
    key[0] = (byte) 0xfb; // '+' or '-' in the first character
    key[1] = (byte) 0xff;
    Path standard =
        Files.writeString(
            dir.resolve("a"), "\n " + Base64.getEncoder().encodeToString(key) + " \n");
    Path url =
        Files.writeString(
            dir.resolve("b"), Base64.getUrlEncoder().withoutPadding().encodeToString(key));

    assertThat(EventSecrets.fromFile(standard).secretFor("x"))
        .isEqualTo(EventSecrets.of(key).secretFor("x"))
        .isEqualTo(EventSecrets.fromFile(url).secretFor("x"));
  }

  @Test
  void aBadKeyFileNamesTheFileButNeverItsContent(@TempDir Path dir) throws Exception {
    Path notBase64 = Files.writeString(dir.resolve("bad.key"), "Secret-Sentinel!*");
    Path tooShort =
        Files.write(
            dir.resolve("short.key"),
            Base64.getEncoder().encode("Short-Sentinel".getBytes(StandardCharsets.US_ASCII)));

    assertThatThrownBy(() -> EventSecrets.fromFile(notBase64))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad.key")
        .message()
        .doesNotContain("Sentinel");
    assertThatThrownBy(() -> EventSecrets.fromFile(tooShort))
        .hasMessageContaining("short.key")
        .hasMessageContaining("32 to 4096 bytes")
        .message()
        .doesNotContain("U2hvcnQ");
    assertThatThrownBy(() -> EventSecrets.fromFile(dir.resolve("missing.key")))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("missing.key");
  }

  @Test
  void toStringShowsNoKey() {
    assertThat(EventSecrets.of(KEY).toString())
        .isEqualTo("EventSecrets[HmacSHA256, key not shown]");
  }
}
