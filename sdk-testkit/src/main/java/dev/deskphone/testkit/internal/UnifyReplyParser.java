package dev.deskphone.testkit.internal;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The fake phone's own reading of a Send URL reply, on the JDK's StAX parser and independent of
 * sdk-unify's JAXB reader: every {@code <Turnled>} element anywhere, its attributes as text. A
 * DOCTYPE, an entity, or anything not well-formed makes the whole reply invalid, as on the phone.
 * Thread-safe.
 */
public final class UnifyReplyParser {
  private static final XMLInputFactory FACTORY = newFactory();

  private UnifyReplyParser() {}

  /**
   * The attributes of each Turnled element, in document order, or empty if the reply is not
   * well-formed XML, has a DOCTYPE or has no root element.
   */
  public static Optional<List<Map<String, String>>> turnleds(String xml) {
    if (xml.isBlank()) {
      return Optional.empty();
    }
    List<Map<String, String>> found = new ArrayList<>();
    try {
      XMLStreamReader r = FACTORY.createXMLStreamReader(new StringReader(xml));
      try {
        while (r.hasNext()) {
          int event = r.next();
          if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
            return Optional.empty();
          }
          if (event == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("Turnled")) {
            Map<String, String> attributes = new HashMap<>();
            for (int i = 0; i < r.getAttributeCount(); i++) {
              attributes.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
            }
            found.add(attributes);
          }
        }
      } finally {
        r.close();
      }
    } catch (XMLStreamException | RuntimeException e) {
      return Optional.empty();
    }
    return Optional.of(found);
  }

  private static XMLInputFactory newFactory() {
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    return f;
  }
}
