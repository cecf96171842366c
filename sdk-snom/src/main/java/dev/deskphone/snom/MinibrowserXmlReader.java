package dev.deskphone.snom;

import dev.deskphone.core.internal.Checks;
import dev.deskphone.core.internal.XmlSafety;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a minibrowser document with the JDK's own StAX parser, through {@link MinibrowserPull}:
 * UTF-8 only, at most {@link MinibrowserDocument#MAX_BYTES}, no DOCTYPE, no entity, never a fetch
 * ({@link XmlSafety}), bounded depth, element count and attribute length; element and attribute
 * names in any case. Every value goes through the public builders, so what it returns passes their
 * checks. One instance per document; the factory is shared and only creates readers.
 */
final class MinibrowserXmlReader {
  private static final Pattern NUMBER = Pattern.compile("[0-9]{1,9}");
  private static final Map<String, MinibrowserLed.State> STATES =
      Map.of(
          "on", MinibrowserLed.State.ON,
          "off", MinibrowserLed.State.OFF,
          "blink", MinibrowserLed.State.BLINK,
          "blinkfast", MinibrowserLed.State.BLINK_FAST,
          "blinkslow", MinibrowserLed.State.BLINK_SLOW);
  private static final XMLInputFactory FACTORY = XmlSafety.inputFactory();

  private final MinibrowserPull p;

  private MinibrowserXmlReader(XMLStreamReader r) {
    this.p = new MinibrowserPull(r);
  }

  static MinibrowserDocument read(byte[] xml) {
    Objects.requireNonNull(xml, "xml");
    int max = MinibrowserDocument.MAX_BYTES;
    if (xml.length > max) {
      throw invalid("it is " + xml.length + " bytes; at most " + max + " are read");
    }
    String text = XmlSafety.utf8(xml).orElseThrow(() -> invalid("it is not valid UTF-8"));
    String body = XmlSafety.body(text, max, MinibrowserXmlReader::invalid);
    XMLStreamReader reader = null;
    try {
      reader = FACTORY.createXMLStreamReader(new StringReader(body));
      return new MinibrowserXmlReader(reader).document();
    } catch (XMLStreamException e) {
      throw invalid(
          "it is not well-formed XML (" + Checks.escape(String.valueOf(e.getMessage())) + ")");
    } catch (MinibrowserPull.Refusal e) {
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
    String root = p.root();
    String name = root.toLowerCase(Locale.ROOT);
    p.noAttributes(root);
    MinibrowserDocument doc =
        switch (name.startsWith("snomipphone") ? name.substring(4) : name) {
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
    p.end();
    return doc;
  }

  private MinibrowserText text(String root) throws XMLStreamException {
    MinibrowserText.Builder b = MinibrowserText.builder();
    p.children(
        root,
        name -> {
          switch (name) {
            case "text" -> b.text(p.plain("Text", true));
            default -> extra(root, name, b);
          }
        });
    return b.build();
  }

  private MinibrowserMenu menu(String root) throws XMLStreamException {
    MinibrowserMenu.Builder b = MinibrowserMenu.builder();
    p.children(
        root,
        name -> {
          switch (name) {
            case "menuitem" -> menuItem(b);
            default -> extra(root, name, b);
          }
        });
    return b.build();
  }

  private void menuItem(MinibrowserMenu.Builder b) throws XMLStreamException {
    Map<String, String> attributes = p.attributes("MenuItem", "name", "sel");
    String[] item = new String[2]; // the Name element, the URL
    p.children(
        "MenuItem",
        name -> {
          switch (name) {
            case "name" -> item[0] = p.plain("Name", false);
            case "url" -> item[1] = p.plain("URL", false);
            default -> throw p.unknownElement("MenuItem", "Name, URL");
          }
        });
    String attribute = attributes.get("name");
    if (attribute != null && item[0] != null && !attribute.equals(item[0])) {
      throw invalid(
          "a MenuItem's name attribute "
              + Checks.quote(attribute)
              + " and Name element "
              + Checks.quote(item[0])
              + " differ");
    }
    String name = attribute != null ? attribute : item[0];
    if (name == null || item[1] == null) {
      throw invalid("a MenuItem needs a name (attribute or Name element) and a URL");
    }
    String sel = attributes.get("sel");
    if (sel != null && bool("MenuItem sel", sel)) {
      b.preselectedItem(name, uri("MenuItem URL", item[1]));
    } else {
      b.item(name, uri("MenuItem URL", item[1]));
    }
  }

  private MinibrowserInput input(String root) throws XMLStreamException {
    MinibrowserInput.Builder b = MinibrowserInput.builder();
    p.children(
        root,
        name -> {
          switch (name) {
            case "prompt" -> b.prompt(p.plain("Prompt", false));
            case "url" -> b.url(uri("URL", p.plain("URL", false)));
            case "inputitem" -> inputItem(b);
            default -> extra(root, name, b);
          }
        });
    return b.build();
  }

  private void inputItem(MinibrowserInput.Builder b) throws XMLStreamException {
    p.noAttributes("InputItem");
    p.children(
        "InputItem",
        name -> {
          switch (name) {
            case "displayname" -> b.displayName(p.plain("DisplayName", false));
            case "inputtoken" -> b.token(p.plain("InputToken", false));
            case "defaultvalue" -> b.defaultValue(p.plain("DefaultValue", false));
            case "inputflags" -> b.fieldType(fieldType(p.plain("InputFlags", false)));
            default ->
                throw p.unknownElement(
                    "InputItem", "DisplayName, InputToken, DefaultValue, InputFlags");
          }
        });
  }

  private static MinibrowserInput.FieldType fieldType(String flags) {
    for (MinibrowserInput.FieldType type : MinibrowserInput.FieldType.values()) {
      if (type.flag().equals(flags.trim())) {
        return type;
      }
    }
    throw invalid("InputFlags must be one of a, t, n, e, u, l, p, pn, was " + Checks.quote(flags));
  }

  private MinibrowserDirectory directory(String root) throws XMLStreamException {
    MinibrowserDirectory.Builder b = MinibrowserDirectory.builder();
    p.children(
        root,
        name -> {
          switch (name) {
            case "prompt" -> b.prompt(p.plain("Prompt", false));
            case "directoryentry" -> directoryEntry(b);
            default -> extra(root, name, b);
          }
        });
    return b.build();
  }

  private void directoryEntry(MinibrowserDirectory.Builder b) throws XMLStreamException {
    p.noAttributes("DirectoryEntry");
    String[] entry = new String[2];
    p.children(
        "DirectoryEntry",
        name -> {
          switch (name) {
            case "name" -> entry[0] = p.plain("Name", false);
            case "telephone" -> entry[1] = p.plain("Telephone", false);
            default -> throw p.unknownElement("DirectoryEntry", "Name, Telephone");
          }
        });
    if (entry[0] == null || entry[1] == null) {
      throw invalid("a DirectoryEntry needs a Name and a Telephone");
    }
    b.entry(entry[0], entry[1]);
  }

  private MinibrowserBatch batch(String root) throws XMLStreamException {
    MinibrowserBatch.Builder b = MinibrowserBatch.builder();
    p.children(root, name -> extra(root, name, b));
    return b.build();
  }

  /** The title, an LED or the fetch, which any document may hold; anything else is refused. */
  private void extra(String parent, String name, MinibrowserDocument.Builder<?> b)
      throws XMLStreamException {
    switch (name) {
      case "title" -> b.title(p.plain("Title", false));
      case "led" -> b.led(led());
      case "fetch" -> b.fetch(fetch());
      default -> throw p.unknownElement(parent, "the elements of its type, Title, LED, fetch");
    }
  }

  private MinibrowserLed led() throws XMLStreamException {
    Map<String, String> led = p.attributes("LED", "number", "color");
    String state = p.content("LED", false);
    if (led.get("number") == null) {
      throw invalid("an LED has no number attribute");
    }
    MinibrowserLed.State s = STATES.get(lower(state.trim()));
    if (s == null) {
      throw invalid(
          "an LED's state must be on, off, blink, blinkfast or blinkslow in any case, was "
              + Checks.quote(state));
    }
    int number = integer("LED number", led.get("number"));
    return led.get("color") == null
        ? MinibrowserLed.of(number, s)
        : MinibrowserLed.of(number, s, color(led.get("color")));
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
    String mil = p.attributes("fetch", "mil").get("mil");
    String url = p.content("fetch", false);
    if (mil == null) {
      throw invalid("a fetch has no mil attribute");
    }
    return MinibrowserFetch.after(
        Duration.ofMillis(integer("fetch mil", mil)), uri("fetch URL", url));
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

  private static MinibrowserPull.Refusal invalid(String why) {
    return MinibrowserPull.refuse(why);
  }
}
