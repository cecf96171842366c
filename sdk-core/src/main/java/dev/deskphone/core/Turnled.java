package dev.deskphone.core;

import dev.deskphone.core.internal.Checks;
import java.util.Objects;
import java.util.Optional;

/**
 * The LED instruction a Unify Send URL key receives in reply: which key ({@linkplain
 * #symbolicName() symbolic name}), its {@linkplain #state() state}, optionally a {@linkplain
 * #colour() colour} and a {@linkplain #label() label}, and whether to {@linkplain #wake() wake} the
 * phone.
 *
 * <pre>{@code
 * Turnled led = Turnled.builder("MySymbolicName").state(LedState.FLASH).colour(LedColour.GREEN)
 *     .label("FPK label").wake(false).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Turnled {

  /** The longest label, in Unicode code points: {@value}. */
  public static final int MAX_LABEL_LENGTH = 64;

  private final String symbolicName;
  private final LedState state;
  private final LedColour colour;
  private final String label;
  private final boolean wake;

  private Turnled(Builder b) {
    this.symbolicName = b.symbolicName;
    this.state = b.state;
    this.colour = b.colour;
    this.label = b.label;
    this.wake = b.wake;
  }

  /**
   * Starts a Turnled for the key with this symbolic name.
   *
   * @param symbolicName the key's symbolic name: 1 to 64 ASCII letters, digits, {@code _}, {@code
   *     -} and {@code .}
   * @return a new builder
   * @throws NullPointerException if {@code symbolicName} is null
   * @throws IllegalArgumentException if it is not such a token
   */
  public static Builder builder(String symbolicName) {
    return new Builder(Checks.symbolicName(symbolicName));
  }

  /**
   * The symbolic name of the key whose LED this sets.
   *
   * @return the symbolic name
   */
  public String symbolicName() {
    return symbolicName;
  }

  /**
   * What the LED does.
   *
   * @return the state
   */
  public LedState state() {
    return state;
  }

  /**
   * The LED's colour, if set; only ever set with a state that {@linkplain LedState#allowsColour()
   * allows one}.
   *
   * @return the colour, or empty to leave it to the phone
   */
  public Optional<LedColour> colour() {
    return Optional.ofNullable(colour);
  }

  /**
   * The key's label, if set (shown only by some models, such as the CP600).
   *
   * @return the label, or empty
   */
  public Optional<String> label() {
    return Optional.ofNullable(label);
  }

  /**
   * Whether the phone should wake (leave its energy-saving mode). False unless set.
   *
   * @return whether to wake the phone
   */
  public boolean wake() {
    return wake;
  }

  /**
   * Two Turnleds are equal when all their parts are.
   *
   * @param o the other object
   * @return whether they are equal
   */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Turnled)) {
      return false;
    }
    Turnled other = (Turnled) o;
    return symbolicName.equals(other.symbolicName)
        && state == other.state
        && colour == other.colour
        && Objects.equals(label, other.label)
        && wake == other.wake;
  }

  /**
   * A hash code consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(symbolicName, state, colour, label, wake);
  }

  /**
   * The Turnled for logs, for example {@code Turnled[MySymbolicName, FLASH, GREEN, label="FPK
   * label", wake=false]}; absent parts are left out and the label's control characters are shown as
   * {@code <U+XXXX>}.
   *
   * @return the text
   */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("Turnled[").append(symbolicName).append(", ").append(state);
    if (colour != null) {
      s.append(", ").append(colour);
    }
    if (label != null) {
      s.append(", label=").append(Checks.quote(label));
    }
    return s.append(", wake=").append(wake).append(']').toString();
  }

  /**
   * Builds a {@link Turnled}. Each setter checks its own argument at once; {@link #build()} checks
   * how they fit together. Not thread-safe: use one builder from one thread.
   */
  public static final class Builder {
    private final String symbolicName;
    private LedState state;
    private LedColour colour;
    private String label;
    private boolean wake;

    private Builder(String symbolicName) {
      this.symbolicName = symbolicName;
    }

    /**
     * Sets what the LED does. Required.
     *
     * @param state the state
     * @return this builder
     * @throws NullPointerException if {@code state} is null
     */
    public Builder state(LedState state) {
      this.state = Objects.requireNonNull(state, "state");
      return this;
    }

    /**
     * Sets the LED's colour. Allowed only with a state that {@linkplain LedState#allowsColour()
     * allows one}; {@link #build()} checks that.
     *
     * @param colour the colour
     * @return this builder
     * @throws NullPointerException if {@code colour} is null
     */
    public Builder colour(LedColour colour) {
      this.colour = Objects.requireNonNull(colour, "colour");
      return this;
    }

    /**
     * Sets the key's label.
     *
     * @param label at most {@link Turnled#MAX_LABEL_LENGTH} Unicode code points, each one XML 1.0
     *     can carry (U+0009, U+000A, U+000D, U+0020 to U+D7FF, U+E000 to U+FFFD, U+10000 to
     *     U+10FFFF)
     * @return this builder
     * @throws NullPointerException if {@code label} is null
     * @throws IllegalArgumentException if it is too long or has a character XML cannot carry
     */
    public Builder label(String label) {
      Objects.requireNonNull(label, "label");
      int length = label.codePointCount(0, label.length());
      if (length > MAX_LABEL_LENGTH) {
        throw new IllegalArgumentException(
            "label must be at most "
                + MAX_LABEL_LENGTH
                + " characters (Unicode code points), was "
                + length
                + ": "
                + Checks.quote(label));
      }
      this.label = Checks.xmlText("label", label);
      return this;
    }

    /**
     * Sets whether the phone should wake. Defaults to false.
     *
     * @param wake whether to wake the phone
     * @return this builder
     */
    public Builder wake(boolean wake) {
      this.wake = wake;
      return this;
    }

    /**
     * Builds the Turnled.
     *
     * @return the Turnled
     * @throws IllegalArgumentException if no state is set, or a colour is set with a state that
     *     allows none
     */
    public Turnled build() {
      if (state == null) {
        throw new IllegalArgumentException(
            "state is required for Turnled " + symbolicName + ": one of ON, OFF, FLASH, FLUTTER");
      }
      if (colour != null && !state.allowsColour()) {
        throw new IllegalArgumentException(
            "colour "
                + colour
                + " is not allowed with state "
                + state
                + " (Turnled "
                + symbolicName
                + "): a colour goes only with ON, FLASH or FLUTTER");
      }
      return new Turnled(this);
    }
  }
}
