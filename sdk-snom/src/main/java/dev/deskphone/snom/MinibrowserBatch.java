package dev.deskphone.snom;

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
public final class MinibrowserBatch extends MinibrowserDocument {
  static final String ROOT = "SnomIPPhoneBatch";

  private MinibrowserBatch(Builder b) {
    super(checked(b), ROOT, w -> {});
  }

  private static Builder checked(Builder b) {
    if (!b.hasExtras()) {
      throw new IllegalArgumentException("a " + ROOT + " needs at least one LED or a fetch");
    }
    return b;
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
  String details() {
    return "";
  }

  /** Builds a {@link MinibrowserBatch}. Not thread-safe. */
  public static final class Builder extends MinibrowserDocument.Builder<Builder> {

    private Builder() {}

    @Override
    Builder self() {
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
