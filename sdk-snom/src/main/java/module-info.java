/**
 * Drives snom desk phones through their HTTP remote control: {@link dev.deskphone.snom.SnomPhone},
 * its keys, models and key sequences.
 */
module dev.deskphone.snom {
  requires transitive dev.deskphone.core;

  exports dev.deskphone.snom;
}
