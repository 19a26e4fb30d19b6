package dev.osprey.dtls;

import io.netty.buffer.ByteBuf;

/** Sends one datagram of DTLS records to the peer (through the ICE-selected pair). Called on the event loop. */
@FunctionalInterface
public interface DtlsSender {

    /** Sends {@code datagram}; the sender owns it and releases it (or hands it to a channel that will). */
    void send(ByteBuf datagram);
}
