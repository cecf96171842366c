package dev.deskphone.snom;

import java.util.List;
import java.util.Optional;

/**
 * LEDs and a fetch with no screen of their own: {@code <SnomIPPhoneBatch><LED
 * number="N">On</LED>...<fetch mil="1">snom://mb_exit</fetch></SnomIPPhoneBatch>}.
 *
 * <pre>{@code
 * MinibrowserBatch.builder()
 *     .led(MinibrowserLed.of(5, MinibrowserLed.State.ON, MinibrowserLed.Color.RED))
 *     .fetch(MinibrowserFetch.after(Duration.ofMillis(1), SnomFragment.exit().toUri()))
 *     .build();
 * }</pre>
 *
 * <p>From the vendor (Snomio/Documentation {@code main_tags/SnomIPPhoneBatch.md}, {@code
 * main_sub_tags.md}): a {@code SnomIPPhoneBatch} is a main element, "all the main tags can contain"
 * {@code Led} and {@code fetch}, and the batch itself shows the first document it holds (the
 * documents it may hold are not modelled here). That a batch holding only LEDs and a fetch sets the
 * LEDs without opening the minibrowser, or closes it again at once with {@code snom://mb_exit}, is
 * unverified; the vendor's documented way to run a fetch without opening the minibrowser is {@code
 * SnomIPPhoneSilent} (firmware 10.1.82 and later), which is not modelled either. Production peers
 * send a {@link MinibrowserText} with the LEDs and {@code <fetch mil="1">snom://mb_exit</fetch>}
 * (symcon {@code minibrowser.php}).
 *
 * <p>Immutable and thread-safe.
 */
public final class MinibrowserBatch implements MinibrowserDocument {
  static final String ROOT = "SnomIPPhoneBatch";

  private final List<MinibrowserLed> leds;
  private final MinibrowserFetch fetch;
  private final String xml;

  private MinibrowserBatch(Builder b) {
    this.leds = b.extras.leds();
    this.fetch = b.extras.fetchOrNull();
    if (leds.isEmpty() && fetch == null) {
      throw new IllegalArgumentException("a " + ROOT + " needs at least one LED or a fetch");
    }
    this.xml = MinibrowserXmlWriter.document(ROOT, w -> {}, leds, fetch);
  }

  /**
   * A builder; at least one LED or a fetch is required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
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
    return o instanceof MinibrowserBatch b && b.xml.equals(xml);
  }

  @Override
  public int hashCode() {
    return xml.hashCode();
  }

  /**
   * The document for logs, for example {@code MinibrowserBatch[2 LEDs, fetch after PT0.001S]}.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return "MinibrowserBatch[" + MinibrowserExtras.describe(leds, fetch()).substring(2) + "]";
  }

  /** Builds a {@link MinibrowserBatch}. Not thread-safe. */
  public static final class Builder {
    private final MinibrowserExtras extras = new MinibrowserExtras();

    private Builder() {}

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
     * @throws IllegalArgumentException if it holds neither an LED nor a fetch
     */
    public MinibrowserBatch build() {
      return new MinibrowserBatch(this);
    }
  }
}
