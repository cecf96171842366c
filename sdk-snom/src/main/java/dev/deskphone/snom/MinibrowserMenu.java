package dev.deskphone.snom;

import dev.deskphone.core.internal.Checks;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * A menu of items, each fetching a URL when chosen: {@code <SnomIPPhoneMenu><Title>T</Title>
 * <MenuItem name="N"><Name>N</Name><URL>U</URL></MenuItem>...}.
 *
 * <pre>{@code
 * MinibrowserMenu.builder().title("Doors")
 *     .item("Front door", URI.create("https://apps.example/door?id=1"))
 *     .preselectedItem("Call reception", SnomFragment.exit().numberDial("100").toUri())
 *     .build();
 * }</pre>
 *
 * <p>From the vendor: the current pages (Snomio/Documentation {@code main_tags/SnomIPPhoneMenu.md},
 * {@code examples/SnomIPPhoneMenu.md}) give the item's displayed name as a {@code name} attribute,
 * "required", and its {@code URL} as an element; {@code sel="true"} preselects an item. The older
 * pages (wiki.snom.com "Minibrowser") and the peers that serve older phones (amooma/GS3 and others)
 * give the name as a {@code Name} element. Each item is written with both, so that either reading
 * finds it; whether a current phone ignores the {@code Name} element, as the vendor's parser
 * ignores unknown elements elsewhere, is unverified. Names must not hold a line break (vendor).
 *
 * <p>Immutable and thread-safe.
 */
public final class MinibrowserMenu extends MinibrowserDocument {
  static final String ROOT = "SnomIPPhoneMenu";

  private final List<Item> items;

  /**
   * One item of the menu.
   *
   * @param name the text shown: one line of 1 to {@value MinibrowserDocument#MAX_LINE_LENGTH}
   *     characters
   * @param url what the phone fetches when it is chosen, kept in its ASCII form
   * @param preselected whether the cursor starts on it ({@code sel="true"})
   */
  public record Item(String name, URI url, boolean preselected) {
    /**
     * Checks the components.
     *
     * @param name the text shown
     * @param url what the phone fetches when it is chosen
     * @param preselected whether the cursor starts on it
     * @throws NullPointerException if {@code name} or {@code url} is null
     * @throws IllegalArgumentException if either breaks the rules of {@link MinibrowserDocument}
     */
    public Item {
      MinibrowserChecks.line("menu item name", name, MAX_LINE_LENGTH);
      if (name.isEmpty()) {
        throw new IllegalArgumentException("menu item name must not be empty");
      }
      url = MinibrowserChecks.url("menu item url", url);
    }
  }

  private MinibrowserMenu(Builder b) {
    super(checked(b), ROOT, w -> body(w, b));
    this.items = List.copyOf(b.items);
  }

  private static Builder checked(Builder b) {
    if (b.items.isEmpty()) {
      throw new IllegalArgumentException("a " + ROOT + " needs at least one item");
    }
    return b;
  }

  private static void body(MinibrowserXmlWriter w, Builder b) {
    for (Item item : b.items) {
      w.open("MenuItem", "name", item.name(), "sel", item.preselected() ? "true" : null)
          .element("Name", item.name())
          .element("URL", item.url().toASCIIString())
          .close("MenuItem");
    }
  }

  /**
   * A builder; at least one item is required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The items, in order.
   *
   * @return an unmodifiable list of at least one item
   */
  public List<Item> items() {
    return items;
  }

  @Override
  String details() {
    return items.size() + (items.size() == 1 ? " item" : " items");
  }

  /**
   * Builds a {@link MinibrowserMenu}. Each method checks its own arguments at once. Not
   * thread-safe.
   */
  public static final class Builder extends MinibrowserDocument.Builder<Builder> {
    private final List<Item> items = new ArrayList<>();

    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    /**
     * Adds an item.
     *
     * @param name the text shown, as for {@link Item}
     * @param url what the phone fetches when it is chosen
     * @return this builder
     * @throws IllegalArgumentException if either is not allowed, or there are already {@value
     *     MinibrowserDocument#MAX_ENTRIES} items
     */
    public Builder item(String name, URI url) {
      return add(new Item(name, url, false));
    }

    /**
     * Adds the item the cursor starts on; at most one per menu.
     *
     * @param name the text shown, as for {@link Item}
     * @param url what the phone fetches when it is chosen
     * @return this builder
     * @throws IllegalArgumentException as {@link #item}, or if an item is preselected already
     */
    public Builder preselectedItem(String name, URI url) {
      if (items.stream().anyMatch(Item::preselected)) {
        throw new IllegalArgumentException(
            "only one menu item can be preselected; "
                + Checks.quote(name)
                + " would be the second");
      }
      return add(new Item(name, url, true));
    }

    private Builder add(Item item) {
      if (items.size() == MAX_ENTRIES) {
        throw new IllegalArgumentException("a menu holds at most " + MAX_ENTRIES + " items");
      }
      items.add(item);
      return this;
    }

    /**
     * Builds the document.
     *
     * @return the document
     * @throws IllegalArgumentException if there is no item, or the XML would be larger than {@value
     *     MinibrowserDocument#MAX_BYTES} bytes
     */
    public MinibrowserMenu build() {
      return new MinibrowserMenu(this);
    }
  }
}
