package dev.deskphone.snom;

import dev.deskphone.core.internal.Checks;
import java.util.List;
import java.util.Optional;

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
public final class MinibrowserText implements MinibrowserDocument {
  static final String ROOT = "SnomIPPhoneText";

  private final String title;
  private final String text;
  private final List<MinibrowserLed> leds;
  private final MinibrowserFetch fetch;
  private final String xml;

  private MinibrowserText(Builder b) {
    if (b.text == null) {
      throw new IllegalArgumentException("text is required for " + ROOT + "; it may be empty");
    }
    this.title = b.title;
    this.text = b.text;
    this.leds = b.extras.leds();
    this.fetch = b.extras.fetchOrNull();
    this.xml =
        MinibrowserXmlWriter.document(
            ROOT, w -> w.line("Title", title).line("Text", text), leds, fetch);
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
   * The title, if set.
   *
   * @return the title, or empty
   */
  public Optional<String> title() {
    return Optional.ofNullable(title);
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
  public List<MinibrowserLed> leds() {
    return leds;
  }

  @Override
  public Optional<MinibrowserFetch> fetch() {
    return Optional.ofNullable(fetch);
  }

  @Override
  public String toXml() {
    return xml;
  }

  /**
   * Equal when they write the same XML.
   *
   * @param o the other object
   * @return whether they are equal
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof MinibrowserText t && t.xml.equals(xml);
  }

  @Override
  public int hashCode() {
    return xml.hashCode();
  }

  /**
   * The document for logs, for example {@code MinibrowserText[title="Door", text="Someone rang", 1
   * LED]}.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return "MinibrowserText["
        + (title == null ? "" : "title=" + Checks.quote(title) + ", ")
        + "text="
        + Checks.quote(text)
        + MinibrowserExtras.describe(leds, fetch())
        + "]";
  }

  /**
   * Builds a {@link MinibrowserText}. Each setter checks its own argument at once. Not thread-safe.
   */
  public static final class Builder {
    private final MinibrowserExtras extras = new MinibrowserExtras();
    private String title;
    private String text;

    private Builder() {}

    /**
     * Sets the title.
     *
     * @param title one line of up to {@value MinibrowserDocument#MAX_LINE_LENGTH} characters
     * @return this builder
     * @throws IllegalArgumentException if it breaks the rules of {@link MinibrowserDocument}
     */
    public Builder title(String title) {
      this.title = MinibrowserChecks.line("title", title, MAX_LINE_LENGTH);
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
     * Adds an LED.
     *
     * @param led the LED, whose number no other LED of this document has
     * @return this builder
     * @throws IllegalArgumentException if its number is taken or there are too many
     */
    public Builder led(MinibrowserLed led) {
      extras.led(led);
      return this;
    }

    /**
     * Sets the fetch, replacing any set before.
     *
     * @param fetch the fetch
     * @return this builder
     */
    public Builder fetch(MinibrowserFetch fetch) {
      extras.fetch(fetch);
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
