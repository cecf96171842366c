package dev.deskphone.unify.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** A {@code <Batch>} element, the root of the reply form. Bound by JAXB only. */
@XmlAccessorType(XmlAccessType.FIELD)
public class XmlBatch {
  @XmlElement(name = "Capabilities_Req")
  final List<XmlCapabilities> capabilities = new ArrayList<>();

  @XmlElement(name = "Remote_Control")
  final List<XmlRemoteControl> remoteControls = new ArrayList<>();

  @XmlElement(name = "Turnled")
  final List<XmlTurnled> turnleds = new ArrayList<>();

  /** Every Turnled inside, in document order within each kind of container. */
  Stream<XmlTurnled> allTurnleds() {
    return Stream.of(
            capabilities.stream()
                .flatMap(
                    c ->
                        Stream.concat(
                            c.turnleds.stream(),
                            c.remoteControls.stream().flatMap(r -> r.turnleds.stream()))),
            remoteControls.stream().flatMap(r -> r.turnleds.stream()),
            turnleds.stream())
        .flatMap(s -> s);
  }
}
