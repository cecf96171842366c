package dev.deskphone.testkit.internal;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The fake snom phone's own reading of a minibrowser document, on the JDK's StAX parser and
 * independent of sdk-snom's writer and reader: the main tag ({@code SnomIPPhoneText}, {@code
 * ...Menu}, {@code ...Input}, {@code ...Directory}, {@code ...Batch}, also without {@code Snom}),
 * its title, prompt, text ({@code <br/>} a line break), menu items (named by a {@code Name} element
 * or a {@code name} attribute), directory entries, input item, soft keys, LEDs (anywhere) and
 * fetch. Unknown elements are skipped, as a phone skips them. A DOCTYPE, an entity reference, more
 * than 16 levels or 2,000 elements, a text over 8 KiB, or anything not well-formed makes the whole
 * document invalid. Thread-safe.
 */
public final class ScreenXml {
  private static final XMLInputFactory FACTORY = newFactory();
  private static final int MAX_DEPTH = 16;
  private static final int MAX_ELEMENTS = 2000;
  private static final int MAX_TEXT = 8 * 1024;
  private static final Set<String> MAIN_TAGS =
      Set.of("IPPhoneText", "IPPhoneMenu", "IPPhoneInput", "IPPhoneDirectory", "IPPhoneBatch");

  /** What a document asks the phone to show and do. */
  public record Page(
      String kind,
      String title,
      String prompt,
      String text,
      List<Item> items,
      Optional<Input> input,
      Map<String, String> softKeys,
      List<Led> leds,
      Optional<Fetch> fetch) {}

  /** A menu item (name, URL) or a directory entry (name, number). */
  public record Item(String name, String target) {}

  /** An input item with the URL its value goes to. */
  public record Input(
      String displayName, String token, String defaultValue, String flags, String url) {}

  /** An LED element: number, colour and state as written. */
  public record Led(int number, String color, String state) {}

  /** A fetch element: the URL, after {@code mil} milliseconds. */
  public record Fetch(String url, long millis) {}

  private ScreenXml() {}

  /**
   * Reads {@code xml}.
   *
   * @throws IllegalArgumentException with the reason, if it is not a document the phone shows
   */
  public static Page read(byte[] xml) {
    try {
      XMLStreamReader r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
      try {
        return new Reading(r).page();
      } finally {
        r.close();
      }
    } catch (XMLStreamException e) {
      throw new IllegalArgumentException("not well-formed XML: " + e.getMessage(), e);
    }
  }

  /** One pass over a document. */
  private static final class Reading {
    private final XMLStreamReader r;
    private final List<String> path = new ArrayList<>();
    private String kind;
    private int mainDepth = -1;
    private String title = "";
    private String prompt = "";
    private String text = "";
    private String inputUrl = "";
    private final List<Item> items = new ArrayList<>();
    private final Map<String, String> fields = new LinkedHashMap<>();
    private Input input;
    private final Map<String, String> softKeys = new LinkedHashMap<>();
    private final List<Led> leds = new ArrayList<>();
    private Fetch fetch;
    private int elements;

    Reading(XMLStreamReader r) {
      this.r = r;
    }

    Page page() throws XMLStreamException {
      while (r.hasNext()) {
        int event = r.next();
        switch (event) {
          case XMLStreamConstants.DTD -> throw new IllegalArgumentException("a DOCTYPE");
          case XMLStreamConstants.ENTITY_REFERENCE ->
              throw new IllegalArgumentException("an entity reference");
          case XMLStreamConstants.START_ELEMENT -> start();
          case XMLStreamConstants.END_ELEMENT -> end();
          default -> {}
        }
      }
      if (kind == null) {
        throw new IllegalArgumentException("no minibrowser main tag");
      }
      return new Page(
          kind,
          title,
          prompt,
          text,
          List.copyOf(items),
          Optional.ofNullable(input)
              .map(
                  i ->
                      new Input(i.displayName(), i.token(), i.defaultValue(), i.flags(), inputUrl)),
          Map.copyOf(softKeys),
          List.copyOf(leds),
          Optional.ofNullable(fetch));
    }

    private void start() throws XMLStreamException {
      String name = r.getLocalName();
      path.add(name);
      if (path.size() > MAX_DEPTH || ++elements > MAX_ELEMENTS) {
        throw new IllegalArgumentException("more than " + MAX_DEPTH + " levels or elements");
      }
      String main = name.startsWith("Snom") ? name.substring(4) : name;
      if (path.size() == 1) {
        if (!MAIN_TAGS.contains(main)) {
          throw new IllegalArgumentException("root element " + name + " is no minibrowser tag");
        }
        kind = main.substring("IPPhone".length()).toUpperCase(Locale.ROOT);
        mainDepth = 1;
        return;
      }
      if (kind.equals("BATCH")
          && path.size() == 2
          && MAIN_TAGS.contains(main)
          && !main.equals("IPPhoneBatch")) {
        kind = main.substring("IPPhone".length()).toUpperCase(Locale.ROOT);
        mainDepth = 2;
        return;
      }
      if (name.equalsIgnoreCase("LED")) {
        leds.add(
            new Led(
                number(r.getAttributeValue(null, "number")),
                Optional.ofNullable(r.getAttributeValue(null, "color")).orElse(""),
                text().strip().toLowerCase(Locale.ROOT)));
        path.remove(path.size() - 1);
        return;
      }
      if (path.size() == mainDepth + 1 && name.equalsIgnoreCase("fetch")) {
        String mil = Optional.ofNullable(r.getAttributeValue(null, "mil")).orElse("0");
        fetch = new Fetch(text().strip(), Math.max(0, number(mil)));
        path.remove(path.size() - 1);
        return;
      }
      if (path.size() == mainDepth + 1) {
        switch (name) {
          case "Title" -> title = leaf();
          case "Prompt" -> prompt = leaf();
          case "Text" -> text = leaf();
          case "URL", "Url" -> inputUrl = leaf();
          case "MenuItem", "DirectoryEntry", "InputItem", "SoftKeyItem" -> {
            fields.clear();
            String named = r.getAttributeValue(null, "name"); // the current docs' form
            if (named != null) {
              fields.put("Name", named);
            }
          }
          default -> {}
        }
        return;
      }
      if (path.size() == mainDepth + 2) {
        String parent = path.get(path.size() - 2);
        if (Set.of("MenuItem", "DirectoryEntry", "InputItem", "SoftKeyItem").contains(parent)) {
          fields.put(name.equals("Url") ? "URL" : name, leaf());
        }
      }
    }

    private void end() {
      if (path.isEmpty()) {
        return;
      }
      String name = path.remove(path.size() - 1);
      if (path.size() != mainDepth) {
        return;
      }
      switch (name) {
        case "MenuItem" -> items.add(new Item(field("Name"), field("URL")));
        case "DirectoryEntry" -> items.add(new Item(field("Name"), field("Telephone")));
        case "InputItem" ->
            input =
                new Input(
                    field("DisplayName"),
                    field("InputToken"),
                    field("DefaultValue"),
                    field("InputFlags"),
                    "");
        case "SoftKeyItem" -> softKeys.put(field("Name"), field("URL"));
        default -> {}
      }
    }

    private String field(String name) {
      return fields.getOrDefault(name, "");
    }

    /** The text of an element whose end this consumes (its end event is not seen by the loop). */
    private String leaf() throws XMLStreamException {
      String t = text();
      path.remove(path.size() - 1);
      return t;
    }

    /** Text up to this element's end, nested elements refused. */
    private String text() throws XMLStreamException {
      StringBuilder sb = new StringBuilder();
      while (true) {
        int event = r.next();
        switch (event) {
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
              sb.append(r.getText());
          case XMLStreamConstants.END_ELEMENT -> {
            return sb.toString();
          }
          case XMLStreamConstants.ENTITY_REFERENCE ->
              throw new IllegalArgumentException("an entity reference");
          case XMLStreamConstants.START_ELEMENT -> {
            if (!r.getLocalName().equalsIgnoreCase("br")) {
              throw new IllegalArgumentException(
                  "element " + r.getLocalName() + " inside a text element");
            }
            sb.append('\n'); // <br/>: a line break
            if (r.next() != XMLStreamConstants.END_ELEMENT) {
              throw new IllegalArgumentException("a br element with content");
            }
          }
          default -> {}
        }
        if (sb.length() > MAX_TEXT) {
          throw new IllegalArgumentException("a text over " + MAX_TEXT + " characters");
        }
      }
    }

    private static int number(String s) {
      try {
        return s == null ? -1 : Integer.parseInt(s.strip());
      } catch (NumberFormatException e) {
        return -1;
      }
    }
  }

  private static XMLInputFactory newFactory() {
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    return f;
  }
}
