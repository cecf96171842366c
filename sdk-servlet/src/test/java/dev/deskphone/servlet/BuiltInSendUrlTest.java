package dev.deskphone.servlet;

/** The Send URL suite on the SDK's own {@link dev.deskphone.core.server.EndpointServer}. */
class BuiltInSendUrlTest extends SendUrlHostingSuite {

  @Override
  EndpointHost host() {
    return new BuiltInHost();
  }
}
