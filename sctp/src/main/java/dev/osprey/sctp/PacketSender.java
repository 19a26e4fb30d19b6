package dev.osprey.sctp;

import io.netty.buffer.ByteBuf;

/**
 * Where the association writes its packets: in production the DTLS transport, which sends each one as one DTLS
 * application-data record (RFC 8261 §5). Called on the association's event loop.
 */
@FunctionalInterface
public interface PacketSender {

    /** Sends one SCTP packet; the implementation owns {@code packet} and must release it. */
    void sendPacket(ByteBuf packet);
}
