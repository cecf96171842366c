package dev.deskphone.snom;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

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
 * recommends one) and escapes {@code & < > " '} everywhere, and TAB, CR and LF inside attributes as
 * character references. Non-ASCII text is written as UTF-8, so the Content-Length is {@link
 * #toBytes()}{@code .length}, never the character count.
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
 * "Fragments", "Callbacks" and a page per document type) and their source, Snomio/Documentation on
 * GitHub (docs.snom.io). Each type says which of its facts come from where and which are unverified
 * on a real phone.
 *
 * <p>Immutable and thread-safe; equal documents write equal XML.
 */
public sealed interface MinibrowserDocument
    permits MinibrowserText,
        MinibrowserMenu,
        MinibrowserInput,
        MinibrowserDirectory,
        MinibrowserBatch {

  /** The content type to serve a document with: {@value}. */
  String CONTENT_TYPE = "text/xml; charset=UTF-8";

  /** The largest document written or read, in bytes of UTF-8: {@value}. */
  int MAX_BYTES = 64 * 1024;

  /** The longest text of a {@link MinibrowserText}, in Unicode code points: {@value}. */
  int MAX_TEXT_LENGTH = 4096;

  /**
   * The longest title, prompt, name, display name or default value, in Unicode code points:
   * {@value}.
   */
  int MAX_LINE_LENGTH = 256;

  /** The longest URL, in characters of its ASCII form: {@value}. */
  int MAX_URL_LENGTH = 2000;

  /** The most menu items, directory entries or LEDs one document holds: {@value}. */
  int MAX_ENTRIES = 100;

  /**
   * The LEDs the document sets, in order, at most one per LED number.
   *
   * @return an unmodifiable list, empty when it sets none
   */
  List<MinibrowserLed> leds();

  /**
   * The URL the phone fetches after a delay, if any.
   *
   * @return the fetch, or empty
   */
  Optional<MinibrowserFetch> fetch();

  /**
   * The document as XML text.
   *
   * @return the XML, declaration included
   */
  String toXml();

  /**
   * The document as the UTF-8 bytes that go on the wire; their length is the Content-Length.
   *
   * @return a new array each time
   */
  default byte[] toBytes() {
    return toXml().getBytes(StandardCharsets.UTF_8);
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
  static MinibrowserDocument read(byte[] xml) {
    return MinibrowserXmlReader.read(xml);
  }
}
