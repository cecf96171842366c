package dev.deskphone.snom;

import dev.deskphone.core.PhoneHeaders;
import dev.deskphone.core.internal.Checks;
import dev.deskphone.core.server.EndpointResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Consumer;

/**
 * A document of the snom XML minibrowser: what a snom phone shows on its screen when it fetches a
 * URL that answers with it, as text, a menu, an input field or a directory, or the LEDs it sets
 * with no screen of its own (a batch).
 *
 * <pre>{@code
 * MinibrowserDocument doc = MinibrowserText.builder()
 *     .title("Door").text("Someone rang at the front door")
 *     .led(MinibrowserLed.of(3, MinibrowserLed.State.BLINK, MinibrowserLed.Color.RED))
 *     .fetch(MinibrowserFetch.after(Duration.ofSeconds(5), SnomFragment.exit().toUri()))
 *     .build();
 * byte[] body = doc.toBytes();   // serve with CONTENT_TYPE; Content-Length = body.length
 * MinibrowserDocument back = MinibrowserDocument.read(body);   // equal to doc
 * }</pre>
 *
 * <p><b>Writing.</b> Every document is checked when it is built, before any XML exists: each text
 * must be one XML 1.0 can carry, without control characters (the text of {@link MinibrowserText}
 * may hold TAB and LF), without {@code $(} or {@code $[} (the phone would evaluate them as callback
 * expressions such as {@code $(set:NAME)}, which show or send a setting's value, and the vendor
 * documents no way to escape them), and within the lengths below; every URL must be {@code http} or
 * {@code https} with a host, or {@code snom://} or {@code phone://} followed by {@code mb_nop} or
 * {@code mb_exit} (a {@link SnomFragment}). The XML starts with a UTF-8 declaration (the vendor
 * recommends one) and escapes {@code & < > " '} everywhere, and TAB and LF (the only control
 * characters a text may hold) as character references. Non-ASCII text is written as UTF-8, so the
 * Content-Length is {@link #toBytes()}{@code .length}, never the character count.
 *
 * <p><b>Reading.</b> {@link #read(byte[])} takes UTF-8 only, refuses any DOCTYPE or entity, never
 * fetches anything, and stops at {@value #MAX_BYTES} bytes, a nesting depth of 3 (the deepest any
 * type goes), 8192 elements and attributes of 1024 characters. Element names are matched in any
 * case (the vendor's parser is not case sensitive) and the root may leave out {@code Snom} ({@code
 * IPPhoneText}). It reads the elements these types write, {@code Url} for {@code URL}, a menu
 * item's name as its {@code name} attribute or a {@code Name} element, and {@code <br/>} in {@link
 * MinibrowserText}'s text as LF; any other element or attribute (bar namespaced ones such as {@code
 * xsi:...}) is refused, so that nothing is dropped unseen. What it returns passes every check
 * above: writing it and reading the result gives an equal document.
 *
 * <p>Sources: snom's minibrowser pages (service.snom.com "XML Minibrowser", "Main Subtags",
 * "Fragments" and a page per document type) and their source, Snomio/Documentation on GitHub
 * (docs.snom.io; the callbacks from its {@code callbacks/index.md}, the case-insensitive parser
 * from its {@code xml_minibrowser/index.md}). Each type says which of its facts come from where and
 * which are unverified on a real phone.
 *
 * <p>An abstract class rather than an interface because every document carries the same title,
 * LEDs, fetch and written XML; only the types below extend it. Immutable and thread-safe; documents
 * are equal when they write the same XML.
 */
public abstract sealed class MinibrowserDocument
    permits MinibrowserText,
        MinibrowserMenu,
        MinibrowserInput,
        MinibrowserDirectory,
        MinibrowserBatch {

  /** The content type to serve a document with: {@value}. */
  public static final String CONTENT_TYPE = "text/xml; charset=UTF-8";

  /** The largest document written or read, in bytes of UTF-8: {@value}. */
  public static final int MAX_BYTES = 64 * 1024;

  /** The longest text of a {@link MinibrowserText}, in Unicode code points: {@value}. */
  public static final int MAX_TEXT_LENGTH = 4096;

  /**
   * The longest title, prompt, name, display name or default value, in Unicode code points:
   * {@value}.
   */
  public static final int MAX_LINE_LENGTH = 256;

  /** The longest URL, in characters of its ASCII form: {@value}. */
  public static final int MAX_URL_LENGTH = 2000;

  /** The most menu items, directory entries or LEDs one document holds: {@value}. */
  public static final int MAX_ENTRIES = 100;

  private final String title;
  private final List<MinibrowserLed> leds;
  private final MinibrowserFetch fetch;
  private final String xml;

  /** Writes the document: {@code body} writes what comes between the title and the LEDs. */
  MinibrowserDocument(Builder<?> b, String root, Consumer<MinibrowserXmlWriter> body) {
    this.title = b.title;
    this.leds = List.copyOf(b.leds);
    this.fetch = b.fetch;
    this.xml = MinibrowserXmlWriter.document(root, title, body, leds, fetch);
  }

  /**
   * The title shown at the top of the screen, if set. (The vendor lists {@code Title} among the
   * elements every document may hold; an input field shows its display name there instead.)
   *
   * @return the title, or empty
   */
  public final Optional<String> title() {
    return Optional.ofNullable(title);
  }

  /**
   * The LEDs the document sets, in order, at most one per LED number.
   *
   * @return an unmodifiable list, empty when it sets none
   */
  public final List<MinibrowserLed> leds() {
    return leds;
  }

  /**
   * The URL the phone fetches after a delay, if any.
   *
   * @return the fetch, or empty
   */
  public final Optional<MinibrowserFetch> fetch() {
    return Optional.ofNullable(fetch);
  }

  /**
   * The document as XML text.
   *
   * @return the XML, declaration included
   */
  public final String toXml() {
    return xml;
  }

  /**
   * The document as the UTF-8 bytes that go on the wire; their length is the Content-Length.
   *
   * @return a new array each time
   */
  public final byte[] toBytes() {
    return xml.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The document as an endpoint's answer: {@code 200}, {@link #CONTENT_TYPE}, not to be cached, the
   * document's bytes; for any {@link dev.deskphone.core.server.PhoneEndpoint} that serves a screen,
   * such as the URL of a function key or a menu item.
   *
   * @return the answer
   */
  public final EndpointResponse toResponse() {
    return EndpointResponse.of(
        200, PhoneHeaders.of("Content-Type", CONTENT_TYPE, "Cache-Control", "no-store"), toBytes());
  }

  /**
   * Reads a document from UTF-8 bytes, safely: see the class description for what is read and what
   * is refused.
   *
   * @param xml the bytes
   * @return the document, of the type its root element names
   * @throws NullPointerException if {@code xml} is null
   * @throws IllegalArgumentException starting {@code "not a minibrowser document: "} and saying
   *     why: too large, not UTF-8, a DOCTYPE or entity, a limit, not well-formed, an unknown root,
   *     element or attribute, or a value that breaks the rules of the type it belongs to
   */
  public static MinibrowserDocument read(byte[] xml) {
    return MinibrowserXmlReader.read(xml);
  }

  /**
   * Equal when they write the same XML (which names the type in its root element).
   *
   * @param o the other object
   * @return whether they are equal
   */
  @Override
  public final boolean equals(Object o) {
    return o instanceof MinibrowserDocument d && d.xml.equals(xml);
  }

  /**
   * A hash code consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public final int hashCode() {
    return xml.hashCode();
  }

  /**
   * The document for logs: its type, title, what it holds and its extras, for example {@code
   * MinibrowserText[title="Door", text="Someone rang", 1 LED, fetch after PT5S]}; texts are quoted
   * with control characters shown as {@code <U+XXXX>}, and an input's default value never shown.
   *
   * @return the text
   */
  @Override
  public final String toString() {
    StringJoiner s = new StringJoiner(", ", getClass().getSimpleName() + "[", "]");
    if (title != null) {
      s.add("title=" + Checks.quote(title));
    }
    String details = details();
    if (!details.isEmpty()) {
      s.add(details);
    }
    if (!leds.isEmpty()) {
      s.add(leds.size() + (leds.size() == 1 ? " LED" : " LEDs"));
    }
    if (fetch != null) {
      s.add("fetch after " + fetch.delay());
    }
    return s.toString();
  }

  /** For {@link #toString()}: what this type holds, such as {@code 3 items}. */
  abstract String details();

  /**
   * What every document's builder takes: a title, LEDs, at most one per number and {@value
   * MinibrowserDocument#MAX_ENTRIES} in all, and one fetch. Each method checks its argument at
   * once. Not thread-safe: use one builder from one thread.
   *
   * @param <B> the builder's own type, which each method returns
   */
  public abstract static class Builder<B extends Builder<B>> {
    private final List<MinibrowserLed> leds = new ArrayList<>();
    private MinibrowserFetch fetch;
    private String title;

    Builder() {}

    /**
     * Sets the title.
     *
     * @param title one line of up to {@value MinibrowserDocument#MAX_LINE_LENGTH} characters
     * @return this builder
     * @throws NullPointerException if {@code title} is null
     * @throws IllegalArgumentException if it breaks the rules of {@link MinibrowserDocument}
     */
    public final B title(String title) {
      this.title = MinibrowserChecks.line("title", title, MAX_LINE_LENGTH);
      return self();
    }

    /**
     * Adds an LED.
     *
     * @param led the LED, whose number no other LED of this document has
     * @return this builder
     * @throws NullPointerException if {@code led} is null
     * @throws IllegalArgumentException if its number is taken or there are {@value
     *     MinibrowserDocument#MAX_ENTRIES} LEDs already
     */
    public final B led(MinibrowserLed led) {
      Objects.requireNonNull(led, "led");
      for (MinibrowserLed other : leds) {
        if (other.number() == led.number()) {
          throw new IllegalArgumentException(
              "LED " + led.number() + " is set twice in one document; set each LED once");
        }
      }
      if (leds.size() == MAX_ENTRIES) {
        throw new IllegalArgumentException("a document sets at most " + MAX_ENTRIES + " LEDs");
      }
      leds.add(led);
      return self();
    }

    /**
     * Sets the fetch, replacing any set before.
     *
     * @param fetch the fetch
     * @return this builder
     * @throws NullPointerException if {@code fetch} is null
     */
    public final B fetch(MinibrowserFetch fetch) {
      this.fetch = Objects.requireNonNull(fetch, "fetch");
      return self();
    }

    /** Whether an LED or a fetch is set. */
    final boolean hasExtras() {
      return !leds.isEmpty() || fetch != null;
    }

    abstract B self();
  }
}
