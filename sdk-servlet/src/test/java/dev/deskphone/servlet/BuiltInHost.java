package dev.deskphone.servlet;

import dev.deskphone.core.server.EndpointServer;
import dev.deskphone.core.server.PhoneEndpoint;
import java.net.InetSocketAddress;

/**
 * The SDK's own {@link EndpointServer} on 127.0.0.1, with the endpoint at {@code /sendurl/*} like
 * the containers, reading bodies of up to {@link EndpointHostingSuite#MAX_BODY_BYTES} and running
 * more than {@link EndpointHostingSuite#CONCURRENT} requests at once.
 */
final class BuiltInHost implements EndpointHost {

  @Override
  public Hosted start(PhoneEndpoint endpoint) {
    EndpointServer server =
        EndpointServer.builder()
            .bind(new InetSocketAddress("127.0.0.1", 0))
            .endpoint("/sendurl/*", endpoint)
            .maxBodyBytes(EndpointHostingSuite.MAX_BODY_BYTES)
            .workers(2 * EndpointHostingSuite.CONCURRENT)
            .start();
    return new Hosted(server.uri("/sendurl/*"), server::close);
  }
}
