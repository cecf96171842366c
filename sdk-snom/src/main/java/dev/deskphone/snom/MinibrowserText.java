package dev.deskphone.snom;

import dev.deskphone.core.internal.Checks;

/**
 * A text on the phone's screen: {@code <SnomIPPhoneText><Title>T</Title><Text>Body</Text>...}.
 *
 * <pre>{@code
 * MinibrowserText.builder().title("Door").text("Someone rang\nat the front door").build();
 * }</pre>
 *
 * <p>From the vendor (Snomio/Documentation {@code main_tags/SnomIPPhoneText.md}, {@code
 * main_sub_tags.md}; wiki.snom.com "Minibrowser"): {@code Title} is shown at the top and must not
 * hold a line break; {@code Text} is the text shown, "Please don't enter any control character".
 * The text may hold TAB and LF here; they are written as {@code &#9;} and {@code &#10;}, which any
 * XML parser reads back as the characters. The vendor's own line break inside {@code Text} is
 * {@code <br/>} (its examples), which {@link MinibrowserDocument#read} reads as LF; how a phone
 * shows an LF is unverified.
 *
 * <p>Immutable and thread-safe.
 */
public final class MinibrowserText extends MinibrowserDocument {
  static final String ROOT = "SnomIPPhoneText";

  private final String text;

  private MinibrowserText(Builder b) {
    super(checked(b), ROOT, w -> w.line("Text", b.text));
    this.text = b.text;
  }

  private static Builder checked(Builder b) {
    if (b.text == null) {
      throw new IllegalArgumentException("text is required for " + ROOT + "; it may be empty");
    }
    return b;
  }

  /**
   * A builder; a text is required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The text shown.
   *
   * @return the text, possibly empty
   */
  public String text() {
    return text;
  }

  @Override
  String details() {
    return "text=" + Checks.quote(text);
  }

  /**
   * Builds a {@link MinibrowserText}. Each setter checks its own argument at once. Not thread-safe.
   */
  public static final class Builder extends MinibrowserDocument.Builder<Builder> {
    private String text;

    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    /**
     * Sets the text. Required.
     *
     * @param text up to {@value MinibrowserDocument#MAX_TEXT_LENGTH} characters; TAB and LF allowed
     * @return this builder
     * @throws IllegalArgumentException if it breaks the rules of {@link MinibrowserDocument}
     */
    public Builder text(String text) {
      this.text = MinibrowserChecks.multiline("text", text, MAX_TEXT_LENGTH);
      return this;
    }

    /**
     * Builds the document.
     *
     * @return the document
     * @throws IllegalArgumentException if no text is set, or the XML would be larger than {@value
     *     MinibrowserDocument#MAX_BYTES} bytes
     */
    public MinibrowserText build() {
      return new MinibrowserText(this);
    }
  }
}
