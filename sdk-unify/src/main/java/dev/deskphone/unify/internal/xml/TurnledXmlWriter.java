package dev.deskphone.unify.internal.xml;

import dev.deskphone.core.Turnled;
import dev.deskphone.core.TurnledResponse;
import dev.deskphone.core.internal.XmlSafety;

/**
 * Writes the reply form by hand rather than with JAXB: the form is fixed and tiny, and JAXB's
 * escaping leaves {@code '} and TAB, CR and LF raw inside attributes. A raw TAB, CR or LF in an
 * attribute becomes a space when the phone reads it (attribute-value normalisation), so those must
 * go out as character references, which JAXB cannot be told to do without its implementation's
 * private escape-handler hook. Reading still goes through JAXB. Stateless.
 */
public final class TurnledXmlWriter {
  private TurnledXmlWriter() {}

  /** The reply form for {@code reply}, attributes in the order ID, WAKE, STATE, COLOUR, LABEL. */
  public static String write(TurnledResponse reply) {
    StringBuilder out = new StringBuilder(256);
    out.append("<Batch>\n")
        .append("  <Capabilities_Req TYPE=\"ALL_OF\">\n")
        .append("    <Capability NAME=\"XML_LED_STATE_CONTROL\"/>\n")
        .append("  </Capabilities_Req>\n")
        .append("  <Remote_Control>\n");
    for (Turnled led : reply.turnleds()) {
      out.append("    <Turnled");
      attribute(out, "ID", led.symbolicName());
      attribute(out, "WAKE", led.wake() ? "TRUE" : "FALSE");
      attribute(out, "STATE", led.state().name());
      led.colour().ifPresent(c -> attribute(out, "COLOUR", c.name()));
      led.label().ifPresent(l -> attribute(out, "LABEL", l));
      out.append("/>\n");
    }
    return out.append("  </Remote_Control>\n").append("</Batch>\n").toString();
  }

  private static void attribute(StringBuilder out, String name, String value) {
    out.append(' ').append(name).append("=\"");
    XmlSafety.escape(out, value);
    out.append('"');
  }
}
