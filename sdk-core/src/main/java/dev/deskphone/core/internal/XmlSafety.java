package dev.deskphone.core.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;

/**
 * What the SDK's XML writers and readers share: exact escaping, strict UTF-8, the prologue checks
 * (BOM, declaration, no DOCTYPE or entity) and a StAX factory that fetches nothing. Each reader
 * keeps its own limits and messages. Stateless and thread-safe; a factory from {@link
 * #inputFactory()} is configured once and then only creates readers.
 */
public final class XmlSafety {
  private static final Pattern DECLARATION =
      Pattern.compile("\\A<\\?xml\\s[^?]*\\?>", Pattern.DOTALL);
  private static final Pattern ENCODING = Pattern.compile("encoding\\s*=\\s*[\"']([^\"']*)[\"']");

  private XmlSafety() {}

  /**
   * Appends {@code value} escaped for element text and double-quoted attributes alike: {@code & < >
   * " '} as entities ({@code >} always, so {@code ]]>} never appears), TAB, LF and CR as character
   * references, which a parser reads back as themselves even inside an attribute, where it would
   * turn them raw into spaces.
   *
   * @param out where to append
   * @param value the text
   */
  public static void escape(StringBuilder out, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        case '\t' -> out.append("&#9;");
        case '\n' -> out.append("&#10;");
        case '\r' -> out.append("&#13;");
        default -> out.append(c);
      }
    }
  }

  /**
   * Decodes strict UTF-8: malformed or unmappable input is refused, never replaced.
   *
   * @param bytes the bytes
   * @return the text, or empty if the bytes are not valid UTF-8
   */
  public static Optional<String> utf8(byte[] bytes) {
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  /**
   * The document's text after a byte order mark and an XML declaration, checked: at most {@code
   * maxChars} characters, a declaration that names no encoding but UTF-8, and no {@code <!DOCTYPE}
   * or {@code <!ENTITY} anywhere.
   *
   * @param text the document
   * @param maxChars the most characters read
   * @param refuse makes the exception to throw from the reason, such as {@code "it is longer than
   *     65536 characters"}
   * @return the text without BOM and declaration
   */
  public static String body(
      String text, int maxChars, Function<String, ? extends RuntimeException> refuse) {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    if (body.length() > maxChars) {
      throw refuse.apply("it is longer than " + maxChars + " characters");
    }
    Matcher declaration = DECLARATION.matcher(body);
    if (declaration.find()) {
      Matcher encoding = ENCODING.matcher(declaration.group());
      if (encoding.find() && !encoding.group(1).equalsIgnoreCase("UTF-8")) {
        throw refuse.apply(
            "only UTF-8 is read, the declaration says " + Checks.quote(encoding.group(1)));
      }
      body = body.substring(declaration.end());
    }
    if (body.contains("<!DOCTYPE") || body.contains("<!ENTITY")) {
      throw refuse.apply("a DOCTYPE or entity declaration is not allowed");
    }
    return body;
  }

  /**
   * A StAX input factory of the JDK's own parser, whatever else is on the class path, that reads no
   * DTD, replaces no external entity, may access no external DTD or schema, and whose resolver
   * refuses every external resource.
   *
   * @return a new factory
   */
  public static XMLInputFactory inputFactory() {
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    f.setXMLResolver(
        (publicId, systemId, baseUri, namespace) -> {
          throw new XMLStreamException("external resources are never fetched");
        });
    return f;
  }
}
