package dev.osprey.turn.server;

import dev.osprey.turn.metrics.DropReason;
import dev.osprey.turn.metrics.TurnMetrics;
import io.netty.buffer.ByteBuf;

import java.net.InetSocketAddress;

/**
 * The hot path from peer to client (RFC 8656 §10.3, §12.6): data arriving at an allocation's relayed address from a
 * peer with a permission goes to the client as ChannelData when the peer is bound to a channel, else as a Data
 * indication. Data from any other address, over the bandwidth cap or for a client whose connection is full is
 * dropped and counted. The data reaches here from the relay socket, or straight from another allocation of this
 * server ({@link HairpinRelay}).
 */
public final class PeerDataRelay {
    private final TurnMetrics metrics;

    public PeerDataRelay(TurnMetrics metrics) {
        this.metrics = metrics;
    }

    /**
     * Queues {@code payload} (not released) from {@code peer} on the client's connection of {@code allocation}; the
     * caller flushes it when its read batch ends.
     *
     * @return true when the message was queued, false when it was dropped (and counted)
     */
    public boolean toClient(Allocation allocation, ByteBuf payload, InetSocketAddress peer) {
        if (allocation.state() != Allocation.State.LIVE) {
            metrics.dropped(DropReason.NO_ALLOCATION);
            return false;
        }
        if (!allocation.permissions().permits(peer.getAddress())) {
            metrics.dropped(DropReason.NO_PERMISSION);
            return false;
        }
        int length = payload.readableBytes();
        ClientConnection client = allocation.client();
        if (!allocation.budget().tryConsume(length)) {
            metrics.dropped(DropReason.BANDWIDTH);
            return false;
        }
        if (!client.isWritable()) {
            metrics.dropped(DropReason.BACKPRESSURE);
            return false;
        }
        boolean stream = allocation.fiveTuple().protocol().isStream();
        ByteBuf framed = PeerDataFramer.frame(client.alloc(), payload, peer, allocation.channels().byPeer(peer), stream);
        if (framed == null) {
            metrics.dropped(DropReason.MALFORMED);
            return false;
        }
        client.write(framed);
        metrics.relayedToClient(length);
        return true;
    }
}
