package dev.osprey.turn.server;

import io.netty.buffer.ByteBuf;

/**
 * Answers the requests of one STUN method (RFC 8656 §7–§11): one class per method, chosen by the dispatcher, which
 * has already authenticated the request and refused unknown comprehension-required attributes.
 */
public interface RequestHandler {

    /**
     * Handles {@code request}, whose encoded bytes are {@code raw} (valid only during this call). Sends exactly one
     * response, now or later.
     */
    void handle(TurnRequest request, ByteBuf raw);

    /** Whether the method needs long-term credentials (every TURN method does, RFC 8656 §5; Binding does not). */
    default boolean requiresAuthentication() {
        return true;
    }
}
