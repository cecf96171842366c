/**
 * The Unify OpenScape Desk Phone CP "Send URL" key: serve its requests and push the phone. Its API
 * package is exported with its first types.
 */
module dev.deskphone.unify {
  requires transitive dev.deskphone.core;
}
