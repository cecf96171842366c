package dev.deskphone.unify.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;

/** A {@code <Turnled>} element as read, every attribute still text. Bound by JAXB only. */
@XmlAccessorType(XmlAccessType.FIELD)
public final class XmlTurnled {
  @XmlAttribute(name = "ID")
  String id;

  @XmlAttribute(name = "WAKE")
  String wake;

  @XmlAttribute(name = "STATE")
  String state;

  @XmlAttribute(name = "COLOUR")
  String colour;

  @XmlAttribute(name = "LABEL")
  String label;
}
