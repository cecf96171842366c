/**
 * Drives snom desk phones through their HTTP remote control. Its API package is exported with its
 * first types.
 */
module dev.deskphone.snom {
  requires transitive dev.deskphone.core;
}
