package dev.deskphone.core.server;

import java.time.Duration;

/**
 * The limits an {@link EndpointServer} enforces on each connection and request.
 *
 * @param maxRequestLine the longest request target, in characters
 * @param maxHeaderBytes the most header bytes (names, values and line ends)
 * @param maxHeaders the most header fields
 * @param maxBodyBytes the largest body
 * @param idleTimeout the time a connection may wait for its next request
 * @param readTimeout the time to read the request line, headers and body once its first byte came
 * @param handlerTimeout the time the handler has to answer, and the answer to be written
 */
record Limits(
    int maxRequestLine,
    int maxHeaderBytes,
    int maxHeaders,
    int maxBodyBytes,
    Duration idleTimeout,
    Duration readTimeout,
    Duration handlerTimeout) {}
