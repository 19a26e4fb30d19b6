package dev.osprey.turn.allocation;

import io.netty.util.collection.IntObjectHashMap;
import io.netty.util.collection.IntObjectMap;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The channel bindings of one allocation, looked up both ways on the hot path: by channel number for ChannelData from
 * the client (a primitive-keyed map, no boxing), by peer transport address for data from the peer. Owned by the
 * allocation's event loop; the periodic sweep removes expired bindings.
 */
public final class ChannelBindings {
    private static final long LIFETIME_NANOS = TimeUnit.SECONDS.toNanos(ChannelBinding.LIFETIME_SECONDS);
    private final IntObjectMap<ChannelBinding> byNumber = new IntObjectHashMap<>(4);
    private final Map<InetSocketAddress, ChannelBinding> byPeer = new HashMap<>(4);
    private final AtomicInteger liveCount;

    /** @param liveCount the server-wide number of channel bindings (a gauge), kept in step with this table */
    public ChannelBindings(AtomicInteger liveCount) {
        this.liveCount = liveCount;
    }

    /**
     * Binds {@code number} to {@code peer}, or refreshes that same binding, for 10 minutes from {@code nowNanos}.
     * RFC 8656 §11.2: a number already bound to another peer, or a peer already bound to another number, is refused.
     *
     * @return whether the binding was made or refreshed
     */
    public boolean bind(int number, InetSocketAddress peer, long nowNanos) {
        ChannelBinding sameNumber = byNumber.get(number);
        ChannelBinding samePeer = byPeer.get(peer);
        if (sameNumber != samePeer) {
            return false;
        }
        if (sameNumber != null) {
            sameNumber.extendTo(nowNanos + LIFETIME_NANOS);
            return true;
        }
        ChannelBinding binding = new ChannelBinding(number, peer, nowNanos + LIFETIME_NANOS);
        byNumber.put(number, binding);
        byPeer.put(peer, binding);
        liveCount.incrementAndGet();
        return true;
    }

    /** The binding of channel {@code number}, or null (ChannelData for an unbound channel is dropped). */
    public ChannelBinding byNumber(int number) {
        return byNumber.get(number);
    }

    /** The binding of {@code peer}, or null (data from that peer then goes out as a Data indication). */
    public ChannelBinding byPeer(InetSocketAddress peer) {
        return byPeer.get(peer);
    }

    public int size() {
        return byNumber.size();
    }

    /** Removes the bindings that expired by {@code nowNanos}; returns how many. */
    public int expire(long nowNanos) {
        int removed = 0;
        for (Iterator<ChannelBinding> it = byPeer.values().iterator(); it.hasNext(); ) {
            ChannelBinding binding = it.next();
            if (binding.isExpired(nowNanos)) {
                it.remove();
                byNumber.remove(binding.number());
                removed++;
            }
        }
        liveCount.addAndGet(-removed);
        return removed;
    }

    /** Drops every binding (the allocation is gone). */
    public void clear() {
        liveCount.addAndGet(-byNumber.size());
        byNumber.clear();
        byPeer.clear();
    }
}
