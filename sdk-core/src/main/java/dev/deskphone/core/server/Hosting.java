package dev.deskphone.core.server;

import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import javax.net.ssl.SSLSocketFactory;

/**
 * What every connection of one {@link EndpointServer} shares.
 *
 * @param routes which endpoint answers a path
 * @param limits the limits on each connection and request
 * @param workers one permit per endpoint call that may run at once
 * @param late where the {@code 503} of an endpoint that overran its deadline is written
 * @param tls the TLS socket factory, or null for plain HTTP
 */
record Hosting(
    Routes routes, Limits limits, Semaphore workers, Executor late, SSLSocketFactory tls) {}
