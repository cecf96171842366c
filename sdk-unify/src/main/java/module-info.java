/**
 * The Unify OpenScape Desk Phone CP "Send URL" key: parse the requests its keys send ({@link
 * dev.deskphone.unify.SendUrlRequest}), answer them with LED replies ({@link
 * dev.deskphone.unify.TurnledXml}, {@link dev.deskphone.unify.SendUrlEndpoint}, {@link
 * dev.deskphone.unify.SendUrlServer}) and push a phone to fire a key ({@link
 * dev.deskphone.unify.UnifyPhone}).
 *
 * <p>Examples: the README's <a
 * href="https://github.com/deskphone/deskphone-sdk#sdk-unify">sdk-unify</a> section (compiled
 * snippets, copied from tests).
 */
module dev.deskphone.unify {
  requires transitive dev.deskphone.core;
  requires java.xml;
  requires jakarta.xml.bind;
  requires org.slf4j;

  exports dev.deskphone.unify;

  // JAXB binds the reply form's element classes by reflection.
  opens dev.deskphone.unify.internal.xml to
      jakarta.xml.bind;
}
