package dev.deskphone.testkit;

import dev.deskphone.core.JdkHttpTransport;
import dev.deskphone.core.PhoneTransport;

class JdkHttpTransportContractTest extends PhoneTransportContract {
  @Override
  protected PhoneTransport transport() {
    return JdkHttpTransport.create();
  }
}
