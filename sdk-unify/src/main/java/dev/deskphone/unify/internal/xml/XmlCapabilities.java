package dev.deskphone.unify.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code <Capabilities_Req>} element. The vendor page shows Turnleds right after it, so Turnleds
 * inside it are read too. Bound by JAXB only.
 */
@XmlAccessorType(XmlAccessType.FIELD)
public final class XmlCapabilities {
  @XmlElement(name = "Turnled")
  final List<XmlTurnled> turnleds = new ArrayList<>();

  @XmlElement(name = "Remote_Control")
  final List<XmlRemoteControl> remoteControls = new ArrayList<>();
}
