/**
 * Drives snom desk phones through their HTTP remote control: {@link dev.deskphone.snom.SnomPhone},
 * its keys, models and key sequences; and receives their action-URL events: {@link
 * dev.deskphone.snom.SnomEventEndpoint}.
 */
module dev.deskphone.snom {
  requires transitive dev.deskphone.core;
  requires org.slf4j;

  exports dev.deskphone.snom;
}
