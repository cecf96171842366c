package dev.deskphone.unify.internal.xml;

import dev.deskphone.core.LedColour;
import dev.deskphone.core.LedState;
import dev.deskphone.core.Turnled;
import dev.deskphone.core.TurnledResponse;
import dev.deskphone.core.internal.Checks;
import dev.deskphone.core.internal.XmlSafety;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a Turnled reply safely: UTF-8 only, at most {@link #MAX_BYTES}, no DOCTYPE or entity, never
 * a fetch, bounded depth, element count and attribute length; then JAXB binds it. Thread-safe: one
 * cached {@link JAXBContext} and {@link XMLInputFactory}, a fresh unmarshaller and reader per call.
 */
public final class TurnledXmlReader {
  /** The wrapper element's name; it never appears in a real reply. */
  static final String WRAPPER = "DeskphoneTurnledFragment";

  /** The largest reply read, in bytes: {@value}. */
  public static final int MAX_BYTES = 64 * 1024;

  /** The deepest element nesting read: {@value}. */
  public static final int MAX_DEPTH = 8;

  /** The most elements read: {@value}. */
  public static final int MAX_ELEMENTS = 256;

  /** The longest attribute value read, in characters: {@value}. */
  public static final int MAX_ATTRIBUTE_LENGTH = 1024;

  private static final JAXBContext CONTEXT = newContext();
  private static final XMLInputFactory FACTORY = XmlSafety.inputFactory();

  private TurnledXmlReader() {}

  /**
   * Reads a reply.
   *
   * @throws IllegalArgumentException saying what is wrong: too large, not UTF-8, a DOCTYPE or
   *     entity, a limit, not well-formed, no Turnled, or a Turnled that breaks the model's rules
   */
  public static TurnledResponse read(byte[] xml) {
    if (xml.length > MAX_BYTES) {
      throw invalid("it is " + xml.length + " bytes; at most " + MAX_BYTES + " are read");
    }
    return read(XmlSafety.utf8(xml).orElseThrow(() -> invalid("it is not valid UTF-8")));
  }

  /** Reads a reply; see {@link #read(byte[])}. */
  public static TurnledResponse read(String xml) {
    String body = XmlSafety.body(xml, MAX_BYTES, TurnledXmlReader::invalid);
    if (body.isBlank()) {
      throw invalid("it is empty");
    }
    XmlFragment fragment = unmarshal("<" + WRAPPER + ">" + body + "</" + WRAPPER + ">");
    List<Turnled> leds = fragment.allTurnleds().map(TurnledXmlReader::toTurnled).toList();
    if (leds.isEmpty()) {
      throw invalid("it holds no Turnled element");
    }
    return TurnledResponse.of(leds);
  }

  private static XmlFragment unmarshal(String document) {
    XMLStreamReader reader = null;
    try {
      reader =
          new GuardedStreamReader(
              FACTORY.createXMLStreamReader(new StringReader(document)),
              MAX_DEPTH + 1,
              MAX_ELEMENTS + 1,
              MAX_ATTRIBUTE_LENGTH);
      Unmarshaller unmarshaller = CONTEXT.createUnmarshaller();
      return unmarshaller.unmarshal(reader, XmlFragment.class).getValue();
    } catch (JAXBException | XMLStreamException e) {
      throw invalid(reason(e));
    } finally {
      closeQuietly(reader);
    }
  }

  private static String reason(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof GuardedStreamReader.Limit) {
        return t.getMessage();
      }
      if (t instanceof JAXBException j
          && j.getLinkedException() != null
          && j.getLinkedException() != t) {
        String linked = reason(j.getLinkedException());
        if (linked != null) {
          return linked;
        }
      }
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof XMLStreamException x) {
        return "it is not well-formed XML (" + Checks.escape(String.valueOf(x.getMessage())) + ")";
      }
    }
    return "it is not well-formed XML";
  }

  private static Turnled toTurnled(XmlTurnled x) {
    if (x.id == null) {
      throw invalid("a Turnled has no ID");
    }
    if (x.state == null) {
      throw invalid("Turnled " + Checks.quote(x.id) + " has no STATE");
    }
    Turnled.Builder b = Turnled.builder(x.id).state(parse(LedState.class, "STATE", x.state));
    if (x.colour != null) {
      b.colour(parse(LedColour.class, "COLOUR", x.colour));
    }
    if (x.label != null) {
      b.label(x.label);
    }
    if (x.wake != null) {
      String wake = x.wake.trim().toUpperCase(Locale.ROOT);
      if (!wake.equals("TRUE") && !wake.equals("FALSE")) {
        throw invalid("WAKE must be TRUE or FALSE in any case, was " + Checks.quote(x.wake));
      }
      b.wake(wake.equals("TRUE"));
    }
    return b.build();
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String attribute, String value) {
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw invalid(
          attribute
              + " must be one of "
              + List.of(type.getEnumConstants())
              + " in any case, was "
              + Checks.quote(value));
    }
  }

  private static IllegalArgumentException invalid(String why) {
    return new IllegalArgumentException("not a Turnled reply: " + why);
  }

  private static void closeQuietly(XMLStreamReader reader) {
    if (reader != null) {
      try {
        reader.close();
      } catch (XMLStreamException ignored) {
        // nothing more to read
      }
    }
  }

  private static JAXBContext newContext() {
    try {
      return JAXBContext.newInstance(XmlFragment.class);
    } catch (JAXBException e) {
      throw new IllegalStateException("the Turnled XML binding does not load", e);
    }
  }
}
