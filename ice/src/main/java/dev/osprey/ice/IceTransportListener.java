package dev.osprey.ice;

import io.netty.buffer.ByteBuf;

/**
 * What a transport reports to its owner (media-core). Every callback runs on the transport's event loop.
 */
public interface IceTransportListener {

    /**
     * A DTLS, RTP or RTCP packet (RFC 7983 first byte 20–63 or 128–191) from a valid pair of this transport. The
     * buffer is the receive buffer itself, not a copy, and ownership passes to the listener, which must release
     * it (as with Netty's {@code channelRead}).
     */
    void onPacket(IceTransport transport, FiveTuple from, ByteBuf packet);

    /**
     * The pair media goes out on changed: after a nomination (USE-CANDIDATE), when media arrived on another
     * valid pair, or when the selected pair lost consent and another valid one took over.
     */
    default void onSelectedPairChanged(IceTransport transport, FiveTuple selected) {
    }

    /**
     * An ICE restart completed (RFC 8445 §9): the first valid check with the new credentials arrived, and checks
     * with the old ones are refused from now on.
     */
    default void onRestartCompleted(IceTransport transport, IceCredentials active) {
    }

    /** The transport's state changed; {@link IceTransportState#DISCONNECTED} is the consent-expiry report. */
    default void onStateChanged(IceTransport transport, IceTransportState state) {
    }
}
