/**
 * Fake phones on loopback and the transport contract suite, for use in tests. JUnit and AssertJ are
 * optional: only the parts that name them need them on the class path.
 */
module dev.deskphone.testkit {
  requires transitive dev.deskphone.core;
  requires transitive dev.deskphone.snom;
  requires transitive dev.deskphone.unify;
  requires okhttp3.tls;
  requires java.net.http; // the fake Unify phone's own HTTP client
  requires java.xml;
  requires static org.junit.jupiter.api;
  requires static org.assertj.core;

  exports dev.deskphone.testkit;
  exports dev.deskphone.testkit.assertj;
  exports dev.deskphone.testkit.junit;

  // PhoneTransportContract's package-private @Test and @AfterEach methods, run by JUnit in a user's
  // subclass; nothing else is reached by reflection.
  opens dev.deskphone.testkit to
      org.junit.platform.commons;
}
