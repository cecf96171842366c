package dev.deskphone.snom;

import dev.deskphone.core.internal.Checks;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An input field; when the user confirms, the phone fetches a URL with the entered text in place of
 * a token: {@code <SnomIPPhoneInput><Title>T</Title><Prompt>P</Prompt><URL>U with
 * __X__</URL><InputItem><DisplayName>D</DisplayName><InputToken>__X__</InputToken>
 * <DefaultValue>V</DefaultValue><InputFlags>t</InputFlags></InputItem>...}.
 *
 * <pre>{@code
 * MinibrowserInput.builder()
 *     .url(URI.create("https://apps.example/forward?to=__X__")).token("__X__")
 *     .displayName("Forward to").fieldType(MinibrowserInput.FieldType.TELEPHONE).build();
 * }</pre>
 *
 * <p>From the vendor (service.snom.com "SnomIPPhoneInput"; Snomio/Documentation {@code
 * main_tags/SnomIPPhoneInput.md}, {@code examples/xml/SnomIPPhoneInput.xml}): every occurrence of
 * {@code InputToken} in the URL is replaced by the text entered (so the token must occur in it, and
 * should occur nowhere else by chance: the vendor warns against one token containing another);
 * {@code DisplayName} heads the field and is shown as the title, so {@code Title} has no effect;
 * {@code DefaultValue} is pre-filled (and shown as {@code *}s for the password types); {@code
 * InputFlags} picks the {@link FieldType}, text when absent. The reference page names the element
 * {@code URL}, the examples write {@code Url}: this writes {@code URL} and reads both. Whether and
 * how the phone percent-encodes the entered text before it puts it into the URL is unverified: the
 * server must treat it as untrusted input. {@code Prompt} is not on the current pages: whether a
 * phone shows it here is unverified.
 *
 * <p>Immutable and thread-safe.
 */
public final class MinibrowserInput extends MinibrowserDocument {
  static final String ROOT = "SnomIPPhoneInput";
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_]{1,32}");

  /** The kind of text the field takes ({@code InputFlags}). */
  public enum FieldType {
    /** Any text ({@code a}); the phone's default. */
    TEXT("a"),
    /** A telephone number ({@code t}). */
    TELEPHONE("t"),
    /** A number ({@code n}). */
    NUMBER("n"),
    /** A number with text ({@code e}). */
    NUMBER_WITH_TEXT("e"),
    /** Upper-case text ({@code u}). */
    UPPERCASE("u"),
    /** Lower-case text ({@code l}). */
    LOWERCASE("l"),
    /** A password, shown as {@code *}s ({@code p}). */
    PASSWORD("p"),
    /** A numeric password ({@code pn}). */
    NUMERIC_PASSWORD("pn");

    private final String flag;

    FieldType(String flag) {
      this.flag = flag;
    }

    String flag() {
      return flag;
    }
  }

  private final String prompt;
  private final URI url;
  private final String token;
  private final String displayName;
  private final String defaultValue;
  private final FieldType fieldType;

  private MinibrowserInput(Builder b) {
    super(checked(b), ROOT, w -> body(w, b));
    this.prompt = b.prompt;
    this.url = b.url;
    this.token = b.token;
    this.displayName = b.displayName;
    this.defaultValue = b.defaultValue;
    this.fieldType = b.fieldType;
  }

  private static Builder checked(Builder b) {
    if (b.url == null || b.token == null || b.displayName == null) {
      throw new IllegalArgumentException(
          ROOT + " needs a url, a token and a displayName; missing: " + b.missing());
    }
    if (!b.url.toASCIIString().contains(b.token)) {
      throw new IllegalArgumentException(
          "the url must contain the token "
              + Checks.quote(b.token)
              + ", which the phone replaces with the text entered; url was "
              + Checks.quote(b.url.toASCIIString()));
    }
    return b;
  }

  private static void body(MinibrowserXmlWriter w, Builder b) {
    w.line("Prompt", b.prompt).line("URL", b.url.toASCIIString());
    w.open("InputItem").element("DisplayName", b.displayName).element("InputToken", b.token);
    if (b.defaultValue != null) {
      w.element("DefaultValue", b.defaultValue);
    }
    w.element("InputFlags", b.fieldType.flag()).close("InputItem");
  }

  /**
   * A builder; a url, a token and a display name are required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The prompt, if set.
   *
   * @return the prompt, or empty
   */
  public Optional<String> prompt() {
    return Optional.ofNullable(prompt);
  }

  /**
   * The URL fetched when the user confirms, with the token in it.
   *
   * @return the URL, in its ASCII form
   */
  public URI url() {
    return url;
  }

  /**
   * The token the phone replaces in the URL.
   *
   * @return the token
   */
  public String token() {
    return token;
  }

  /**
   * The field's heading.
   *
   * @return the display name
   */
  public String displayName() {
    return displayName;
  }

  /**
   * The text the field starts with, if set.
   *
   * @return the default value, or empty
   */
  public Optional<String> defaultValue() {
    return Optional.ofNullable(defaultValue);
  }

  /**
   * The kind of text the field takes.
   *
   * @return the field type, {@link FieldType#TEXT} unless set
   */
  public FieldType fieldType() {
    return fieldType;
  }

  /** Never the default value, which may be a password. */
  @Override
  String details() {
    return "displayName="
        + Checks.quote(displayName)
        + ", "
        + fieldType
        + ", url="
        + Checks.quote(url.toASCIIString());
  }

  /**
   * Builds a {@link MinibrowserInput}. Each setter checks its own argument at once; {@link
   * #build()} checks that the URL holds the token. Not thread-safe.
   */
  public static final class Builder extends MinibrowserDocument.Builder<Builder> {
    private String prompt;
    private URI url;
    private String token;
    private String displayName;
    private String defaultValue;
    private FieldType fieldType = FieldType.TEXT;

    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    private String missing() {
      StringBuilder s = new StringBuilder();
      if (url == null) {
        s.append("url ");
      }
      if (token == null) {
        s.append("token ");
      }
      if (displayName == null) {
        s.append("displayName");
      }
      return s.toString().trim();
    }

    /**
     * Sets the prompt.
     *
     * @param prompt one line of up to {@value MinibrowserDocument#MAX_LINE_LENGTH} characters
     * @return this builder
     * @throws IllegalArgumentException if it breaks the rules of {@link MinibrowserDocument}
     */
    public Builder prompt(String prompt) {
      this.prompt = MinibrowserChecks.line("prompt", prompt, MAX_LINE_LENGTH);
      return this;
    }

    /**
     * Sets the URL fetched when the user confirms. Required; must contain the token.
     *
     * @param url an http or https URL (or a {@link SnomFragment}), as {@link MinibrowserDocument}
     *     allows
     * @return this builder
     * @throws IllegalArgumentException if it is not allowed
     */
    public Builder url(URI url) {
      this.url = MinibrowserChecks.url("input url", url);
      return this;
    }

    /**
     * Sets the token the phone replaces in the URL. Required.
     *
     * @param token 1 to 32 ASCII letters, digits and {@code _}, such as {@code __X__}
     * @return this builder
     * @throws NullPointerException if {@code token} is null
     * @throws IllegalArgumentException for any other token
     */
    public Builder token(String token) {
      Objects.requireNonNull(token, "token");
      if (!TOKEN.matcher(token).matches()) {
        throw new IllegalArgumentException(
            "input token must be 1 to 32 ASCII letters, digits and '_' (such as __X__), was "
                + Checks.quote(token));
      }
      this.token = token;
      return this;
    }

    /**
     * Sets the field's heading. Required.
     *
     * @param displayName one line of up to {@value MinibrowserDocument#MAX_LINE_LENGTH} characters
     * @return this builder
     * @throws IllegalArgumentException if it breaks the rules of {@link MinibrowserDocument}
     */
    public Builder displayName(String displayName) {
      this.displayName = MinibrowserChecks.line("displayName", displayName, MAX_LINE_LENGTH);
      return this;
    }

    /**
     * Sets the text the field starts with.
     *
     * @param defaultValue one line of up to {@value MinibrowserDocument#MAX_LINE_LENGTH} characters
     * @return this builder
     * @throws IllegalArgumentException if it breaks the rules of {@link MinibrowserDocument}
     */
    public Builder defaultValue(String defaultValue) {
      this.defaultValue = MinibrowserChecks.line("defaultValue", defaultValue, MAX_LINE_LENGTH);
      return this;
    }

    /**
     * Sets the kind of text the field takes; {@link FieldType#TEXT} unless set.
     *
     * @param fieldType the field type
     * @return this builder
     */
    public Builder fieldType(FieldType fieldType) {
      this.fieldType = Objects.requireNonNull(fieldType, "fieldType");
      return this;
    }

    /**
     * Builds the document.
     *
     * @return the document
     * @throws IllegalArgumentException if the url, token or display name is missing, the url does
     *     not contain the token, or the XML would be larger than {@value
     *     MinibrowserDocument#MAX_BYTES} bytes
     */
    public MinibrowserInput build() {
      return new MinibrowserInput(this);
    }
  }
}
