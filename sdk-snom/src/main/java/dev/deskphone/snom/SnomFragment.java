package dev.deskphone.snom;

import dev.deskphone.core.internal.Checks;
import dev.deskphone.core.internal.PercentEncoding;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A minibrowser action URL: {@code snom://mb_exit} or {@code snom://mb_nop}, then fragment commands
 * the phone carries out when it "fetches" it, such as {@code snom://mb_exit#numberdial=+4930123}.
 * Use it as a menu item's URL or a fetch's URL.
 *
 * <pre>{@code
 * SnomFragment.exit().numberDial("+4930123").toUri();     // snom://mb_exit#numberdial=+4930123
 * SnomFragment.stay().key("ENTER");                        // snom://mb_nop#key=ENTER
 * SnomFragment.stay().set("fkey_label0", "Door & gate");  // snom://mb_nop#set:fkey_label0=Door%20%26%20gate
 * }</pre>
 *
 * <p>Each value is percent-encoded as UTF-8; only ASCII letters, digits and {@code - . _ ~ + * : @
 * /} go as they are. So no value can hold a raw {@code &} (which starts another command), {@code =}
 * or {@code #}, nor a space or control character: a number {@code 1&reboot} arrives as one value,
 * never as a second command. Values are also refused if they hold {@code $(} or {@code $[} (see
 * {@link MinibrowserDocument}). Each call returns a new fragment; the URL stays within {@value
 * MinibrowserDocument#MAX_URL_LENGTH} characters.
 *
 * <p>From the vendor (service.snom.com "Fragments"; Snomio/Documentation {@code fragments/index.md}
 * and its examples): the scheme is {@code snom://} (or {@code phone://}) and the path {@code
 * mb_nop} or {@code mb_exit}; commands are joined with {@code &} (escaped as {@code &amp;} in XML,
 * which the document writer does); {@code numberdial} dials, {@code key} fires a key, {@code set}
 * changes a setting and works only when the document's host is listed in the phone's {@code
 * mb_trusted_hosts} setting. The forms {@code numberdial=N} and {@code key=NAME} are those
 * production peers send ({@code snom://mb_nop#numberdial=100}, {@code key=F_TRANSFER}:
 * nemerald-voip/fspbx, wazo). The form {@code set:NAME=VALUE} follows the vendor's examples of its
 * siblings ({@code setcache:fkey_label0=weather}, {@code toggleset:date_us_format}, {@code
 * var:foo=...}); the {@code set} example itself is not in the stored vendor pages: unverified. That
 * the phone percent-decodes a value (so that {@code %23} is {@code #} and {@code %20} a space) is
 * unverified too; numbers and key names mostly need no encoding, except {@code #}.
 *
 * <p>Immutable and thread-safe.
 */
public final class SnomFragment {
  /**
   * Characters a value keeps raw besides the unreserved ones: legal in a URI fragment, never a
   * separator.
   */
  private static final String RAW = "+*:@/";

  private final String base;
  private final List<String> commands;
  private final String text;

  private SnomFragment(String base, List<String> commands) {
    this.base = base;
    this.commands = commands;
    this.text = commands.isEmpty() ? base : base + "#" + String.join("&", commands);
    if (text.length() > MinibrowserDocument.MAX_URL_LENGTH) {
      throw new IllegalArgumentException(
          "the fragment URL would be "
              + text.length()
              + " characters, over the limit of "
              + MinibrowserDocument.MAX_URL_LENGTH);
    }
  }

  /**
   * Commands that close the minibrowser once carried out: {@code snom://mb_exit}. Alone, it just
   * closes the minibrowser.
   *
   * @return a fragment without commands
   */
  public static SnomFragment exit() {
    return new SnomFragment("snom://mb_exit", List.of());
  }

  /**
   * Commands that leave the minibrowser where it is: {@code snom://mb_nop}.
   *
   * @return a fragment without commands
   */
  public static SnomFragment stay() {
    return new SnomFragment("snom://mb_nop", List.of());
  }

  /**
   * Adds {@code numberdial=NUMBER}: the phone dials the number.
   *
   * @param number 1 to {@value SnomCommand#MAX_NUMBER_LENGTH} digits, {@code *} and {@code #}, with
   *     an optional leading {@code +}
   * @return a new fragment with the command added
   * @throws NullPointerException if {@code number} is null
   * @throws IllegalArgumentException for any other number
   */
  public SnomFragment numberDial(String number) {
    Objects.requireNonNull(number, "number");
    if (!SnomCommand.isDialString(number, true)) {
      throw new IllegalArgumentException(
          "numberdial number must be 1 to "
              + SnomCommand.MAX_NUMBER_LENGTH
              + " digits, '*' and '#', with an optional leading '+', was "
              + Checks.quote(number));
    }
    return with("numberdial=" + encode(number));
  }

  /**
   * Adds {@code key=NAME}: the phone fires the key.
   *
   * @param key the key's name as the phone knows it, such as {@code ENTER}, {@code CANCEL}, {@code
   *     F_TRANSFER} or {@code 5}: 1 to 32 ASCII letters, digits, {@code _}, {@code -}, {@code *}
   *     and {@code #} (the list of names is the phone's; see {@link SnomKey})
   * @return a new fragment with the command added
   * @throws NullPointerException if {@code key} is null
   * @throws IllegalArgumentException for any other name
   */
  public SnomFragment key(String key) {
    return with("key=" + encode(Checks.keyName(key)));
  }

  /**
   * Adds {@code set:NAME=VALUE}: the phone changes a setting (only for a document from a host in
   * its {@code mb_trusted_hosts}).
   *
   * @param setting the setting's name: 1 to 64 ASCII letters, digits and {@code _}, a letter first
   * @param value any text without control characters, {@code $(} or {@code $[}; percent-encoded
   * @return a new fragment with the command added
   * @throws NullPointerException if either is null
   * @throws IllegalArgumentException if either is not allowed
   */
  public SnomFragment set(String setting, String value) {
    SnomSettings.settingName(setting);
    SnomSettings.checkText("value of setting " + setting, value);
    MinibrowserChecks.noCallback("value of setting " + setting, value);
    return with("set:" + setting + "=" + encode(value));
  }

  private SnomFragment with(String command) {
    List<String> all = new ArrayList<>(commands.size() + 1);
    all.addAll(commands);
    all.add(command);
    return new SnomFragment(base, List.copyOf(all));
  }

  private static String encode(String value) {
    return PercentEncoding.encode(value, RAW);
  }

  /**
   * The URL, for a {@link MinibrowserMenu} item or a {@link MinibrowserFetch}.
   *
   * @return the URI
   */
  public URI toUri() {
    return URI.create(text);
  }

  /**
   * Equal when they are the same URL.
   *
   * @param o the other object
   * @return whether they are equal
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof SnomFragment f && f.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  /**
   * The URL as text, for example {@code snom://mb_exit#numberdial=+4930123}.
   *
   * @return the URL
   */
  @Override
  public String toString() {
    return text;
  }
}
