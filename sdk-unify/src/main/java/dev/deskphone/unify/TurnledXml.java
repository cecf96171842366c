package dev.deskphone.unify;

import dev.deskphone.core.TurnledResponse;
import dev.deskphone.unify.internal.xml.TurnledXmlReader;
import dev.deskphone.unify.internal.xml.TurnledXmlWriter;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The XML a Send URL server answers with, both ways.
 *
 * <pre>{@code
 * String xml = TurnledXml.write(reply);  TurnledResponse back = TurnledXml.read(xml);
 * }</pre>
 *
 * <p>Writing produces the form of Unify's Node-RED add-on: a {@code <Batch>} with the {@code
 * XML_LED_STATE_CONTROL} capability request and one {@code <Turnled>} per LED, every attribute
 * escaped ({@code & < > " '} and TAB, CR, LF as character references), no XML declaration, LF line
 * ends. Send it as UTF-8 ({@link #toBytes}) with {@link #CONTENT_TYPE}; the Content-Length is the
 * byte count, never the character count.
 *
 * <p>Reading accepts that form, a bare {@code <Capabilities_Req>}/{@code <Turnled>} fragment as the
 * vendor page shows it, and {@code WAKE}, {@code STATE} and {@code COLOUR} in any case. It rejects
 * any DOCTYPE or entity, never fetches anything, and stops at {@value #MAX_BYTES} bytes, a nesting
 * depth of {@value #MAX_DEPTH}, {@value #MAX_ELEMENTS} elements and attributes of {@value
 * #MAX_ATTRIBUTE_LENGTH} characters.
 *
 * <p>Stateless and thread-safe; the JAXB context is created once, on first use, so the first {@link
 * #read} in a JVM takes longer than the ones after it.
 */
public final class TurnledXml {

  /** The content type of a reply: {@value}. */
  public static final String CONTENT_TYPE = "text/xml; charset=UTF-8";

  /** The largest reply {@link #read} accepts, in bytes: {@value}. */
  public static final int MAX_BYTES = TurnledXmlReader.MAX_BYTES;

  /** The deepest element nesting {@link #read} accepts: {@value}. */
  public static final int MAX_DEPTH = TurnledXmlReader.MAX_DEPTH;

  /** The most elements {@link #read} accepts: {@value}. */
  public static final int MAX_ELEMENTS = TurnledXmlReader.MAX_ELEMENTS;

  /** The longest attribute value {@link #read} accepts, in characters: {@value}. */
  public static final int MAX_ATTRIBUTE_LENGTH = TurnledXmlReader.MAX_ATTRIBUTE_LENGTH;

  private TurnledXml() {}

  /**
   * The reply as XML text.
   *
   * @param reply the reply
   * @return the XML
   */
  public static String write(TurnledResponse reply) {
    return TurnledXmlWriter.write(Objects.requireNonNull(reply, "reply"));
  }

  /**
   * The reply as the UTF-8 bytes that go on the wire; their length is the Content-Length.
   *
   * @param reply the reply
   * @return the bytes
   */
  public static byte[] toBytes(TurnledResponse reply) {
    return write(reply).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Reads a reply from text.
   *
   * @param xml the XML
   * @return the Turnleds it holds, in document order
   * @throws IllegalArgumentException saying why it is not a reply: too large, a DOCTYPE or entity,
   *     a limit, not well-formed, no Turnled, or a Turnled with a bad or missing ID or STATE, a bad
   *     COLOUR, WAKE or LABEL, or a colour with STATE OFF
   */
  public static TurnledResponse read(String xml) {
    return TurnledXmlReader.read(Objects.requireNonNull(xml, "xml"));
  }

  /**
   * Reads a reply from UTF-8 bytes; see {@link #read(String)}.
   *
   * @param xml the bytes
   * @return the Turnleds it holds, in document order
   * @throws IllegalArgumentException as {@link #read(String)}, and for bytes that are not UTF-8
   */
  public static TurnledResponse read(byte[] xml) {
    return TurnledXmlReader.read(Objects.requireNonNull(xml, "xml"));
  }
}
