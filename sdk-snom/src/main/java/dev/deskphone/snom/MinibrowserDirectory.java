package dev.deskphone.snom;

import dev.deskphone.core.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A directory of names and numbers; the phone dials the one chosen: {@code
 * <SnomIPPhoneDirectory><Title>T</Title><Prompt>P</Prompt><DirectoryEntry><Name>N</Name>
 * <Telephone>123</Telephone></DirectoryEntry>...}.
 *
 * <pre>{@code
 * MinibrowserDirectory.builder().title("Team").entry("Reception", "100")
 *     .entry("Anna", "+4930123456").entry("Pool", "sip:pool@pbx.example").build();
 * }</pre>
 *
 * <p>From the vendor (Snomio/Documentation {@code main_tags/SnomIPPhoneDirectory.md}, {@code
 * examples/SnomIPPhoneDirectory.md}): {@code DirectoryEntry} holds {@code Name} (shown) and {@code
 * Telephone} (dialed); the phone turns a {@code Telephone} without {@code sip:} into a SIP URI at
 * its registrar and a space into {@code %20}, so numbers here hold none. The vendor marks this
 * document "will be deprecated in future versions" and suggests a menu whose items dial with {@link
 * SnomFragment#numberDial} instead. {@code Prompt} is not on the current pages (older pages show it
 * in other documents): whether a phone shows it here is unverified.
 *
 * <p>Immutable and thread-safe.
 */
public final class MinibrowserDirectory extends MinibrowserDocument {
  static final String ROOT = "SnomIPPhoneDirectory";

  private final String prompt;
  private final List<Entry> entries;

  /**
   * One entry of the directory.
   *
   * @param name the text shown: one line of 1 to {@value MinibrowserDocument#MAX_LINE_LENGTH}
   *     characters
   * @param telephone what the phone dials: 1 to {@value SnomCommand#MAX_NUMBER_LENGTH} digits,
   *     {@code *} and {@code #} with an optional leading {@code +}, or a {@code sip:} or {@code
   *     sips:} URI of up to {@value SnomCommand#MAX_URI_LENGTH} printable ASCII characters
   */
  public record Entry(String name, String telephone) {
    /**
     * Checks the components.
     *
     * @param name the text shown
     * @param telephone what the phone dials
     * @throws NullPointerException if either is null
     * @throws IllegalArgumentException if either is not allowed
     */
    public Entry {
      MinibrowserChecks.line("directory entry name", name, MAX_LINE_LENGTH);
      if (name.isEmpty()) {
        throw new IllegalArgumentException("directory entry name must not be empty");
      }
      Objects.requireNonNull(telephone, "telephone");
      if (!SnomCommand.isDialString(telephone, true)) {
        try {
          SnomCommand.sipUri("telephone", telephone);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "telephone of "
                  + Checks.quote(name)
                  + " must be 1 to "
                  + SnomCommand.MAX_NUMBER_LENGTH
                  + " digits, '*' and '#' with an optional leading '+', or a sip: or sips: URI"
                  + " of up to "
                  + SnomCommand.MAX_URI_LENGTH
                  + " printable ASCII characters without spaces, was "
                  + Checks.quote(telephone));
        }
        MinibrowserChecks.noCallback("telephone", telephone);
      }
    }
  }

  private MinibrowserDirectory(Builder b) {
    super(checked(b), ROOT, w -> body(w, b));
    this.prompt = b.prompt;
    this.entries = List.copyOf(b.entries);
  }

  private static Builder checked(Builder b) {
    if (b.entries.isEmpty()) {
      throw new IllegalArgumentException("a " + ROOT + " needs at least one entry");
    }
    return b;
  }

  private static void body(MinibrowserXmlWriter w, Builder b) {
    w.line("Prompt", b.prompt);
    for (Entry entry : b.entries) {
      w.open("DirectoryEntry")
          .element("Name", entry.name())
          .element("Telephone", entry.telephone())
          .close("DirectoryEntry");
    }
  }

  /**
   * A builder; at least one entry is required.
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
   * The entries, in order.
   *
   * @return an unmodifiable list of at least one entry
   */
  public List<Entry> entries() {
    return entries;
  }

  @Override
  String details() {
    return entries.size() + (entries.size() == 1 ? " entry" : " entries");
  }

  /**
   * Builds a {@link MinibrowserDirectory}. Each method checks its own arguments at once. Not
   * thread-safe.
   */
  public static final class Builder extends MinibrowserDocument.Builder<Builder> {
    private final List<Entry> entries = new ArrayList<>();
    private String prompt;

    private Builder() {}

    @Override
    Builder self() {
      return this;
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
     * Adds an entry.
     *
     * @param name the text shown, as for {@link Entry}
     * @param telephone what the phone dials, as for {@link Entry}
     * @return this builder
     * @throws IllegalArgumentException if either is not allowed, or there are already {@value
     *     MinibrowserDocument#MAX_ENTRIES} entries
     */
    public Builder entry(String name, String telephone) {
      Entry entry = new Entry(name, telephone);
      if (entries.size() == MAX_ENTRIES) {
        throw new IllegalArgumentException("a directory holds at most " + MAX_ENTRIES + " entries");
      }
      entries.add(entry);
      return this;
    }

    /**
     * Builds the document.
     *
     * @return the document
     * @throws IllegalArgumentException if there is no entry, or the XML would be larger than
     *     {@value MinibrowserDocument#MAX_BYTES} bytes
     */
    public MinibrowserDirectory build() {
      return new MinibrowserDirectory(this);
    }
  }
}
