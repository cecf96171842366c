package dev.deskphone.snom;

import static javax.xml.stream.XMLStreamConstants.CDATA;
import static javax.xml.stream.XMLStreamConstants.CHARACTERS;
import static javax.xml.stream.XMLStreamConstants.COMMENT;
import static javax.xml.stream.XMLStreamConstants.DTD;
import static javax.xml.stream.XMLStreamConstants.END_DOCUMENT;
import static javax.xml.stream.XMLStreamConstants.END_ELEMENT;
import static javax.xml.stream.XMLStreamConstants.ENTITY_DECLARATION;
import static javax.xml.stream.XMLStreamConstants.ENTITY_REFERENCE;
import static javax.xml.stream.XMLStreamConstants.PROCESSING_INSTRUCTION;
import static javax.xml.stream.XMLStreamConstants.SPACE;
import static javax.xml.stream.XMLStreamConstants.START_ELEMENT;

import dev.deskphone.core.internal.Checks;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The events of a minibrowser document, pulled one at a time through the checks every event passes:
 * no DOCTYPE, no entity reference, bounded depth, element count and attribute length, no text
 * outside the elements that hold text, no namespaced element; names handed on in lower case. One
 * per document; not thread-safe.
 */
final class MinibrowserPull {
  /** The deepest the document types go: root, MenuItem, Name (or Text, br). */
  static final int MAX_DEPTH = 3;

  static final int MAX_ELEMENTS = 8192;
  static final int MAX_ATTRIBUTE_LENGTH = 1024;

  private final XMLStreamReader r;
  private int depth;
  private int elements;

  MinibrowserPull(XMLStreamReader r) {
    this.r = r;
  }

  /** Handles the child element just started, by its name in lower case. */
  interface Child {
    void read(String name) throws XMLStreamException;
  }

  /** The root element's name, as written; refuses a document without one. */
  String root() throws XMLStreamException {
    if (nextTag("the document") != START_ELEMENT) {
      throw refuse("it holds no element");
    }
    noNamespace("its root element");
    return r.getLocalName();
  }

  /** After the root's end tag: only whitespace, comments and processing instructions. */
  void end() throws XMLStreamException {
    while (r.hasNext()) {
      if (nextTag("the end of the document") == START_ELEMENT) {
        throw refuse("it holds a second root element " + Checks.quote(r.getLocalName()));
      }
    }
  }

  /**
   * Hands each child of the element just started to {@code child}, by name in lower case, until its
   * end tag; refuses a second one of the elements that may appear once, and namespaced ones.
   */
  void children(String parent, Child child) throws XMLStreamException {
    Set<String> seen = new HashSet<>();
    while (nextTag(parent) == START_ELEMENT) {
      noNamespace("element " + Checks.quote(r.getLocalName()) + " inside " + parent);
      String name = lower(r.getLocalName());
      boolean repeats =
          name.equals("menuitem") || name.equals("directoryentry") || name.equals("led");
      if (!repeats && !seen.add(name)) {
        throw refuse(parent + " holds more than one " + r.getLocalName());
      }
      child.read(name);
    }
  }

  /**
   * The attributes of the element just started, by name in lower case; refuses any but the {@code
   * known} ones (given in lower case) and ignores namespaced ones.
   */
  Map<String, String> attributes(String element, String... known) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < r.getAttributeCount(); i++) {
      if (isNamespaced(i)) {
        continue;
      }
      String name = lower(r.getAttributeLocalName(i));
      if (!Arrays.asList(known).contains(name)) {
        throw refuse(
            element
                + " has an attribute "
                + Checks.quote(r.getAttributeLocalName(i))
                + " this reader does not know");
      }
      values.put(name, r.getAttributeValue(i));
    }
    return values;
  }

  void noAttributes(String element) {
    attributes(element);
  }

  /**
   * The text of the element just started, which must have no attribute and hold no element (where
   * {@code lineBreaks}, {@code <br/>} stands for LF); its end tag is consumed.
   */
  String plain(String element, boolean lineBreaks) throws XMLStreamException {
    noAttributes(element);
    return content(element, lineBreaks);
  }

  /** As {@link #plain}, leaving the element's attributes to the caller. */
  String content(String element, boolean lineBreaks) throws XMLStreamException {
    StringBuilder text = new StringBuilder();
    while (true) {
      int event = next();
      switch (event) {
        case CHARACTERS, CDATA, SPACE -> text.append(r.getText());
        case COMMENT, PROCESSING_INSTRUCTION -> {}
        case END_ELEMENT -> {
          return text.toString();
        }
        case START_ELEMENT -> {
          if (!lineBreaks || !lower(r.getLocalName()).equals("br")) {
            throw refuse(element + " holds an element " + Checks.quote(r.getLocalName()));
          }
          noAttributes("br");
          if (nextTag("br") != END_ELEMENT) {
            throw refuse("a <br> holds an element");
          }
          text.append('\n');
        }
        default -> throw refuse("unexpected content inside " + element);
      }
    }
  }

  /**
   * The next start or end tag; whitespace, comments and processing instructions in between are
   * skipped, any other text is refused.
   */
  private int nextTag(String where) throws XMLStreamException {
    while (true) {
      int event = next();
      switch (event) {
        case START_ELEMENT, END_ELEMENT, END_DOCUMENT -> {
          return event;
        }
        case CHARACTERS, CDATA, SPACE -> {
          if (!r.getText().isBlank()) {
            throw refuse(
                where + " holds text outside its elements: " + Checks.quote(r.getText().strip()));
          }
        }
        default -> {}
      }
    }
  }

  /** The next event, after the checks every event passes. */
  private int next() throws XMLStreamException {
    int event = r.next();
    switch (event) {
      case DTD -> throw refuse("a DOCTYPE is not allowed");
      case ENTITY_REFERENCE, ENTITY_DECLARATION ->
          throw refuse("entity references are not allowed");
      case START_ELEMENT -> {
        if (++depth > MAX_DEPTH) {
          throw refuse("elements nest deeper than " + MAX_DEPTH + " levels");
        }
        if (++elements > MAX_ELEMENTS) {
          throw refuse("it holds more than " + MAX_ELEMENTS + " elements");
        }
        for (int i = 0; i < r.getAttributeCount(); i++) {
          if (r.getAttributeValue(i).length() > MAX_ATTRIBUTE_LENGTH) {
            throw refuse(
                "attribute "
                    + Checks.quote(r.getAttributeLocalName(i))
                    + " is longer than "
                    + MAX_ATTRIBUTE_LENGTH
                    + " characters");
          }
        }
      }
      case END_ELEMENT -> depth--;
      default -> {}
    }
    return event;
  }

  private void noNamespace(String what) {
    if (r.getNamespaceURI() != null && !r.getNamespaceURI().isEmpty()) {
      throw refuse(what + " has a namespace");
    }
  }

  /** An attribute in a namespace, such as {@code xsi:noNamespaceSchemaLocation}: ignored. */
  private boolean isNamespaced(int i) {
    String ns = r.getAttributeNamespace(i);
    return ns != null && !ns.isEmpty();
  }

  Refusal unknownElement(String parent, String known) {
    return refuse(
        parent
            + " holds an element "
            + Checks.quote(r.getLocalName())
            + " this reader does not know (it reads "
            + known
            + ")");
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  static Refusal refuse(String why) {
    return new Refusal("not a minibrowser document: " + why);
  }

  /** The reader's own refusal, already worded; a builder's check is worded by the builder. */
  static final class Refusal extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    Refusal(String message) {
      super(message);
    }
  }
}
