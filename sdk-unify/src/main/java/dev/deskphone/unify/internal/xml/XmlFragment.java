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
 * <Turnled>}) read alike. Bound by JAXB only.
 */
@XmlRootElement(name = TurnledXmlReader.WRAPPER)
@XmlAccessorType(XmlAccessType.FIELD)
public final class XmlFragment {
  @XmlElement(name = "Batch")
  final List<XmlBatch> batches = new ArrayList<>();

  @XmlElement(name = "Capabilities_Req")
  final List<XmlCapabilities> capabilities = new ArrayList<>();

  @XmlElement(name = "Remote_Control")
  final List<XmlRemoteControl> remoteControls = new ArrayList<>();

  @XmlElement(name = "Turnled")
  final List<XmlTurnled> turnleds = new ArrayList<>();

  /** Every Turnled, in document order within each kind of container. */
  Stream<XmlTurnled> allTurnleds() {
    Stream<XmlTurnled> inBatches =
        batches.stream()
            .flatMap(
                b ->
                    Stream.of(
                            b.capabilities.stream().flatMap(XmlFragment::inCapabilities),
                            b.remoteControls.stream().flatMap(r -> r.turnleds.stream()),
                            b.turnleds.stream())
                        .flatMap(s -> s));
    return Stream.of(
            inBatches,
            capabilities.stream().flatMap(XmlFragment::inCapabilities),
            remoteControls.stream().flatMap(r -> r.turnleds.stream()),
            turnleds.stream())
        .flatMap(s -> s);
  }

  private static Stream<XmlTurnled> inCapabilities(XmlCapabilities c) {
    return Stream.concat(
        c.turnleds.stream(), c.remoteControls.stream().flatMap(r -> r.turnleds.stream()));
  }
}
