/**
 * Drives snom desk phones through their HTTP remote control: {@link dev.deskphone.snom.SnomPhone},
 * its keys, models and key sequences; receives their action-URL events ({@link
 * dev.deskphone.snom.SnomEventEndpoint}) and follows their calls from them ({@link
 * dev.deskphone.snom.SnomCallTracker}); writes and reads the documents of their XML minibrowser
 * ({@link dev.deskphone.snom.MinibrowserDocument}, {@link dev.deskphone.snom.SnomFragment}).
 *
 * <p>Examples: the README's <a
 * href="https://github.com/deskphone/deskphone-sdk#sdk-snom">sdk-snom</a> section (compiled
 * snippets, copied from tests).
 */
module dev.deskphone.snom {
  requires transitive dev.deskphone.core;
  requires java.xml;
  requires org.slf4j;

  exports dev.deskphone.snom;
}
