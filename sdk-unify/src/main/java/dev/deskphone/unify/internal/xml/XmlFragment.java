package dev.deskphone.unify.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The synthetic root the reader wraps a reply in, so that the full {@code <Batch>} form and the
 * bare fragments the vendor page shows (a {@code <Capabilities_Req>} followed by a {@code
 * <Turnled>}) read alike: it holds what a Batch holds, and Batches. Bound by JAXB only.
 */
@XmlRootElement(name = TurnledXmlReader.WRAPPER)
@XmlAccessorType(XmlAccessType.FIELD)
public final class XmlFragment extends XmlBatch {
  @XmlElement(name = "Batch")
  final List<XmlBatch> batches = new ArrayList<>();

  @Override
  Stream<XmlTurnled> allTurnleds() {
    return Stream.concat(batches.stream().flatMap(XmlBatch::allTurnleds), super.allTurnleds());
  }
}
