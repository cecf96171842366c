package dev.deskphone.unify.internal;

import java.time.Duration;

/**
 * The limits a Send URL server enforces on each request, in its own code.
 *
 * @param maxRequestLine the longest request target, in characters
 * @param maxHeaderBytes the most header bytes (names, values and line ends)
 * @param maxHeaders the most header fields
 * @param maxBodyBytes the largest body
 * @param readTimeout the time to read the request line, headers and body
 * @param handlerTimeout the time the handler has to answer
 */
public record ServerLimits(
    int maxRequestLine,
    int maxHeaderBytes,
    int maxHeaders,
    int maxBodyBytes,
    Duration readTimeout,
    Duration handlerTimeout) {}
