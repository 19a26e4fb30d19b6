package dev.osprey.turn.server;

import dev.osprey.stun.MessageProtection;
import dev.osprey.stun.StunClass;
import dev.osprey.stun.StunEncoder;
import dev.osprey.stun.StunMessage;
import dev.osprey.stun.StunMethod;
import dev.osprey.stun.TransactionId;
import dev.osprey.stun.attribute.ConnectionId;
import dev.osprey.stun.attribute.XorPeerAddress;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

import java.net.InetSocketAddress;

/**
 * The ConnectionAttempt indication (RFC 6062 §4.4, §5.3): tells the client on its control connection that a peer
 * connected to the relayed transport address, with the peer's address and the CONNECTION-ID to bind. Indications
 * carry no MESSAGE-INTEGRITY.
 */
final class ConnectionAttempt {
    private ConnectionAttempt() {
    }

    /** The encoded indication for {@code peer} and {@code connectionId}; the caller owns the buffer. */
    static ByteBuf encode(ByteBufAllocator alloc, InetSocketAddress peer, long connectionId) {
        StunMessage indication = StunMessage.builder(StunClass.INDICATION, StunMethod.CONNECTION_ATTEMPT,
                        TransactionId.random())
                .add(new XorPeerAddress(peer))
                .add(new ConnectionId(connectionId))
                .build();
        ByteBuf out = alloc.ioBuffer(64);
        try {
            StunEncoder.encode(indication, out, MessageProtection.NONE);
            return out;
        } catch (RuntimeException e) {
            out.release();
            throw e;
        }
    }
}
