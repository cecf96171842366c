package dev.deskphone.bench;

import dev.deskphone.snom.MinibrowserDocument;
import dev.deskphone.snom.MinibrowserFetch;
import dev.deskphone.snom.MinibrowserLed;
import dev.deskphone.snom.MinibrowserMenu;
import dev.deskphone.snom.SnomFragment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The snom minibrowser documents: a menu of 10 items (names with {@code &}, quotes, umlauts and an
 * emoji; http and {@code snom://} URLs), a title, an LED and a fetch, built, checked and written as
 * UTF-8 bytes, and read back into a checked {@link MinibrowserMenu}; against the JDK's own StAX
 * writing the same elements and attributes from the same strings, and pulling the item names and
 * URLs out of the same bytes (DTDs off), without any of the SDK's checks.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MinibrowserXmlBenchmark {
  private static final int ITEMS = 10;

  private final List<String> names = new ArrayList<>();
  private final List<URI> urls = new ArrayList<>();
  private URI exit;
  private byte[] xml;
  private XMLOutputFactory outputs;
  private XMLInputFactory inputs;

  /** The items and the bytes of the document. */
  @Setup
  public void prepare() {
    for (int i = 0; i < ITEMS; i++) {
      names.add("Tür " + i + " & \"Tor\" \uD83D\uDEAA");
      urls.add(
          i % 2 == 0
              ? URI.create("https://apps.example/door?id=" + i + "&open=yes")
              : SnomFragment.exit().numberDial("+4930" + i).toUri());
    }
    exit = SnomFragment.exit().toUri();
    xml = sdkWrite();
    outputs = XMLOutputFactory.newFactory();
    inputs = XMLInputFactory.newFactory();
    inputs.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    inputs.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
  }

  /** The SDK builds and checks the document and writes it as UTF-8 bytes. */
  @Benchmark
  public byte[] sdkWrite() {
    MinibrowserMenu.Builder b = MinibrowserMenu.builder().title("Doors & gates");
    for (int i = 0; i < ITEMS; i++) {
      b.item(names.get(i), urls.get(i));
    }
    return b.led(MinibrowserLed.of(3, MinibrowserLed.State.BLINK, MinibrowserLed.Color.RED))
        .fetch(MinibrowserFetch.after(Duration.ofSeconds(30), exit))
        .build()
        .toBytes();
  }

  /** The baseline: StAX writes the same elements and attributes. */
  @Benchmark
  public byte[] staxWrite() throws XMLStreamException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
    XMLStreamWriter w = outputs.createXMLStreamWriter(out, "UTF-8");
    w.writeStartDocument("UTF-8", "1.0");
    w.writeStartElement("SnomIPPhoneMenu");
    w.writeStartElement("Title");
    w.writeCharacters("Doors & gates");
    w.writeEndElement();
    for (int i = 0; i < ITEMS; i++) {
      w.writeStartElement("MenuItem");
      w.writeAttribute("name", names.get(i));
      w.writeStartElement("Name");
      w.writeCharacters(names.get(i));
      w.writeEndElement();
      w.writeStartElement("URL");
      w.writeCharacters(urls.get(i).toASCIIString());
      w.writeEndElement();
      w.writeEndElement();
    }
    w.writeStartElement("LED");
    w.writeAttribute("number", "3");
    w.writeAttribute("color", "red");
    w.writeCharacters("Blink");
    w.writeEndElement();
    w.writeStartElement("fetch");
    w.writeAttribute("mil", "30000");
    w.writeCharacters(exit.toASCIIString());
    w.writeEndElement();
    w.writeEndElement();
    w.writeEndDocument();
    w.close();
    return out.toByteArray();
  }

  /** The SDK reads the bytes back into a checked {@link MinibrowserMenu}. */
  @Benchmark
  public MinibrowserDocument sdkRead() {
    return MinibrowserDocument.read(xml);
  }

  /** The baseline: StAX pulls the item names and URLs out of the same bytes, unchecked. */
  @Benchmark
  public List<String> staxRead() throws XMLStreamException {
    XMLStreamReader r = inputs.createXMLStreamReader(new ByteArrayInputStream(xml), "UTF-8");
    List<String> found = new ArrayList<>(2 * ITEMS);
    while (r.hasNext()) {
      if (r.next() == XMLStreamConstants.START_ELEMENT) {
        if (r.getLocalName().equals("MenuItem")) {
          found.add(r.getAttributeValue(null, "name"));
        } else if (r.getLocalName().equals("URL")) {
          found.add(r.getElementText());
        }
      }
    }
    r.close();
    return found;
  }
}
