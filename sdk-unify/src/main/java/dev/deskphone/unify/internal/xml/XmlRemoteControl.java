package dev.deskphone.unify.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import java.util.ArrayList;
import java.util.List;

/** A {@code <Remote_Control>} element: the Turnleds of the reply form. Bound by JAXB only. */
@XmlAccessorType(XmlAccessType.FIELD)
public final class XmlRemoteControl {
  @XmlElement(name = "Turnled")
  final List<XmlTurnled> turnleds = new ArrayList<>();
}
