package dev.deskphone.servlet;

/** The snom event suite on the SDK's own {@link dev.deskphone.core.server.EndpointServer}. */
class BuiltInSnomEventTest extends SnomEventHostingSuite {

  @Override
  EndpointHost host() {
    return new BuiltInHost();
  }
}
