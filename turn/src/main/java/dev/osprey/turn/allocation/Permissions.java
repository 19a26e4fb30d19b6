package dev.osprey.turn.allocation;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The permissions of one allocation, keyed by peer IP address (ports are ignored, RFC 8656 §9). Owned by the
 * allocation's event loop. Expired permissions are removed by the periodic sweep, so the per-packet check is a
 * single hash lookup without reading the clock.
 */
public final class Permissions {
    private static final long LIFETIME_NANOS = TimeUnit.SECONDS.toNanos(Permission.LIFETIME_SECONDS);
    private final Map<InetAddress, Permission> byPeer = new HashMap<>();
    private final AtomicInteger liveCount;

    /** @param liveCount the server-wide number of permissions (a gauge), kept in step with this table */
    public Permissions(AtomicInteger liveCount) {
        this.liveCount = liveCount;
    }

    /** Installs or refreshes the permission for {@code peer} for another 300 seconds from {@code nowNanos}. */
    public void install(InetAddress peer, long nowNanos) {
        Permission existing = byPeer.get(peer);
        if (existing != null) {
            existing.extendTo(nowNanos + LIFETIME_NANOS);
            return;
        }
        byPeer.put(peer, new Permission(peer, nowNanos + LIFETIME_NANOS));
        liveCount.incrementAndGet();
    }

    /** Whether traffic to or from {@code peer} is allowed (the hot-path check). */
    public boolean permits(InetAddress peer) {
        return byPeer.containsKey(peer);
    }

    public int size() {
        return byPeer.size();
    }

    /** Removes the permissions that expired by {@code nowNanos}; returns how many. */
    public int expire(long nowNanos) {
        int removed = 0;
        for (Iterator<Permission> it = byPeer.values().iterator(); it.hasNext(); ) {
            if (it.next().isExpired(nowNanos)) {
                it.remove();
                removed++;
            }
        }
        liveCount.addAndGet(-removed);
        return removed;
    }

    /** Drops every permission (the allocation is gone). */
    public void clear() {
        liveCount.addAndGet(-byPeer.size());
        byPeer.clear();
    }
}
