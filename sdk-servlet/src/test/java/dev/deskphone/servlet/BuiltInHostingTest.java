package dev.deskphone.servlet;

/** The hosting suite with the SDK's own {@link dev.deskphone.core.server.EndpointServer}. */
class BuiltInHostingTest extends EndpointHostingSuite {

  @Override
  EndpointHost host() {
    return new BuiltInHost();
  }
}
