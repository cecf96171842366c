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
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a minibrowser document with the JDK's own StAX parser, pulling one event at a time: UTF-8
 * only, at most {@link MinibrowserDocument#MAX_BYTES}, no DOCTYPE, no entity, never a fetch,
 * bounded depth, element count and attribute length; element names in any case. Every value goes
 * through the public builders, so what it returns passes their checks. One instance per document;
 * the factory is shared and only creates readers.
 */
final class MinibrowserXmlReader {
  /** The deepest the document types go: root, MenuItem, Name (or Text, br). */
  static final int MAX_DEPTH = 3;

  static final int MAX_ELEMENTS = 8192;
  static final int MAX_ATTRIBUTE_LENGTH = 1024;

  private static final Pattern DECLARATION =
      Pattern.compile("\\A<\\?xml\\s[^?]*\\?>", Pattern.DOTALL);
  private static final Pattern ENCODING = Pattern.compile("encoding\\s*=\\s*[\"']([^\"']*)[\"']");
  private static final Pattern NUMBER = Pattern.compile("[0-9]{1,9}");
  private static final Map<String, MinibrowserLed.State> STATES =
      Map.of(
          "on", MinibrowserLed.State.ON,
          "off", MinibrowserLed.State.OFF,
          "blink", MinibrowserLed.State.BLINK,
          "blinkfast", MinibrowserLed.State.BLINK_FAST,
          "blinkslow", MinibrowserLed.State.BLINK_SLOW);
  private static final XMLInputFactory FACTORY = newFactory();

  private final XMLStreamReader r;
  private int depth;
  private int elements;

  private MinibrowserXmlReader(XMLStreamReader r) {
    this.r = r;
  }

  static MinibrowserDocument read(byte[] xml) {
    Objects.requireNonNull(xml, "xml");
    if (xml.length > MinibrowserDocument.MAX_BYTES) {
      throw invalid(
          "it is " + xml.length + " bytes; at most " + MinibrowserDocument.MAX_BYTES + " are read");
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(xml))
              .toString();
    } catch (CharacterCodingException e) {
      throw invalid("it is not valid UTF-8");
    }
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    Matcher declaration = DECLARATION.matcher(body);
    if (declaration.find()) {
      Matcher encoding = ENCODING.matcher(declaration.group());
      if (encoding.find() && !encoding.group(1).equalsIgnoreCase("UTF-8")) {
        throw invalid(
            "only UTF-8 is read, the declaration says " + Checks.quote(encoding.group(1)));
      }
    }
    if (body.contains("<!DOCTYPE") || body.contains("<!ENTITY")) {
      throw invalid("a DOCTYPE or entity declaration is not allowed");
    }
    XMLStreamReader reader = null;
    try {
      reader = FACTORY.createXMLStreamReader(new StringReader(body));
      return new MinibrowserXmlReader(reader).document();
    } catch (XMLStreamException e) {
      throw invalid(
          "it is not well-formed XML (" + Checks.escape(String.valueOf(e.getMessage())) + ")");
    } catch (Refusal e) {
      throw e;
    } catch (IllegalArgumentException e) {
      // A builder's check: its message names the value and the rule.
      throw invalid(e.getMessage());
    } finally {
      if (reader != null) {
        try {
          reader.close();
        } catch (XMLStreamException ignored) {
          // nothing more to read
        }
      }
    }
  }

  private MinibrowserDocument document() throws XMLStreamException {
    if (nextTag("the document") != START_ELEMENT) {
      throw invalid("it holds no element");
    }
    String root = r.getLocalName();
    if (r.getNamespaceURI() != null && !r.getNamespaceURI().isEmpty()) {
      throw invalid("its root element " + Checks.quote(root) + " has a namespace");
    }
    String name = lower(root);
    name = name.startsWith("snomipphone") ? name.substring(4) : name;
    noAttributes(root);
    MinibrowserDocument doc =
        switch (name) {
          case "ipphonetext" -> text(root);
          case "ipphonemenu" -> menu(root);
          case "ipphoneinput" -> input(root);
          case "ipphonedirectory" -> directory(root);
          case "ipphonebatch" -> batch(root);
          default ->
              throw invalid(
                  "its root element "
                      + Checks.quote(root)
                      + " is not one this reader knows: SnomIPPhoneText, SnomIPPhoneMenu,"
                      + " SnomIPPhoneInput, SnomIPPhoneDirectory or SnomIPPhoneBatch");
        };
    while (r.hasNext()) {
      if (nextTag("the end of the document") == START_ELEMENT) {
        throw invalid("it holds a second root element " + Checks.quote(r.getLocalName()));
      }
    }
    return doc;
  }

  private MinibrowserText text(String root) throws XMLStreamException {
    MinibrowserText.Builder b = MinibrowserText.builder();
    Set<String> seen = new HashSet<>();
    while (nextTag(root) == START_ELEMENT) {
      String name = child(root, seen);
      switch (name) {
        case "title" -> b.title(plain("Title", false));
        case "text" -> b.text(plain("Text", true));
        default -> extra(root, name, b::led, b::fetch);
      }
    }
    return b.build();
  }

  private MinibrowserMenu menu(String root) throws XMLStreamException {
    MinibrowserMenu.Builder b = MinibrowserMenu.builder();
    Set<String> seen = new HashSet<>();
    while (nextTag(root) == START_ELEMENT) {
      String name = child(root, seen);
      switch (name) {
        case "title" -> b.title(plain("Title", false));
        case "menuitem" -> menuItem(b);
        default -> extra(root, name, b::led, b::fetch);
      }
    }
    return b.build();
  }

  private void menuItem(MinibrowserMenu.Builder b) throws XMLStreamException {
    String attributeName = null;
    boolean preselected = false;
    for (int i = 0; i < r.getAttributeCount(); i++) {
      if (isNamespaced(i)) {
        continue;
      }
      String attribute = lower(r.getAttributeLocalName(i));
      String value = r.getAttributeValue(i);
      switch (attribute) {
        case "name" -> attributeName = value;
        case "sel" -> preselected = bool("MenuItem sel", value);
        default -> throw unknownAttribute("MenuItem", r.getAttributeLocalName(i));
      }
    }
    String elementName = null;
    String url = null;
    Set<String> seen = new HashSet<>();
    while (nextTag("MenuItem") == START_ELEMENT) {
      switch (child("MenuItem", seen)) {
        case "name" -> elementName = plain("Name", false);
        case "url" -> url = plain("URL", false);
        default -> throw unknownElement("MenuItem", r.getLocalName(), "Name, URL");
      }
    }
    if (attributeName != null && elementName != null && !attributeName.equals(elementName)) {
      throw invalid(
          "a MenuItem's name attribute "
              + Checks.quote(attributeName)
              + " and Name element "
              + Checks.quote(elementName)
              + " differ");
    }
    String name = attributeName != null ? attributeName : elementName;
    if (name == null || url == null) {
      throw invalid("a MenuItem needs a name (attribute or Name element) and a URL");
    }
    if (preselected) {
      b.preselectedItem(name, uri("MenuItem URL", url));
    } else {
      b.item(name, uri("MenuItem URL", url));
    }
  }

  private MinibrowserInput input(String root) throws XMLStreamException {
    MinibrowserInput.Builder b = MinibrowserInput.builder();
    Set<String> seen = new HashSet<>();
    while (nextTag(root) == START_ELEMENT) {
      String name = child(root, seen);
      switch (name) {
        case "title" -> b.title(plain("Title", false));
        case "prompt" -> b.prompt(plain("Prompt", false));
        case "url" -> b.url(uri("URL", plain("URL", false)));
        case "inputitem" -> inputItem(b);
        default -> extra(root, name, b::led, b::fetch);
      }
    }
    return b.build();
  }

  private void inputItem(MinibrowserInput.Builder b) throws XMLStreamException {
    noAttributes("InputItem");
    Set<String> seen = new HashSet<>();
    while (nextTag("InputItem") == START_ELEMENT) {
      switch (child("InputItem", seen)) {
        case "displayname" -> b.displayName(plain("DisplayName", false));
        case "inputtoken" -> b.token(plain("InputToken", false));
        case "defaultvalue" -> b.defaultValue(plain("DefaultValue", false));
        case "inputflags" -> b.fieldType(fieldType(plain("InputFlags", false)));
        default ->
            throw unknownElement(
                "InputItem", r.getLocalName(), "DisplayName, InputToken, DefaultValue, InputFlags");
      }
    }
  }

  private static MinibrowserInput.FieldType fieldType(String flags) {
    String flag = flags.trim();
    for (MinibrowserInput.FieldType type : MinibrowserInput.FieldType.values()) {
      if (type.flag().equals(flag)) {
        return type;
      }
    }
    throw invalid("InputFlags must be one of a, t, n, e, u, l, p, pn, was " + Checks.quote(flags));
  }

  private MinibrowserDirectory directory(String root) throws XMLStreamException {
    MinibrowserDirectory.Builder b = MinibrowserDirectory.builder();
    Set<String> seen = new HashSet<>();
    while (nextTag(root) == START_ELEMENT) {
      String name = child(root, seen);
      switch (name) {
        case "title" -> b.title(plain("Title", false));
        case "prompt" -> b.prompt(plain("Prompt", false));
        case "directoryentry" -> directoryEntry(b);
        default -> extra(root, name, b::led, b::fetch);
      }
    }
    return b.build();
  }

  private void directoryEntry(MinibrowserDirectory.Builder b) throws XMLStreamException {
    noAttributes("DirectoryEntry");
    String name = null;
    String telephone = null;
    Set<String> seen = new HashSet<>();
    while (nextTag("DirectoryEntry") == START_ELEMENT) {
      switch (child("DirectoryEntry", seen)) {
        case "name" -> name = plain("Name", false);
        case "telephone" -> telephone = plain("Telephone", false);
        default -> throw unknownElement("DirectoryEntry", r.getLocalName(), "Name, Telephone");
      }
    }
    if (name == null || telephone == null) {
      throw invalid("a DirectoryEntry needs a Name and a Telephone");
    }
    b.entry(name, telephone);
  }

  private MinibrowserBatch batch(String root) throws XMLStreamException {
    MinibrowserBatch.Builder b = MinibrowserBatch.builder();
    Set<String> seen = new HashSet<>();
    while (nextTag(root) == START_ELEMENT) {
      extra(root, child(root, seen), b::led, b::fetch);
    }
    return b.build();
  }

  /** An LED or the fetch, which any document may hold; anything else is refused. */
  private void extra(
      String parent, String name, Consumer<MinibrowserLed> led, Consumer<MinibrowserFetch> fetch)
      throws XMLStreamException {
    switch (name) {
      case "led" -> led.accept(led());
      case "fetch" -> fetch.accept(fetch());
      default ->
          throw unknownElement(parent, r.getLocalName(), "the elements of its type, LED, fetch");
    }
  }

  private MinibrowserLed led() throws XMLStreamException {
    String number = null;
    String color = null;
    for (int i = 0; i < r.getAttributeCount(); i++) {
      if (isNamespaced(i)) {
        continue;
      }
      switch (lower(r.getAttributeLocalName(i))) {
        case "number" -> number = r.getAttributeValue(i);
        case "color" -> color = r.getAttributeValue(i);
        default -> throw unknownAttribute("LED", r.getAttributeLocalName(i));
      }
    }
    String state = content("LED", false);
    if (number == null) {
      throw invalid("an LED has no number attribute");
    }
    MinibrowserLed.State s = STATES.get(lower(state.trim()));
    if (s == null) {
      throw invalid(
          "an LED's state must be on, off, blink, blinkfast or blinkslow in any case, was "
              + Checks.quote(state));
    }
    int n = integer("LED number", number);
    return color == null ? MinibrowserLed.of(n, s) : MinibrowserLed.of(n, s, color(color));
  }

  private static MinibrowserLed.Color color(String color) {
    for (MinibrowserLed.Color c : MinibrowserLed.Color.values()) {
      if (c.name().equalsIgnoreCase(color.trim())) {
        return c;
      }
    }
    throw invalid("an LED's color must be red, green or orange, was " + Checks.quote(color));
  }

  private MinibrowserFetch fetch() throws XMLStreamException {
    String mil = null;
    for (int i = 0; i < r.getAttributeCount(); i++) {
      if (isNamespaced(i)) {
        continue;
      }
      if (!lower(r.getAttributeLocalName(i)).equals("mil")) {
        throw unknownAttribute("fetch", r.getAttributeLocalName(i));
      }
      mil = r.getAttributeValue(i);
    }
    String url = content("fetch", false);
    if (mil == null) {
      throw invalid("a fetch has no mil attribute");
    }
    return MinibrowserFetch.after(
        Duration.ofMillis(integer("fetch mil", mil)), uri("fetch URL", url));
  }

  /**
   * The name of the child element just started, in lower case; refuses a second one of the elements
   * that may appear once.
   */
  private String child(String parent, Set<String> seen) {
    String name = lower(r.getLocalName());
    if (r.getNamespaceURI() != null && !r.getNamespaceURI().isEmpty()) {
      throw invalid(
          "element " + Checks.quote(r.getLocalName()) + " inside " + parent + " has a namespace");
    }
    boolean repeats =
        name.equals("menuitem") || name.equals("directoryentry") || name.equals("led");
    if (!repeats && !seen.add(name)) {
      throw invalid(parent + " holds more than one " + r.getLocalName());
    }
    return name;
  }

  /**
   * The text of the element just started, which must have no attribute and hold no element (where
   * {@code lineBreaks}, {@code <br/>} stands for LF); its end tag is consumed.
   */
  private String plain(String element, boolean lineBreaks) throws XMLStreamException {
    noAttributes(element);
    return content(element, lineBreaks);
  }

  /** As {@link #plain}, leaving the element's attributes to the caller. */
  private String content(String element, boolean lineBreaks) throws XMLStreamException {
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
            throw invalid(element + " holds an element " + Checks.quote(r.getLocalName()));
          }
          noAttributes("br");
          if (nextTag("br") != END_ELEMENT) {
            throw invalid("a <br> holds an element");
          }
          text.append('\n');
        }
        default -> throw invalid("unexpected content inside " + element);
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
            throw invalid(
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
      case DTD -> throw invalid("a DOCTYPE is not allowed");
      case ENTITY_REFERENCE, ENTITY_DECLARATION ->
          throw invalid("entity references are not allowed");
      case START_ELEMENT -> {
        if (++depth > MAX_DEPTH) {
          throw invalid("elements nest deeper than " + MAX_DEPTH + " levels");
        }
        if (++elements > MAX_ELEMENTS) {
          throw invalid("it holds more than " + MAX_ELEMENTS + " elements");
        }
        for (int i = 0; i < r.getAttributeCount(); i++) {
          if (r.getAttributeValue(i).length() > MAX_ATTRIBUTE_LENGTH) {
            throw invalid(
                "attribute "
                    + Checks.quote(r.getAttributeLocalName(i))
                    + " is longer than "
                    + MAX_ATTRIBUTE_LENGTH
                    + " characters");
          }
        }
      }
      case END_ELEMENT -> depth--;
      case END_DOCUMENT -> {
        if (depth > 0) {
          throw invalid("it ends inside an element");
        }
      }
      default -> {}
    }
    return event;
  }

  private void noAttributes(String element) {
    for (int i = 0; i < r.getAttributeCount(); i++) {
      if (!isNamespaced(i)) {
        throw unknownAttribute(element, r.getAttributeLocalName(i));
      }
    }
  }

  /** An attribute in a namespace, such as {@code xsi:noNamespaceSchemaLocation}: ignored. */
  private boolean isNamespaced(int i) {
    String ns = r.getAttributeNamespace(i);
    return ns != null && !ns.isEmpty();
  }

  private static int integer(String what, String value) {
    String digits = value.trim();
    if (!NUMBER.matcher(digits).matches()) {
      throw invalid(what + " must be a whole number, was " + Checks.quote(value));
    }
    return Integer.parseInt(digits);
  }

  private static boolean bool(String what, String value) {
    return switch (lower(value.trim())) {
      case "true" -> true;
      case "false" -> false;
      default -> throw invalid(what + " must be true or false, was " + Checks.quote(value));
    };
  }

  private static URI uri(String what, String value) {
    try {
      return new URI(value.strip());
    } catch (URISyntaxException e) {
      throw invalid(what + " is not a URI: " + Checks.quote(value));
    }
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  private static Refusal unknownElement(String parent, String element, String known) {
    return invalid(
        parent
            + " holds an element "
            + Checks.quote(element)
            + " this reader does not know (it reads "
            + known
            + ")");
  }

  private static Refusal unknownAttribute(String element, String attribute) {
    return invalid(
        element + " has an attribute " + Checks.quote(attribute) + " this reader does not know");
  }

  private static Refusal invalid(String why) {
    return new Refusal("not a minibrowser document: " + why);
  }

  /** The reader's own refusal, already worded; a builder's check is worded by the builder. */
  private static final class Refusal extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    Refusal(String message) {
      super(message);
    }
  }

  private static XMLInputFactory newFactory() {
    // The JDK's own StAX parser, whatever else is on the class path.
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, false);
    f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    f.setXMLResolver(
        (publicId, systemId, baseUri, namespace) -> {
          throw new XMLStreamException("external resources are never fetched");
        });
    return f;
  }
}
