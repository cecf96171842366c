/**
 * The vendor-neutral core of the Deskphone SDK: validated models, the {@link
 * dev.deskphone.core.PhoneTransport} SPI and its default on {@code java.net.http}, TLS policy, the
 * {@link dev.deskphone.core.PhoneException} hierarchy, and running one operation on many phones.
 */
module dev.deskphone.core {
  requires java.net.http;
  requires org.slf4j;

  exports dev.deskphone.core;
}
