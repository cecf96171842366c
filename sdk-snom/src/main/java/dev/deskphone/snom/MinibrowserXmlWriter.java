package dev.deskphone.snom;

import dev.deskphone.core.internal.XmlSafety;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Writes a minibrowser document by hand: the forms are fixed and small, every value has been
 * checked, and each is escaped exactly as the Turnled writer does it ({@link XmlSafety#escape}:
 * {@code '} and TAB, CR, LF as references too, since a parser turns them raw into spaces inside
 * attributes; {@code >} always, so {@code ]]>} cannot appear). Not thread-safe; one per document.
 */
final class MinibrowserXmlWriter {
  private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

  private final StringBuilder out = new StringBuilder(512);

  private MinibrowserXmlWriter() {}

  /**
   * The whole document: declaration, {@code root}, the title, what {@code body} writes, the LEDs
   * and the fetch, one element of the root per line.
   *
   * @throws IllegalArgumentException if it would be larger than {@link
   *     MinibrowserDocument#MAX_BYTES}
   */
  static String document(
      String root,
      String title,
      Consumer<MinibrowserXmlWriter> body,
      List<MinibrowserLed> leds,
      MinibrowserFetch fetch) {
    MinibrowserXmlWriter w = new MinibrowserXmlWriter();
    w.out.append(DECLARATION).append('<').append(root).append(">\n");
    w.line("Title", title);
    body.accept(w);
    for (MinibrowserLed led : leds) {
      w.out.append("<LED");
      w.attribute("number", Integer.toString(led.number()));
      led.color().ifPresent(c -> w.attribute("color", c.name().toLowerCase(Locale.ROOT)));
      w.out.append('>').append(led.state().wireName()).append("</LED>\n");
    }
    if (fetch != null) {
      w.out.append("<fetch");
      w.attribute("mil", Long.toString(fetch.delay().toMillis()));
      w.out.append('>');
      w.escape(fetch.url().toASCIIString());
      w.out.append("</fetch>\n");
    }
    String xml = w.out.append("</").append(root).append(">\n").toString();
    int bytes = utf8Length(xml);
    if (bytes > MinibrowserDocument.MAX_BYTES) {
      throw new IllegalArgumentException(
          "the "
              + root
              + " document would be "
              + bytes
              + " bytes of UTF-8, over the limit of "
              + MinibrowserDocument.MAX_BYTES);
    }
    return xml;
  }

  /** {@code <name>text</name>} on a line of its own; nothing when {@code text} is null. */
  MinibrowserXmlWriter line(String name, String text) {
    if (text != null) {
      element(name, text);
      out.append('\n');
    }
    return this;
  }

  /** {@code <name>text</name>}, the text escaped. */
  MinibrowserXmlWriter element(String name, String text) {
    out.append('<').append(name).append('>');
    escape(text);
    out.append("</").append(name).append('>');
    return this;
  }

  /** {@code <name}, then each attribute pair (name, value; a null value is left out), then '>'. */
  MinibrowserXmlWriter open(String name, String... attributes) {
    out.append('<').append(name);
    for (int i = 0; i < attributes.length; i += 2) {
      if (attributes[i + 1] != null) {
        attribute(attributes[i], attributes[i + 1]);
      }
    }
    out.append('>');
    return this;
  }

  /** {@code </name>} and a line break. */
  MinibrowserXmlWriter close(String name) {
    out.append("</").append(name).append(">\n");
    return this;
  }

  private void attribute(String name, String value) {
    out.append(' ').append(name).append("=\"");
    escape(value);
    out.append('"');
  }

  private void escape(String value) {
    XmlSafety.escape(out, value);
  }

  /** The number of bytes {@code s} takes as UTF-8; checked values hold no unpaired surrogate. */
  static int utf8Length(String s) {
    int bytes = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}
