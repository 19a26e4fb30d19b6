package dev.osprey.turn.server;

import io.netty.buffer.ByteBuf;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Relaying between two allocations of this server without a trip through the kernel. When both ends of a call are
 * relayed by the same TURN server, one allocation's peer is the other's relayed transport address (RFC 8656 §2.2):
 * data sent to it would leave one relay socket only to arrive at the other. Instead it goes to the receiving
 * allocation as if it had arrived at its relay socket from the sending allocation's relayed address: the same
 * permission check, bandwidth cap and framing apply ({@link PeerDataRelay}), and the client sees the same message.
 * When the current event loop owns the receiving allocation that happens at once; when another loop does, the sender's
 * {@link HairpinOutbox} hands the read batch's messages over as one task per loop. RFC 6062 TCP allocations are reached
 * through their sockets as before.
 *
 * <p>Live UDP allocations are indexed by the relayed address they advertise; the index is written by the allocation
 * registry on whichever loop makes or deletes an allocation and read lock-free on every relayed packet.
 */
public final class HairpinRelay {
    private final Map<InetSocketAddress, Allocation> byRelayedAddress = new ConcurrentHashMap<>();
    private final PeerDataRelay toClient;

    HairpinRelay(PeerDataRelay toClient) {
        this.toClient = toClient;
    }

    /** Indexes a live UDP allocation by its relayed address. */
    void add(Allocation allocation) {
        if (allocation.tcp() == null && allocation.relayAddress() != null) {
            byRelayedAddress.put(allocation.relayAddress(), allocation);
        }
    }

    /** Forgets a deleted allocation. */
    void remove(Allocation allocation) {
        if (allocation.relayAddress() != null) {
            byRelayedAddress.remove(allocation.relayAddress(), allocation);
        }
    }

    /**
     * Delivers {@code data} (ownership taken) sent by {@code source} to {@code peer} when {@code peer} is the relayed
     * address of a live allocation of this server: straight to its client when the current event loop owns it, else
     * through the source's {@link HairpinOutbox} when the current read batch ends. Either way the target's client is
     * flushed once per batch.
     *
     * @return false, with {@code data} untouched, when {@code peer} is not such an address and the data must go out
     *         through the relay socket
     */
    boolean deliver(Allocation source, ByteBuf data, InetSocketAddress peer) {
        Allocation target = byRelayedAddress.get(peer);
        if (target == null) {
            return false;
        }
        if (target.client().eventLoop().inEventLoop()) {
            try {
                if (toClient.toClient(target, data, source.relayAddress()) && target.markClientFlushPending()) {
                    source.client().flushRelayLater(target);
                }
            } finally {
                data.release();
            }
        } else {
            HairpinOutbox outbox = source.hairpinOutbox();
            if (outbox == null) {
                outbox = new HairpinOutbox(toClient, source.relayAddress());
                source.hairpinOutbox(outbox);
            }
            outbox.add(target, data);
            if (source.markRelayFlushPending()) {
                source.client().flushRelayLater(source);
            }
        }
        return true;
    }
}
