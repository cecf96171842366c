package dev.deskphone.unify.internal.xml;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * Lets JAXB see a document only while it stays inside the reader's limits: no DTD, no entity
 * reference, bounded depth, element count and attribute length. Every event passes through {@link
 * #next()}, which JAXB's StAX connector calls; {@link #nextTag()} is routed through it too.
 */
final class GuardedStreamReader extends StreamReaderDelegate {
  private final int maxDepth;
  private final int maxElements;
  private final int maxAttributeLength;
  private int depth;
  private int elements;

  GuardedStreamReader(XMLStreamReader reader, int maxDepth, int maxElements, int maxAttributeLength)
      throws XMLStreamException {
    super(reader);
    this.maxDepth = maxDepth;
    this.maxElements = maxElements;
    this.maxAttributeLength = maxAttributeLength;
    check(reader.getEventType());
  }

  @Override
  public int next() throws XMLStreamException {
    int event = super.next();
    check(event);
    return event;
  }

  @Override
  public int nextTag() throws XMLStreamException {
    int event = next();
    while ((event == CHARACTERS && isWhiteSpace())
        || (event == CDATA && isWhiteSpace())
        || event == SPACE
        || event == PROCESSING_INSTRUCTION
        || event == COMMENT) {
      event = next();
    }
    if (event != START_ELEMENT && event != END_ELEMENT) {
      throw new Limit("expected an element at " + getLocation());
    }
    return event;
  }

  private void check(int event) throws XMLStreamException {
    switch (event) {
      case XMLStreamConstants.DTD:
        throw new Limit("a DOCTYPE is not allowed");
      case XMLStreamConstants.ENTITY_REFERENCE:
      case XMLStreamConstants.ENTITY_DECLARATION:
        throw new Limit("entity references are not allowed");
      case XMLStreamConstants.START_ELEMENT:
        if (++depth > maxDepth) {
          throw new Limit("elements nest deeper than " + (maxDepth - 1) + " levels");
        }
        if (++elements > maxElements) {
          throw new Limit("more than " + (maxElements - 1) + " elements");
        }
        for (int i = 0; i < getAttributeCount(); i++) {
          if (getAttributeValue(i).length() > maxAttributeLength) {
            throw new Limit(
                "attribute "
                    + getAttributeLocalName(i)
                    + " is longer than "
                    + maxAttributeLength
                    + " characters");
          }
        }
        break;
      case XMLStreamConstants.END_ELEMENT:
        depth--;
        break;
      default:
        break;
    }
  }

  /** A limit was hit; the message says which. */
  static final class Limit extends XMLStreamException {
    private static final long serialVersionUID = 1L;

    Limit(String message) {
      super(message);
    }
  }
}
