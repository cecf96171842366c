package dev.deskphone.core;

/** Every {@link PhoneAuthenticatorTest} again, through {@link PhoneAuthenticator#sendAndWait}. */
class PhoneAuthenticatorBlockingTest extends PhoneAuthenticatorTest {
  @Override
  boolean blocking() {
    return true;
  }
}
