/**
 * The vendor-neutral core of the Deskphone SDK: validated models, the {@link
 * dev.deskphone.core.PhoneTransport} SPI and its default on {@code java.net.http}, TLS policy, the
 * {@link dev.deskphone.core.PhoneException} hierarchy, and running one operation on many phones.
 *
 * <p>Examples: the README's <a
 * href="https://github.com/deskphone/deskphone-sdk#sdk-core">sdk-core</a> section (compiled
 * snippets, copied from tests).
 */
@SuppressWarnings("module")
module dev.deskphone.core {
  requires java.net.http;
  requires java.xml;
  requires org.slf4j;

  exports dev.deskphone.core;
  exports dev.deskphone.core.server;
  // Shared validation for the SDK's own modules. They are built after this one, hence the
  // @SuppressWarnings("module") above: javac cannot see them yet.
  exports dev.deskphone.core.internal to
      dev.deskphone.snom,
      dev.deskphone.unify,
      dev.deskphone.testkit;
}
