package dev.deskphone.core;

/** Every {@link AuthenticatingTransportTest} again, through {@code sendAndWait}. */
class AuthenticatingTransportBlockingTest extends AuthenticatingTransportTest {
  @Override
  boolean blocking() {
    return true;
  }
}
