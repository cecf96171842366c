package dev.deskphone.bench;

import dev.deskphone.core.LedColour;
import dev.deskphone.core.LedState;
import dev.deskphone.core.Turnled;
import dev.deskphone.core.TurnledResponse;
import dev.deskphone.unify.TurnledXml;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;
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
 * Item 5: {@code TurnledXml} writing and reading one LED reply (ID, STATE, COLOUR, a label that
 * needs escaping), against the JDK's own StAX writing and reading the same document (DTDs off), the
 * least a hand-written server or client would do.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TurnledXmlBenchmark {
  private TurnledResponse reply;
  private byte[] xml;
  private XMLOutputFactory outputs;
  private XMLInputFactory inputs;

  /** The reply and its bytes. */
  @Setup
  public void prepare() {
    reply =
        TurnledResponse.of(
            Turnled.builder("MySymbolicName")
                .state(LedState.FLASH)
                .colour(LedColour.RED)
                .label("Busy & <away>")
                .build());
    xml = TurnledXml.toBytes(reply);
    outputs = XMLOutputFactory.newFactory();
    inputs = XMLInputFactory.newFactory();
    inputs.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    inputs.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
  }

  /** The SDK writes the reply as UTF-8 bytes. */
  @Benchmark
  public byte[] sdkWrite() {
    return TurnledXml.toBytes(reply);
  }

  /** The baseline: StAX writes the same elements and attributes. */
  @Benchmark
  public byte[] staxWrite() throws XMLStreamException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    XMLStreamWriter w = outputs.createXMLStreamWriter(out, "UTF-8");
    w.writeStartElement("Batch");
    w.writeStartElement("Capabilities_Req");
    w.writeAttribute("TYPE", "ALL_OF");
    w.writeEmptyElement("Capability");
    w.writeAttribute("NAME", "XML_LED_STATE_CONTROL");
    w.writeEndElement();
    w.writeStartElement("Remote_Control");
    Turnled led = reply.turnleds().get(0);
    w.writeEmptyElement("Turnled");
    w.writeAttribute("ID", led.symbolicName());
    w.writeAttribute("WAKE", led.wake() ? "TRUE" : "FALSE");
    w.writeAttribute("STATE", led.state().name());
    w.writeAttribute("COLOUR", led.colour().orElseThrow().name());
    w.writeAttribute("LABEL", led.label().orElseThrow());
    w.writeEndElement();
    w.writeEndElement();
    w.close();
    return out.toByteArray();
  }

  /** The SDK reads the bytes back into a checked {@link TurnledResponse}. */
  @Benchmark
  public TurnledResponse sdkRead() {
    return TurnledXml.read(xml);
  }

  /** The baseline: StAX pulls the Turnled attributes out of the same bytes, unchecked. */
  @Benchmark
  public Map<String, String> staxRead() throws XMLStreamException {
    XMLStreamReader r = inputs.createXMLStreamReader(new ByteArrayInputStream(xml), "UTF-8");
    Map<String, String> attributes = new HashMap<>();
    while (r.hasNext()) {
      if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("Turnled")) {
        for (int i = 0; i < r.getAttributeCount(); i++) {
          attributes.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
        }
      }
    }
    r.close();
    return attributes;
  }
}
