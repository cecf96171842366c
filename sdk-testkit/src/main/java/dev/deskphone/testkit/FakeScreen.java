package dev.deskphone.testkit;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a fake snom phone's minibrowser shows now: the document it fetched (pushed through {@code
 * minibrowser.htm?url=...}, an action URL's answer, a menu item, an input or a fetch), as the fake
 * read it with its own parser.
 *
 * @param kind the document's main tag
 * @param source where the document came from
 * @param title its {@code Title}, or empty
 * @param prompt its {@code Prompt}, or empty
 * @param text a text document's {@code Text}, or empty
 * @param items a menu's items (name, URL) or a directory's entries (name, number), in order
 * @param input an input document's field, if it is one
 * @param softKeys its {@code SoftKeyItem}s, key name (such as {@code F4} or {@code RIGHT}) to the
 *     URL fetched when that key is pressed while the document is shown
 */
public record FakeScreen(
    Kind kind,
    URI source,
    String title,
    String prompt,
    String text,
    List<Item> items,
    Optional<Input> input,
    Map<String, String> softKeys) {

  /** The document's main tag. */
  public enum Kind {
    /** {@code SnomIPPhoneText}. */
    TEXT,
    /** {@code SnomIPPhoneMenu}. */
    MENU,
    /** {@code SnomIPPhoneInput}. */
    INPUT,
    /** {@code SnomIPPhoneDirectory}. */
    DIRECTORY
  }

  /**
   * A menu item or a directory entry.
   *
   * @param name what the screen shows
   * @param target a menu item's URL, or a directory entry's number
   */
  public record Item(String name, String target) {
    /**
     * Checks.
     *
     * @param name what the screen shows
     * @param target a menu item's URL, or a directory entry's number
     */
    public Item {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(target, "target");
    }
  }

  /**
   * An input field.
   *
   * @param displayName its header
   * @param defaultValue what it holds before anything is typed
   * @param flags its {@code InputFlags} ({@code a} text, {@code t} telephone number, {@code n}
   *     number, {@code p} password, ...), as written
   * @param url where the value goes, its {@code InputToken} still in it
   * @param token the token replaced by the value typed
   */
  public record Input(
      String displayName, String defaultValue, String flags, String url, String token) {
    /**
     * Checks.
     *
     * @param displayName its header
     * @param defaultValue what it holds before anything is typed
     * @param flags its {@code InputFlags} ({@code a} text, {@code t} telephone number, {@code n}
     *     number, {@code p} password, ...), as written
     * @param url where the value goes, its {@code InputToken} still in it
     * @param token the token replaced by the value typed
     */
    public Input {
      Objects.requireNonNull(displayName, "displayName");
      Objects.requireNonNull(defaultValue, "defaultValue");
      Objects.requireNonNull(flags, "flags");
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(token, "token");
    }
  }

  /**
   * Checks and copies.
   *
   * @param kind the document's main tag
   * @param source where the document came from
   * @param title its {@code Title}, or empty
   * @param prompt its {@code Prompt}, or empty
   * @param text a text document's {@code Text}, or empty
   * @param items a menu's items (name, URL) or a directory's entries (name, number), in order
   * @param input an input document's field, if it is one
   * @param softKeys its {@code SoftKeyItem}s, key name (such as {@code F4} or {@code RIGHT}) to the
   *     URL fetched when that key is pressed while the document is shown
   */
  public FakeScreen {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(text, "text");
    items = List.copyOf(items);
    Objects.requireNonNull(input, "input");
    softKeys = Map.copyOf(softKeys);
  }

  /** {@return the names of its items, in order} */
  public List<String> itemNames() {
    return items.stream().map(Item::name).toList();
  }
}
